/**
 * The sizing pool (worker threads, src/lib/server/sizing-pool) against the one-thread engine: the
 * same figures, to the last bit, on a generated programme with overlapping patches and on Trafford's
 * 738 Output Areas sized into wards and MSOAs at once (so every ward overlaps MSOAs).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePatches } from '../../src/cli/bench/patches';
import { generateSmallAreas } from '../../src/cli/bench/small-areas';
import { parseCsv } from '../../src/lib/domain/csv';
import type { AreaGeometry } from '../../src/lib/domain/geometry';
import {
	checkProgramme,
	prepareSmallAreas,
	resetSizingStats,
	sizingStats,
	type PatchInput,
	type PreparedSmallAreas
} from '../../src/lib/domain/sizing';
import type { ProgrammeOptions } from '../../src/lib/domain/sizing/programme';
import { startSizingPool, type SizingPool } from '../../src/lib/server/sizing-pool/pool';
import { realDataPath } from '../real-data';

const methods: ProgrammeOptions[] = [
	{ method: 'areal', withShares: true },
	{ method: 'centroid', compare: true },
	// The centroid method alone: the threads split the patches, not the small areas.
	{ method: 'centroid', compare: false, withShares: true }
];

/** A square patch in lon/lat. */
const square = (id: string, lon: number, lat: number, size: number): PatchInput => ({
	id,
	name: id,
	geometry: {
		type: 'Polygon',
		coordinates: [
			[
				[lon, lat],
				[lon + size, lat],
				[lon + size, lat + size],
				[lon, lat + size],
				[lon, lat]
			]
		]
	}
});

describe('a generated programme of 2,000 small areas and 60 patches, two of them laid over the rest', () => {
	const sa = generateSmallAreas(2000, 11);
	const prepared = prepareSmallAreas(sa.areas);
	const [lon, lat] = sa.areas[1000].geometry.coordinates[0][0] as [number, number];
	const patches = [
		...generatePatches(sa, 58, 11),
		square('over-1', lon - 0.02, lat - 0.01, 0.03),
		square('over-2', lon - 0.005, lat - 0.02, 0.03)
	];
	let pool: SizingPool;
	beforeAll(() => {
		// Many short runs, so both threads take several and the order of replies varies.
		pool = startSizingPool(prepared, { threads: 2, runsPerThread: 5 });
	});
	afterAll(() => pool.close());

	for (const options of methods) {
		it(`gives the one-thread figures by ${options.method}${options.compare === false ? ' alone' : ''}, overlaps and shares included`, async () => {
			resetSizingStats();
			const alone = checkProgramme(prepared, patches, options);
			const clipped = sizingStats.clipCount;
			resetSizingStats();
			const pooled = await pool.check(patches, options);
			expect(pooled).toEqual(alone);
			// The case is not trivial: patches overlap, borders cut small areas, and the threads
			// clipped at least what the one thread did (each thread works out for itself which pairs
			// of patches overlap).
			expect(alone.overlaps.length).toBeGreaterThan(0);
			expect(alone.totals.doubleCounted).toBeGreaterThan(100);
			expect(alone.patches.some((p) => p.suggestedMoves.length > 0)).toBe(true);
			if (options.compare === false) {
				expect(sizingStats.clipCount).toBe(0);
				return;
			}
			expect(alone.patches.some((p) => Math.abs(p.difference) >= 1)).toBe(true);
			expect(sizingStats.clipCount).toBeGreaterThan(100);
			expect(sizingStats.clipCount).toBeGreaterThanOrEqual(clipped);
		});
	}

	it('reports boundary problems, checked on the threads, in the one-thread order', async () => {
		// A bow tie, and the same far off (crossing itself and covering no small area).
		const bowTie = (id: string, x: number, y: number): PatchInput => ({
			id,
			name: id,
			geometry: {
				type: 'Polygon',
				coordinates: [
					[
						[x, y],
						[x + 0.01, y + 0.01],
						[x + 0.01, y],
						[x, y + 0.01],
						[x, y]
					]
				]
			}
		});
		const withProblems = [...patches, bowTie('bow-tie', lon, lat), bowTie('far', lon + 5, lat)];
		for (const options of methods) {
			const pooled = await pool.check(withProblems, options);
			expect(pooled).toEqual(checkProgramme(prepared, withProblems, options));
			const kinds = (id: string) =>
				pooled.patches.find((p) => p.id === id)?.problems.map((p) => p.kind);
			expect(kinds('bow-tie')?.[0]).toBe('self_intersection');
			expect(kinds('far')).toEqual(['self_intersection', 'no_small_area']);
		}
	});

	it('refuses a patch that is not in longitude and latitude, naming it, as checkProgramme does', async () => {
		const bad = square('grid', 383_000, 395_000, 1000);
		await expect(pool.check([...patches, bad])).rejects.toThrow(/Patch "grid" \(id grid\)/);
		// The pool still works after a refusal.
		expect((await pool.check(patches.slice(0, 5))).patches).toHaveLength(5);
	});
});

describe('Trafford: 738 Output Areas sized into the 21 wards and 28 MSOAs together', () => {
	const DATA = realDataPath('trafford');
	type Feature = { properties: Record<string, string>; geometry: AreaGeometry };
	const read = (file: string): Feature[] =>
		JSON.parse(readFileSync(`${DATA}/boundaries/${file}`, 'utf8')).features;
	const people = new Map<string, number>();
	const csv = readFileSync(
		`${DATA}/population/mid2022/mid-year_2022_population_estimates_oa.csv`,
		'utf8'
	);
	for (const { values } of parseCsv(csv).rows) {
		if (values.sex === 'Persons') people.set(values.area_code, Number(values.all_ages));
	}
	const prepared: PreparedSmallAreas = prepareSmallAreas(
		read('trafford_2021_oa_generalised.geojson').map((f) => ({
			code: f.properties.area_code,
			population: people.get(f.properties.area_code) ?? NaN,
			geometry: f.geometry
		}))
	);
	const patches: PatchInput[] = [
		...read('trafford_ward2023_generalised.geojson'),
		...read('trafford_2021_msoa_generalised.geojson')
	].map((f) => ({
		id: f.properties.area_code,
		name: f.properties.area_name,
		geometry: f.geometry
	}));
	let pool: SizingPool;
	beforeAll(() => {
		pool = startSizingPool(prepared, { threads: 2 });
	});
	afterAll(() => pool.close());

	// Areal only on the real data (the costly split, by small areas); the centroid splits are above.
	for (const options of methods.slice(0, 1)) {
		it(`gives the one-thread figures by ${options.method}${options.compare === false ? ' alone' : ''}`, async () => {
			const alone = checkProgramme(prepared, patches, options);
			const pooled = await pool.check(patches, options);
			expect(pooled).toEqual(alone);
			expect(pooled.patches).toHaveLength(49);
			// Wards and MSOAs both tile Trafford: nearly everyone is counted twice.
			expect(prepared.totalPopulation).toBe(236_301);
			expect(pooled.totals.doubleCounted).toBeGreaterThan(230_000);
			expect(pooled.overlaps.length).toBeGreaterThan(40);
		});
	}
});
