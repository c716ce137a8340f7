import { apiRoot } from '$lib/server/exchange/openreferral/api';
import { apiResponse, preflightResponse } from '$lib/server/exchange/openreferral/http';
import type { RequestHandler } from './$types';

/** Open Referral UK API: the HSDS version and profile. */
export const GET: RequestHandler = () => apiResponse(apiRoot());
export const OPTIONS: RequestHandler = () => preflightResponse();
