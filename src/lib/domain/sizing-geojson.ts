/**
 * The patches as a GeoJSON FeatureCollection for GIS tools: each boundary with its name, slug,
 * status and population figures (both methods, the one the band uses, the band) as properties.
 * GeoJSON is read by programs, not spreadsheets, so no formula guard is needed here (see csv.ts).
 */
import { BAND_LABELS } from './bands';
import type { AreaGeometry } from './geometry';
import type { SizingReportMeta } from './sizing-report';
import type { ProgrammeCheck } from './sizing/types';

export interface StoredPatch {
	id: number;
	name: string;
	nameCy: string | null;
	slug: string;
	status: string;
	locked: boolean;
	boundary: AreaGeometry;
}

const whole = (n: number) => (Number.isFinite(n) ? Math.round(n) + 0 : null);
const twoPlaces = (n: number) => Math.round(n * 100) / 100;

/**
 * One feature per patch of the check that is stored, in the check's order.
 * @example patchesGeojson(check, patches, context).features[0].properties.band // 'usual'
 */
export function patchesGeojson(
	check: ProgrammeCheck,
	patches: readonly StoredPatch[],
	meta: SizingReportMeta
): GeoJSON.FeatureCollection<AreaGeometry> {
	const byId = new Map(patches.map((patch) => [patch.id, patch]));
	const features: GeoJSON.Feature<AreaGeometry>[] = [];
	for (const estimate of check.patches) {
		const patch = byId.get(Number(estimate.id));
		if (!patch) continue;
		features.push({
			type: 'Feature',
			id: patch.id,
			geometry: patch.boundary,
			properties: {
				name: patch.name,
				nameCy: patch.nameCy,
				slug: patch.slug,
				status: patch.status,
				locked: patch.locked,
				method: check.method,
				population: whole(estimate.population),
				areal: whole(estimate.areal),
				centroid: whole(estimate.centroid),
				band: estimate.band,
				bandLabel: BAND_LABELS[estimate.band],
				areaKm2: twoPlaces(estimate.areaKm2),
				overlapPeople: whole(estimate.overlapPeople),
				populationSet: meta.populationSet.name,
				populationDate: meta.populationSet.referenceDate,
				points: meta.points?.label ?? null
			}
		});
	}
	return { type: 'FeatureCollection', features };
}
