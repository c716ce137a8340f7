/** Responses for the Open Referral API: JSON, CORS open to every origin, short public caching. */
import type { ApiResult } from './api';

/** The API is public and read-only, so any site may call it from a browser. */
export const CORS_HEADERS: Record<string, string> = {
	'Access-Control-Allow-Origin': '*',
	'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
	'Access-Control-Allow-Headers': 'Accept, Content-Type',
	'Access-Control-Max-Age': '86400'
};

/** A JSON response with the CORS headers. */
export function apiResponse({ status, body }: ApiResult): Response {
	return new Response(JSON.stringify(body), {
		status,
		headers: {
			...CORS_HEADERS,
			'Content-Type': 'application/json; charset=utf-8',
			// Published data changes slowly; five minutes keeps clients fresh enough.
			'Cache-Control': status === 200 ? 'public, max-age=300' : 'no-store'
		}
	});
}

/** The answer to a CORS preflight. */
export function preflightResponse(): Response {
	return new Response(null, { status: 204, headers: CORS_HEADERS });
}
