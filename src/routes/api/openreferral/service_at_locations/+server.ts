import { getDb } from '$lib/server/db';
import { listServiceAtLocations } from '$lib/server/exchange/openreferral/api';
import { apiResponse, preflightResponse } from '$lib/server/exchange/openreferral/http';
import type { RequestHandler } from './$types';

/** Clients join paths to a base URL that may end in a slash: answer both, never redirect. */
export const trailingSlash = 'ignore';

/** Open Referral UK: services at locations, paged, filtered, near a postcode. */
export const GET: RequestHandler = ({ url }) =>
	apiResponse(listServiceAtLocations(getDb(), url.searchParams));
export const OPTIONS: RequestHandler = () => preflightResponse();
