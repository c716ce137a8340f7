import { getDb } from '$lib/server/db';
import { listTaxonomies } from '$lib/server/exchange/openreferral/api';
import { apiResponse, preflightResponse } from '$lib/server/exchange/openreferral/http';
import type { RequestHandler } from './$types';

/** Open Referral UK: taxonomies, paged. */
export const GET: RequestHandler = ({ url }) =>
	apiResponse(listTaxonomies(getDb(), url.searchParams));
export const OPTIONS: RequestHandler = () => preflightResponse();
