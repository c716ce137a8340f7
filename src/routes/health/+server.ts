import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { checkHealth } from '$lib/server/health';
import type { RequestHandler } from './$types';

/** 200 with the schema version while the database answers, 503 otherwise. Never cached. */
export const GET: RequestHandler = () => {
	const health = checkHealth(getDb);
	return json(health, {
		status: health.status === 'ok' ? 200 : 503,
		headers: { 'Cache-Control': 'no-store' }
	});
};
