import { apiRoot } from '$lib/server/exchange/openreferral/api';
import { apiResponse, preflightResponse } from '$lib/server/exchange/openreferral/http';
import type { RequestHandler } from './$types';

/** Clients join paths to a base URL that may end in a slash: answer both, never redirect. */
export const trailingSlash = 'ignore';

/** Open Referral UK API: the HSDS version and profile. */
export const GET: RequestHandler = () => apiResponse(apiRoot());
export const OPTIONS: RequestHandler = () => preflightResponse();
