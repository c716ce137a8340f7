/**
 * GeoJSON fixture tests, in Turf's style: each test/in/<case>.geojson holds patches (polygons,
 * { role: 'patch', id, name }), small areas at their representative points ({ role: 'small_area',
 * code, population }) and entries ({ role: 'asset', id, kind, status, consentPublic, categories,
 * sessions, linkedPatches }); the collection's properties hold the categories, the threshold and a
 * what-if candidate. Every analysis runs on it and must equal test/out/<case>.json (numbers rounded to
 * 3 decimal places). REGEN=1 rewrites the out files: check each number against test/README.md first.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../../src/lib/domain/geometry';
import { pointInArea } from '../../src/lib/domain/point-in-area';
import type { SessionRule } from '../../src/lib/domain/sessions';
import {
	categoryIndexes,
	isEmptySlot,
	nearestDistances,
	patchCategoryMatrix,
	patchFinder,
	patchTimeOfWeek,
	peopleBeyond,
	pointIndex,
	whatIf,
	type GapAsset,
	type GapCategory,
	type GapPatch,
	type GapSmallArea
} from '../../src/lib/domain/gaps';

const folder = (name: string) =>
	fileURLToPath(new URL(`../../src/lib/domain/gaps/test/${name}/`, import.meta.url));
const cases = readdirSync(folder('in'))
	.filter((file) => file.endsWith('.geojson'))
	.map((file) => file.replace(/\.geojson$/, ''));

function rounded(value: unknown): unknown {
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return String(value);
		const r = Math.round(value * 1000) / 1000;
		return Object.is(r, -0) ? 0 : r;
	}
	if (Array.isArray(value)) return value.map(rounded);
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]));
	}
	return value;
}

interface Fixture {
	properties: {
		thresholdMetres: number;
		categories: GapCategory[];
		candidate?: { point: [number, number]; categories: string[]; sessions: SessionRule[] };
	};
	features: {
		properties: Record<string, unknown>;
		geometry: AreaGeometry | GeoJSON.Point | null;
	}[];
}

function run(fixture: Fixture) {
	const { thresholdMetres, categories, candidate } = fixture.properties;
	const shapes = fixture.features.filter((f) => f.properties.role === 'patch');
	const findPatches = patchFinder(
		shapes.map((f) => ({ id: f.properties.id as number, geometry: f.geometry as AreaGeometry }))
	);
	const areas: GapSmallArea[] = fixture.features
		.filter((f) => f.properties.role === 'small_area')
		.map((f) => ({
			code: String(f.properties.code),
			population: Number(f.properties.population),
			point: (f.geometry as GeoJSON.Point).coordinates as [number, number]
		}));
	// Centroid membership: a small area belongs whole to each patch its point is in.
	const patches: GapPatch[] = shapes.map((f) => {
		const members = areas.flatMap((area, i) =>
			pointInArea(area.point, f.geometry as AreaGeometry)
				? [{ area: i, people: area.population }]
				: []
		);
		return {
			id: f.properties.id as number,
			name: String(f.properties.name),
			population: members.length ? members.reduce((sum, m) => sum + m.people, 0) : null,
			members
		};
	});
	const assets: GapAsset[] = fixture.features
		.filter((f) => f.properties.role === 'asset')
		.map((f) => {
			const point = f.geometry
				? ((f.geometry as GeoJSON.Point).coordinates as [number, number])
				: null;
			return {
				id: f.properties.id as number,
				name: String(f.properties.name),
				kind: String(f.properties.kind),
				status: String(f.properties.status),
				consentPublic: f.properties.consentPublic === true,
				point,
				categoryIds: f.properties.categories as string[],
				patchIds: point ? findPatches(point) : (f.properties.linkedPatches as number[]),
				sessions: f.properties.sessions as SessionRule[]
			};
		});
	const indexes = categoryIndexes(
		assets,
		categories.map((c) => c.id)
	);
	const distances = nearestDistances(areas, indexes);
	const grids = patchTimeOfWeek(patches, assets, null);
	return {
		matrix: patchCategoryMatrix(patches, categories, assets),
		distances: distances.map((d) => ({
			categoryId: d.categoryId,
			assetCount: d.assetCount,
			byArea: Object.fromEntries(
				areas.map((area, i) => [area.code, [d.metres[i], d.nearestAssetId[i]]])
			)
		})),
		beyond: peopleBeyond(patches, distances, thresholdMetres),
		emptySlots: Object.fromEntries(
			grids.map((g) => [g.patchName, g.slots.filter(isEmptySlot).length])
		),
		filledSlots: grids.map((g) => ({
			patch: g.patchName,
			slots: g.slots
				.filter((slot) => !isEmptySlot(slot))
				.map((slot) => `${slot.weekday} ${slot.part}: ${slot.everyWeek} / ${slot.someWeeks}`)
		})),
		whatIf: candidate
			? whatIf({
					candidate: {
						point: candidate.point,
						categoryIds: candidate.categories,
						sessions: candidate.sessions,
						patchIds: findPatches(candidate.point)
					},
					areas,
					areaIndex: pointIndex(areas.map((a) => a.point)),
					distances,
					patches,
					assets,
					thresholdMetres
				})
			: null
	};
}

describe('gap analysis fixtures', () => {
	it.each(cases)('%s', (name) => {
		const fixture = JSON.parse(readFileSync(`${folder('in')}${name}.geojson`, 'utf8')) as Fixture;
		const actual = rounded(run(fixture));
		const outFile = `${folder('out')}${name}.json`;
		if (process.env.REGEN) writeFileSync(outFile, JSON.stringify(actual, null, '\t') + '\n');
		expect(actual).toEqual(JSON.parse(readFileSync(outFile, 'utf8')));
	});
});
