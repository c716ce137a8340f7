/**
 * The background map a site is configured with, and the files Patchwork serves for it itself:
 * BASEMAP_PMTILES, a PMTiles extract of the council's area (served with HTTP range requests at
 * /basemap/tiles.pmtiles), and BASEMAP_GEOJSON, a small GeoJSON basemap (the demo borough's,
 * data/demo/basemap.geojson, at /basemap/features.geojson). BASEMAP_STYLE_URL, a MapLibre style
 * from elsewhere, wins over both. With none set, maps use the offline plain style.
 */
import { open, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { readRange } from '$lib/domain/byte-range';
import type { Basemap } from '$lib/map/basemap';

export const BASEMAP_PATHS = {
	pmtiles: '/basemap/tiles.pmtiles',
	geojson: '/basemap/features.geojson'
} as const;

type Env = Record<string, string | undefined>;

const setting = (env: Env, name: string) => env[name]?.trim() || null;

/** Which basemap the maps draw, from the environment; null for the offline style. */
export function configuredBasemap(env: Env): Basemap | null {
	const style = setting(env, 'BASEMAP_STYLE_URL');
	if (style) return { kind: 'style', url: style };
	if (setting(env, 'BASEMAP_PMTILES')) return { kind: 'pmtiles', url: BASEMAP_PATHS.pmtiles };
	if (setting(env, 'BASEMAP_GEOJSON')) return { kind: 'geojson', url: BASEMAP_PATHS.geojson };
	return null;
}

const notFound = () =>
	new Response('No basemap file is configured here.', {
		status: 404,
		headers: { 'content-type': 'text/plain; charset=utf-8' }
	});

/**
 * Serves the file named by an environment setting, answering a single byte range with 206 (PMTiles
 * readers fetch the parts they need) and a range past the end with 416. 404 when the setting is unset
 * or the file is not there.
 */
export async function serveBasemapFile(
	env: Env,
	name: 'BASEMAP_PMTILES' | 'BASEMAP_GEOJSON',
	request: Request,
	contentType: string
): Promise<Response> {
	const configured = setting(env, name);
	if (!configured) return notFound();
	const path = resolve(configured);
	let size: number;
	try {
		const info = await stat(path);
		if (!info.isFile()) return notFound();
		size = info.size;
	} catch {
		return notFound();
	}
	const headers: Record<string, string> = {
		'content-type': contentType,
		'accept-ranges': 'bytes',
		'cache-control': 'public, max-age=3600'
	};
	const range = readRange(request.headers.get('range'), size);
	if (range.kind === 'unsatisfiable') {
		return new Response(null, {
			status: 416,
			headers: { ...headers, 'content-range': `bytes */${size}` }
		});
	}
	const start = range.kind === 'part' ? range.start : 0;
	const end = range.kind === 'part' ? range.end : size - 1;
	const length = Math.max(0, end - start + 1);
	const body = new Uint8Array(length);
	const file = await open(path, 'r');
	try {
		let read = 0;
		while (read < length) {
			const { bytesRead } = await file.read(body, read, length - read, start + read);
			if (bytesRead === 0) break;
			read += bytesRead;
		}
	} finally {
		await file.close();
	}
	headers['content-length'] = String(length);
	if (range.kind === 'part') {
		headers['content-range'] = `bytes ${start}-${end}/${size}`;
		return new Response(body, { status: 206, headers });
	}
	return new Response(body, { status: 200, headers });
}
