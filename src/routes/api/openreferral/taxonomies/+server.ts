import { getDb } from '$lib/server/db';
import { listTaxonomies } from '$lib/server/exchange/openreferral/api';
import { apiResponse, preflightResponse } from '$lib/server/exchange/openreferral/http';
import type { RequestHandler } from './$types';

/** Clients join paths to a base URL that may end in a slash: answer both, never redirect. */
export const trailingSlash = 'ignore';

/** Open Referral UK: taxonomies, paged. */
export const GET: RequestHandler = ({ url }) =>
	apiResponse(listTaxonomies(getDb(), url.searchParams));
export const OPTIONS: RequestHandler = () => preflightResponse();
