/**
 * The editor's live check of an edit against the other patches, from GeoJSON fixtures in Turf's
 * style: src/lib/domain/sizing/test/edit-in/<case>.geojson holds small areas (role 'small_area'),
 * the edited shape ('edited'), its saved boundary ('saved', absent for a new patch) and the other
 * patches ('patch', with `locked`). The answer, rounded, must equal edit-out/<case>.json; the
 * figures are also stated here by hand (cells of 1,000 people, as in test/README.md). REGEN=1
 * rewrites the out files.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { prepareSmallAreas, type SmallAreaInput } from '../../src/lib/domain/sizing';
import { estimateEditImpact, type NeighbourPatch } from '../../src/lib/domain/sizing/edit-impact';
import type { AreaGeometry } from '../../src/lib/domain/geometry';

const folder = (name: string) =>
	fileURLToPath(new URL(`../../src/lib/domain/sizing/test/${name}/`, import.meta.url));
const cases = readdirSync(folder('edit-in'))
	.filter((file) => file.endsWith('.geojson'))
	.map((file) => file.replace(/\.geojson$/, ''))
	.sort();

const rounded = (value: unknown): unknown =>
	JSON.parse(
		JSON.stringify(value, (_, v) => (typeof v === 'number' ? Math.round(v * 1000) / 1000 : v))
	);

function run(name: string) {
	const fixture = JSON.parse(readFileSync(`${folder('edit-in')}${name}.geojson`, 'utf8')) as {
		features: { properties: Record<string, unknown>; geometry: AreaGeometry }[];
	};
	const areas: SmallAreaInput[] = [];
	const others: NeighbourPatch[] = [];
	let edited: NeighbourPatch | null = null;
	let saved: AreaGeometry | null = null;
	for (const { properties: p, geometry } of fixture.features) {
		if (p.role === 'small_area') {
			areas.push({ code: String(p.code), population: Number(p.population), geometry });
		} else if (p.role === 'saved') saved = geometry;
		else {
			const patch = { id: p.id as number | string, name: String(p.name), geometry };
			if (p.role === 'edited') edited = patch;
			else others.push({ ...patch, locked: p.locked === true });
		}
	}
	return rounded(
		estimateEditImpact(prepareSmallAreas(areas), { patch: edited!, saved, others })
	) as ReturnType<typeof estimateEditImpact>;
}

describe('edit impact fixtures (edit-in → edit-out)', () => {
	it('has the cases the editor must handle', () => {
		expect(cases).toEqual([
			'grow-into-locked',
			'move-over-neighbour',
			'new-beside-locked',
			'shrink-uncovers'
		]);
	});

	it.each(cases)('%s matches its out file', (name) => {
		const result = run(name);
		const out = `${folder('edit-out')}${name}.json`;
		if (process.env.REGEN) writeFileSync(out, `${JSON.stringify(result, null, '\t')}\n`);
		expect(result).toEqual(JSON.parse(readFileSync(out, 'utf8')));
	});

	it('growing over half of a locked patch’s cell shares 500 people with it and names it', () => {
		expect(run('grow-into-locked')).toEqual({
			overlaps: [{ id: 2, name: 'East', people: 500, locked: true }],
			overlapPeople: 500,
			newlyUncovered: 0,
			lockedOverlaps: [{ id: 2, name: 'East' }]
		});
	});

	it('giving up a cell no other patch holds leaves its 1,000 people newly uncovered', () => {
		expect(run('shrink-uncovers')).toMatchObject({ overlaps: [], newlyUncovered: 1000 });
		expect(run('shrink-uncovers').lockedOverlaps).toEqual([]);
	});

	it('a border shared with a locked patch is not an overlap; a neighbour’s cell is', () => {
		expect(run('new-beside-locked')).toEqual({
			overlaps: [{ id: 2, name: 'Far', people: 1000, locked: false }],
			overlapPeople: 1000,
			newlyUncovered: 0,
			lockedOverlaps: []
		});
	});

	it('moving a patch over its neighbour overlaps one cell and uncovers the one it left', () => {
		expect(run('move-over-neighbour')).toMatchObject({
			overlaps: [{ name: 'East', people: 1000 }],
			newlyUncovered: 1000,
			lockedOverlaps: []
		});
	});
});
