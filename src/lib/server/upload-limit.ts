import { dev } from '$app/environment';
import { env } from '$env/dynamic/private';
import { parseBodySizeLimit } from '../domain/import/limits';

/** The largest request body the server accepts: adapter-node's BODY_SIZE_LIMIT, none in development. */
export function requestBodyLimit(): number {
	return dev ? Infinity : parseBodySizeLimit(env.BODY_SIZE_LIMIT);
}
