import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { buildAssetExport } from '$lib/server/exchange/export/respond';
import type { RequestHandler } from './$types';

/** Published assets as CSV (the whole programme, or ?patch=slug). */
export const GET: RequestHandler = ({ url }) => {
	const result = buildAssetExport(getDb(), 'csv', { params: url.searchParams, origin: url.origin });
	if (!result.ok) error(result.status, result.message);
	return new Response(result.body, { headers: result.headers });
};
