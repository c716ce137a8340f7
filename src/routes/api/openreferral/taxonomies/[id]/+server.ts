import { getDb } from '$lib/server/db';
import { getTaxonomy } from '$lib/server/exchange/openreferral/api';
import { apiResponse, preflightResponse } from '$lib/server/exchange/openreferral/http';
import type { RequestHandler } from './$types';

/** Clients join paths to a base URL that may end in a slash: answer both, never redirect. */
export const trailingSlash = 'ignore';

/** Open Referral UK: one taxonomy with its terms. */
export const GET: RequestHandler = ({ params }) => apiResponse(getTaxonomy(getDb(), params.id));
export const OPTIONS: RequestHandler = () => preflightResponse();
