import { getDb } from '$lib/server/db';
import { cachedRead } from '$lib/server/db/read-cache';
import { listServices } from '$lib/server/exchange/openreferral/api';
import { apiResponse, preflightResponse } from '$lib/server/exchange/openreferral/http';
import type { RequestHandler } from './$types';

/** Clients join paths to a base URL that may end in a slash: answer both, never redirect. */
export const trailingSlash = 'ignore';

/** Open Referral UK: services, paged and filtered (the same page until the next write). */
export const GET: RequestHandler = ({ url }) => {
	const db = getDb();
	return apiResponse(
		cachedRead(db, `openreferral-services:${url.search}`, () => listServices(db, url.searchParams))
	);
};
export const OPTIONS: RequestHandler = () => preflightResponse();
