import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateApart, readSmallAreas } from './generate-apart';
import { generatePatches } from './patches';
import { areasOf, generateSmallAreas } from './small-areas';

describe('generateApart', () => {
	const dir = mkdtempSync(join(tmpdir(), 'patchwork-generate-apart-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('gives the programme generated here, number for number, from a child process', () => {
		const sa = generateSmallAreas(1500, 7);
		const patches = generatePatches(sa, 40, 7);
		const apart = generateApart(dir, 1500, 40, 7);

		expect(apart.patches).toEqual(patches);
		expect(
			apart.areas.map(({ code, population, geometry }) => ({ code, population, geometry }))
		).toEqual(sa.areas);
		expect(areasOf(apart.flat)).toEqual(sa.areas);
		// Read again from the folder (as each of the bench's runs does), the same small areas.
		expect(areasOf(readSmallAreas(dir))).toEqual(sa.areas);
		// Border points are one array for both patches on them, as the generator made them.
		const distinct = (list: typeof patches) =>
			new Set(
				list.flatMap(({ geometry }) =>
					geometry.type === 'Polygon' ? geometry.coordinates.flat() : geometry.coordinates.flat(2)
				)
			).size;
		expect(distinct(apart.patches)).toBe(distinct(patches));
	});
});
