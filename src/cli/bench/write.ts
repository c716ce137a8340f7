/**
 * Writes the benchmark's small areas and patches as GeoJSON (WGS84 lon/lat), a feature per line, so
 * that PostGIS (ogr2ogr, or ST_GeomFromGeoJSON) can run the same job on the same data.
 * Streams: the small areas alone are several hundred megabytes of text.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { PatchInput, SmallAreaInput } from '../../lib/domain/sizing/types';

function writeCollection(path: string, features: Iterable<object>): void {
	const fd = openSync(path, 'w');
	try {
		writeSync(fd, '{"type":"FeatureCollection","features":[\n');
		let first = true;
		let buffer = '';
		for (const feature of features) {
			buffer += (first ? '' : ',\n') + JSON.stringify(feature);
			first = false;
			if (buffer.length > 1 << 20) {
				writeSync(fd, buffer);
				buffer = '';
			}
		}
		writeSync(fd, buffer + '\n]}\n');
	} finally {
		closeSync(fd);
	}
}

/**
 * Writes small-areas.geojson (code, population) and patches.geojson (id, name) into dir.
 * @param points each small area's representative point as lon, lat pairs (prepared.lonLatPoints):
 *   written as properties px and py, so PostGIS counts by the very points Patchwork uses
 */
export function writeBenchFiles(
	dir: string,
	areas: SmallAreaInput[],
	patches: PatchInput[],
	points?: Float64Array
): string[] {
	mkdirSync(dir, { recursive: true });
	const areasPath = join(dir, 'small-areas.geojson');
	const patchesPath = join(dir, 'patches.geojson');
	writeCollection(
		areasPath,
		(function* () {
			for (const [i, a] of areas.entries()) {
				const point = points ? { px: points[i * 2], py: points[i * 2 + 1] } : {};
				yield {
					type: 'Feature',
					properties: { code: a.code, population: a.population, ...point },
					geometry: a.geometry
				};
			}
		})()
	);
	writeCollection(
		patchesPath,
		patches.map((p) => ({
			type: 'Feature',
			properties: { id: p.id, name: p.name },
			geometry: p.geometry
		}))
	);
	return [areasPath, patchesPath];
}
