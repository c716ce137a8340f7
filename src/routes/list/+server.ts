/**
 * "Make the list" from the connection finder: the chosen entry ids (and the person's language) to the
 * short link of the list. The link holds only entry ids: nothing about the person.
 */
import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { listIdsSchema, MAX_LIST_ENTRIES } from '$lib/domain/finder/list';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => {
	const ids = listIdsSchema.safeParse(url.searchParams.getAll('id').slice(0, MAX_LIST_ENTRIES));
	const locale = url.searchParams.get('lang') === 'cy' ? 'cy' : 'en';
	if (!ids.success || ids.data.length === 0) {
		redirect(303, '/staff/finder?list=none');
	}
	redirect(303, localizeHref(`/list/${ids.data.join('.')}`, { locale }));
};
