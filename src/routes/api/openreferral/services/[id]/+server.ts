import { getDb } from '$lib/server/db';
import { getService } from '$lib/server/exchange/openreferral/api';
import { apiResponse, preflightResponse } from '$lib/server/exchange/openreferral/http';
import type { RequestHandler } from './$types';

/** Open Referral UK: one fully nested service. */
export const GET: RequestHandler = ({ params }) => apiResponse(getService(getDb(), params.id));
export const OPTIONS: RequestHandler = () => preflightResponse();
