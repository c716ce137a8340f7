/**
 * A request whose write still could not get the database's write lock (a long command-line import)
 * is answered 503 "busy, try again" rather than 500: nothing was stored (each write is one statement
 * or one transaction), and trying again in a moment will work.
 */
import type { Handle, RequestEvent } from '@sveltejs/kit';
import { isBusyError } from '../db/busy';

export const BUSY_MESSAGE = 'The service is busy. Nothing was saved: please try again in a moment.';
export const BUSY_MESSAGE_CY =
	'Mae’r gwasanaeth yn brysur. Ni chadwyd dim: rhowch gynnig arall arni mewn munud.';

/** Seconds a client is asked to wait (Retry-After). */
export const BUSY_RETRY_AFTER_SECONDS = 5;

const busyRequests = new WeakSet<object>();

/**
 * Called from handleError: remembers that this request failed for a busy database.
 * @returns the message to show, or null when the error is something else
 */
export function busyErrorMessage(error: unknown, event: RequestEvent): string | null {
	if (!isBusyError(error)) return null;
	busyRequests.add(event);
	return event.url.pathname === '/cy' || event.url.pathname.startsWith('/cy/')
		? BUSY_MESSAGE_CY
		: BUSY_MESSAGE;
}

/** Turns the 500 of a request that failed for a busy database into a 503 with Retry-After. */
export const handleBusy: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (response.status !== 500 || !busyRequests.has(event)) return response;
	const headers = new Headers(response.headers);
	headers.set('Retry-After', String(BUSY_RETRY_AFTER_SECONDS));
	return new Response(response.body, { status: 503, statusText: 'Service Unavailable', headers });
};
