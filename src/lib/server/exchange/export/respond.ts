/** The export downloads: which assets, in which format, with headers that name the licence. */
import { z } from 'zod';
import type { Db } from '../../db/client';
import { londonDate } from '../../../domain/sessions';
import {
	assetsToCsv,
	assetsToGeoJson,
	DEFAULT_LICENCE,
	exportFileName,
	type ExportMeta
} from '../../../domain/exchange/export/asset-export';
import { listAssetsForExport } from './assets';

export type ExportFormat = 'csv' | 'geojson';

const CONTENT_TYPES: Record<ExportFormat, string> = {
	csv: 'text/csv; charset=utf-8; header=present',
	geojson: 'application/geo+json; charset=utf-8'
};

const exportQuerySchema = z.object({
	patch: z
		.string()
		.regex(
			/^[a-z0-9]+(-[a-z0-9]+)*$/,
			'patch must be a patch name from the address, like aldermoor'
		)
		.max(100, 'patch must be a patch name from the address, like aldermoor')
		.optional()
});

export type ExportResult =
	| { ok: true; body: string; headers: Record<string, string> }
	| { ok: false; status: 400 | 404; message: string };

/**
 * The export file for the request's `?patch=` (optional), dated today in London. The licence is
 * Patchwork's default, the Open Government Licence v3.0, until programmes can choose their own.
 */
export function buildAssetExport(
	db: Db,
	format: ExportFormat,
	{ params, origin, now = new Date() }: { params: URLSearchParams; origin: string; now?: Date }
): ExportResult {
	const parsed = exportQuerySchema.safeParse({ patch: params.get('patch') || undefined });
	if (!parsed.success) return { ok: false, status: 400, message: parsed.error.issues[0].message };
	const patchSlug = parsed.data.patch ?? null;
	const found = listAssetsForExport(db, patchSlug);
	if (!found) {
		return {
			ok: false,
			status: 404,
			message: patchSlug ? `There is no patch called ${patchSlug}` : 'There is no programme yet'
		};
	}
	const exportedOn = londonDate(now);
	const meta: ExportMeta = {
		title: found.patch ? `${found.programme.name}: ${found.patch.name}` : found.programme.name,
		licence: DEFAULT_LICENCE,
		exportedOn,
		origin
	};
	const body =
		format === 'csv'
			? assetsToCsv(found.assets, meta)
			: JSON.stringify(assetsToGeoJson(found.assets, meta));
	const fileName = exportFileName(found.programme.slug, patchSlug, exportedOn, format);
	return {
		ok: true,
		body,
		headers: {
			'Content-Type': CONTENT_TYPES[format],
			'Content-Disposition': `attachment; filename="${fileName}"`,
			// RFC 8288 licence link: the licence travels with the response, not only the file.
			Link: `<${DEFAULT_LICENCE.url}>; rel="license"; title="${DEFAULT_LICENCE.name}"`,
			'Access-Control-Allow-Origin': '*',
			'Cache-Control': 'public, max-age=300'
		}
	};
}
