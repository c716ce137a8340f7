import { getDb } from '$lib/server/db';
import { listServices } from '$lib/server/exchange/openreferral/api';
import { apiResponse, preflightResponse } from '$lib/server/exchange/openreferral/http';
import type { RequestHandler } from './$types';

/** Clients join paths to a base URL that may end in a slash: answer both, never redirect. */
export const trailingSlash = 'ignore';

/** Open Referral UK: services, paged and filtered. */
export const GET: RequestHandler = ({ url }) =>
	apiResponse(listServices(getDb(), url.searchParams));
export const OPTIONS: RequestHandler = () => preflightResponse();
