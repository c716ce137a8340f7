import { apiResponse, preflightResponse } from '$lib/server/exchange/openreferral/http';
import type { RequestHandler } from './$types';

/** Clients join paths to a base URL that may end in a slash: answer both, never redirect. */
export const trailingSlash = 'ignore';

/** Any other path under the API: a JSON 404, so API clients never get an HTML page. */
export const GET: RequestHandler = ({ url }) =>
	apiResponse({
		status: 404,
		body: { error: 'Not found', message: `This API has no endpoint ${url.pathname}` }
	});
export const OPTIONS: RequestHandler = () => preflightResponse();
