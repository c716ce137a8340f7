/**
 * GeoJSON fixture tests, in Turf's style: each test/in/<case>.geojson holds small areas
 * ({ role: 'small_area', code, population }) and patches ({ role: 'patch', id, name }), with options
 * (method, limits, compare) in the collection's properties. The engine's answer, rounded, must equal
 * test/out/<case>.json. REGEN=1 rewrites the out files; read test/README.md before trusting a rewrite.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
	checkProgramme,
	estimatePatch,
	prepareSmallAreas,
	resetSizingStats,
	sizingStats,
	type PatchInput,
	type SmallAreaInput
} from '../../src/lib/domain/sizing';
import type { ProgrammeOptions } from '../../src/lib/domain/sizing/programme';

const folder = (name: string) =>
	fileURLToPath(new URL(`../../src/lib/domain/sizing/test/${name}/`, import.meta.url));
const cases = readdirSync(folder('in'))
	.filter((file) => file.endsWith('.geojson'))
	.map((file) => file.replace(/\.geojson$/, ''));

/** Rounds every number to 3 decimal places, so rounding noise in the last digits never fails a case. */
function rounded(value: unknown): unknown {
	if (typeof value === 'number') {
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
	properties?: ProgrammeOptions;
	features: { properties: Record<string, unknown>; geometry: SmallAreaInput['geometry'] }[];
}

function run(fixture: Fixture): unknown {
	const areas: SmallAreaInput[] = [];
	const patches: PatchInput[] = [];
	for (const { properties, geometry } of fixture.features) {
		if (properties.role === 'small_area') {
			areas.push({
				code: String(properties.code),
				population: Number(properties.population),
				geometry
			});
		} else if (properties.role === 'patch') {
			patches.push({ id: properties.id as number, name: String(properties.name), geometry });
		}
	}
	const options = fixture.properties ?? {};
	try {
		const prepared = prepareSmallAreas(areas);
		resetSizingStats();
		const check = checkProgramme(prepared, patches, { ...options, withShares: true });
		const stats = { ...sizingStats };
		// The editor's one-patch estimate must agree with the programme check.
		for (const [i, patch] of patches.entries()) {
			const alone = estimatePatch(prepared, patch, options);
			expect(alone.areal).toBeCloseTo(check.patches[i].areal, 6);
			expect(alone.centroid).toBe(check.patches[i].centroid);
			expect(alone.problems).toEqual(check.patches[i].problems);
		}
		return { check, stats };
	} catch (error) {
		return { error: (error as Error).message };
	}
}

describe('sizing fixtures (test/in → test/out)', () => {
	it('has the cases the engine must handle', () => {
		expect(cases).toEqual(
			expect.arrayContaining([
				'whole-cover',
				'half-covered',
				'overlap-pair',
				'uncovered-strip',
				'bow-tie',
				'sliver',
				'disconnected-parts',
				'hole',
				'bng-coordinates'
			])
		);
	});

	for (const name of cases) {
		it(name, () => {
			const fixture = JSON.parse(readFileSync(`${folder('in')}${name}.geojson`, 'utf8')) as Fixture;
			const actual = rounded(run(fixture));
			const outFile = `${folder('out')}${name}.json`;
			if (process.env.REGEN === '1') {
				writeFileSync(outFile, JSON.stringify(actual, null, '\t') + '\n');
			}
			expect(actual).toEqual(JSON.parse(readFileSync(outFile, 'utf8')));
		});
	}
});
