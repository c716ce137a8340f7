import { error, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { getEmailRunner, getOutboxMessage } from '$lib/server/email';
import { outboxView } from '../outbox-view';
import { tryAgain } from '../retry';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url, params }) => {
	requireRole(locals, url, 'admin');
	const message = getOutboxMessage(getDb(), Number(params.id));
	if (!message) error(404, 'Page not found');
	return {
		message: { ...outboxView(message), text: message.bodyText },
		sending: getEmailRunner() !== null,
		retried: url.searchParams.has('retried')
	};
};

export const actions: Actions = {
	retry: async ({ locals, url, request }) => {
		requireRole(locals, url, 'admin');
		const id = await tryAgain(await request.formData());
		redirect(303, `/admin/outbox/${id}?retried`);
	}
};
