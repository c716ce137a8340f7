import { getDb } from '$lib/server/db';
import { getService } from '$lib/server/exchange/openreferral/api';
import { apiResponse, preflightResponse } from '$lib/server/exchange/openreferral/http';
import type { RequestHandler } from './$types';

/** Clients join paths to a base URL that may end in a slash: answer both, never redirect. */
export const trailingSlash = 'ignore';

/** Open Referral UK: one fully nested service. */
export const GET: RequestHandler = ({ params }) => apiResponse(getService(getDb(), params.id));
export const OPTIONS: RequestHandler = () => preflightResponse();
