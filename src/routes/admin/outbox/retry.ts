/** "Try again now" for an outbox message, shared by the list and the message's page. */
import { error } from '@sveltejs/kit';
import { getEmailRunner, retryNow } from '$lib/server/email';
import { getDb } from '$lib/server/db';

/** Queue the message for a try now and, when email is set up, make that try before answering. */
export async function tryAgain(form: FormData): Promise<number> {
	const id = Number(form.get('id'));
	if (!Number.isInteger(id) || id < 1 || !retryNow(getDb(), id)) {
		error(404, 'There is no such message waiting or failed');
	}
	await getEmailRunner()?.runNow(id);
	return id;
}
