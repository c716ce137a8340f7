/** Build the map's FeatureCollections from plain database rows. */
import type { MultiPolygon, Polygon } from 'geojson';
import type { AssetKind } from '$lib/domain/vocabulary';
import type { AreaBand, AreaCollection, PointCollection } from './types';

export interface AssetPointRow {
	id: number;
	name: string;
	kind: AssetKind;
	lon: number | null;
	lat: number | null;
}

export interface PatchAreaRow {
	id: number;
	slug: string;
	name: string;
	boundary: Polygon | MultiPolygon;
	band?: AreaBand | null;
	/** Locked patches keep their small areas (the editor warns before an edit overlaps one). */
	locked?: boolean;
}

/** True for a longitude/latitude pair that can be drawn (online and roaming assets have none). */
function isDrawable(lon: number | null, lat: number | null): lon is number {
	return (
		typeof lon === 'number' &&
		typeof lat === 'number' &&
		Number.isFinite(lon) &&
		Number.isFinite(lat) &&
		Math.abs(lon) <= 180 &&
		Math.abs(lat) <= 90
	);
}

/**
 * Asset rows as a FeatureCollection of points, skipping rows without a place.
 * @param rows assets with their kind and WGS84 point (null for online or roaming assets)
 * @param hrefFor the link each point's popup leads to
 * @example pointsFromAssets(rows, (a) => `/assets/${a.id}`)
 */
export function pointsFromAssets<R extends AssetPointRow>(
	rows: readonly R[],
	hrefFor: (row: R) => string
): PointCollection {
	const features: PointCollection['features'] = [];
	for (const row of rows) {
		if (!isDrawable(row.lon, row.lat)) continue;
		features.push({
			type: 'Feature',
			id: row.id,
			geometry: { type: 'Point', coordinates: [row.lon, row.lat as number] },
			properties: { id: row.id, name: row.name, kind: row.kind, href: hrefFor(row) }
		});
	}
	return { type: 'FeatureCollection', features };
}

/**
 * Patch rows as a FeatureCollection of areas.
 * @param rows patches with their boundary (and band, on the patch-sizing map)
 * @param hrefFor the link an area leads to; by default none
 * @example areasFromPatches(patches, (p) => `/patches/${p.slug}`)
 */
export function areasFromPatches<R extends PatchAreaRow>(
	rows: readonly R[],
	hrefFor?: (row: R) => string
): AreaCollection {
	return {
		type: 'FeatureCollection',
		features: rows.map((row) => ({
			type: 'Feature',
			id: row.id,
			geometry: row.boundary,
			properties: {
				id: row.id,
				name: row.name,
				...(hrefFor ? { href: hrefFor(row) } : {}),
				...(row.band ? { band: row.band } : {}),
				...(row.locked ? { locked: true } : {})
			}
		}))
	};
}

/** An empty collection, for a map with nothing of one sort to show. */
export function emptyCollection<C extends AreaCollection | PointCollection>(): C {
	return { type: 'FeatureCollection', features: [] } as unknown as C;
}
