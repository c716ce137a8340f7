import { redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { getEmailRunner, listOutbox, OUTBOX_PAGE_SIZE } from '$lib/server/email';
import { formatNumber } from '$lib/domain/format';
import { outboxView } from './outbox-view';
import { tryAgain } from './retry';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	requireRole(locals, url, 'admin');
	const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
	const { messages, total } = listOutbox(getDb(), page);
	const pageCount = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE));
	return {
		messages: messages.map(outboxView),
		total: formatNumber(total),
		totalCount: total,
		sending: getEmailRunner() !== null,
		previousHref: page > 1 ? `/admin/outbox?page=${page - 1}` : null,
		nextHref: page < pageCount ? `/admin/outbox?page=${page + 1}` : null,
		retried: url.searchParams.get('retried')
	};
};

export const actions: Actions = {
	retry: async ({ locals, url, request }) => {
		requireRole(locals, url, 'admin');
		const id = await tryAgain(await request.formData());
		redirect(303, `/admin/outbox?retried=${id}`);
	}
};
