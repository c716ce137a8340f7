import { describe, expect, it } from 'vitest';
import { prepareSmallAreas } from '../sizing';
import type { AreaGeometry } from '../geometry';
import type { SmallAreaInput } from '../sizing/types';
import fixtureText from './test/two-patches.geojson?raw';
import {
	applyChange,
	applyEdit,
	revertChange,
	scenarioFigures,
	smallAreaAt,
	undoRedoTargets,
	type ScenarioEdit,
	type ScenarioPatch
} from './index';
import { gx, gy } from '../sizing/test/grid';

type Props = { role: string; code?: string; population?: number; slug?: string; name?: string };
const fixture = JSON.parse(fixtureText) as GeoJSON.FeatureCollection<AreaGeometry, Props>;
const areas: SmallAreaInput[] = fixture.features
	.filter((f) => f.properties.role === 'small_area')
	.map((f) => ({
		code: f.properties.code!,
		population: f.properties.population!,
		geometry: f.geometry
	}));
const published: ScenarioPatch[] = fixture.features
	.filter((f) => f.properties.role === 'patch')
	.map((f, i) => ({
		slug: f.properties.slug!,
		name: f.properties.name!,
		geometry: f.geometry,
		livePatchId: i + 1
	}));
const prepared = prepareSmallAreas(areas);
const area = (code: string) => areas.find((a) => a.code === code)!.geometry;

/** Applies an edit that must succeed and returns the patches after it. */
function edit(patches: ScenarioPatch[], e: ScenarioEdit): ScenarioPatch[] {
	const result = applyEdit(patches, e);
	if (!result.ok) throw new Error(result.message);
	return applyChange(patches, result.change);
}

const people = (patches: ScenarioPatch[]) => {
	const { check } = scenarioFigures(prepared, patches, published);
	return Object.fromEntries(check.patches.map((p) => [p.id, Math.round(p.population)]));
};

describe('moving a small area between patches', () => {
	const moved = edit(published, {
		kind: 'move',
		code: 'c2-0',
		smallArea: area('c2-0'),
		to: 'east'
	});

	it('takes its people from one patch and gives them to the other', () => {
		expect(people(published)).toEqual({ west: 6500, east: 6000 });
		expect(people(moved)).toEqual({ west: 5000, east: 7500 });
	});

	it('compares with the published patches: change per patch and people who change patch', () => {
		const { comparison, check } = scenarioFigures(prepared, moved, published);
		const rows = Object.fromEntries(comparison.patches.map((r) => [r.slug, r]));
		expect(rows.west).toMatchObject({ published: 6500, status: 'kept' });
		expect(rows.west.change).toBeCloseTo(-1500, 3);
		expect(rows.west.leaving).toBeCloseTo(1500, 3);
		expect(rows.east.change).toBeCloseTo(1500, 3);
		expect(rows.east.joining).toBeCloseTo(1500, 3);
		expect(comparison.changingPatch).toBeCloseTo(1500, 3);
		expect(check.totals.uncovered).toBeCloseTo(0, 3);
		expect(check.overlaps).toEqual([]);
	});

	it('shows a part that does not touch the rest when the small area is not beside the patch', () => {
		const far = edit(published, {
			kind: 'move',
			code: 'c0-0',
			smallArea: area('c0-0'),
			to: 'east'
		});
		const { check } = scenarioFigures(prepared, far, published);
		const east = check.patches.find((p) => p.id === 'east')!;
		expect(east.problems.map((p) => p.kind)).toContain('disconnected_parts');
		expect(Math.round(east.population)).toBe(7000);
	});

	it('refuses to empty a patch, and names it', () => {
		const tiny: ScenarioPatch[] = [{ ...published[0], geometry: area('c0-0') }, published[1]];
		const result = applyEdit(tiny, {
			kind: 'move',
			code: 'c0-0',
			smallArea: area('c0-0'),
			to: 'east'
		});
		expect(result).toEqual({
			ok: false,
			message: 'Moving c0-0 would leave West with nothing: merge the two patches instead'
		});
	});
});

describe('undo and redo', () => {
	it('puts the patches back as they were, and makes the edit again', () => {
		const result = applyEdit(published, {
			kind: 'move',
			code: 'c2-0',
			smallArea: area('c2-0'),
			to: 'east'
		});
		if (!result.ok) throw new Error(result.message);
		const after = applyChange(published, result.change);
		const undone = revertChange(after, result.change);
		expect(undone).toEqual(published);
		expect(applyChange(undone, result.change)).toEqual(after);
	});

	it('undoes the last edit still done and redoes the first undone', () => {
		const steps = [
			{ id: 3, undone: true },
			{ id: 1, undone: false },
			{ id: 2, undone: false },
			{ id: 4, undone: true }
		];
		expect(undoRedoTargets(steps)).toEqual({ undo: 2, redo: 3 });
		expect(undoRedoTargets([])).toEqual({ undo: null, redo: null });
	});
});

describe('merging and splitting', () => {
	it('merges two patches into one with all their people, the other removed', () => {
		const merged = edit(published, { kind: 'merge', keep: 'west', absorb: 'east' });
		expect(merged.map((p) => p.slug)).toEqual(['west']);
		const { check, comparison } = scenarioFigures(prepared, merged, published);
		expect(Math.round(check.patches[0].population)).toBe(12500);
		expect(check.patches[0].band).toBe('above_usual');
		expect(merged[0].geometry.type).toBe('Polygon');
		const east = comparison.patches.find((r) => r.slug === 'east')!;
		expect(east).toMatchObject({ status: 'removed', scenario: null });
		expect(east.change).toBeCloseTo(-6000, 3);
		expect(comparison.changingPatch).toBeCloseTo(6000, 3);
	});

	it('splits a patch along a line drawn across it, making a new patch', () => {
		const line: GeoJSON.LineString = {
			type: 'LineString',
			coordinates: [
				[gx(1), gy(-1)],
				[gx(1), gy(3)]
			]
		};
		const split = edit(published, { kind: 'split', slug: 'west', line, newName: 'West Park' });
		expect(split.map((p) => [p.slug, p.livePatchId])).toEqual([
			['west', 1],
			['east', 2],
			['west-park', null]
		]);
		expect(people(split)).toEqual({ west: 2000, east: 6000, 'west-park': 4500 });
		const { comparison } = scenarioFigures(prepared, split, published);
		expect(comparison.patches.find((r) => r.slug === 'west-park')).toMatchObject({
			status: 'added',
			published: null
		});
	});

	it('refuses a line that does not cross the patch', () => {
		const line: GeoJSON.LineString = {
			type: 'LineString',
			coordinates: [
				[gx(4), gy(-1)],
				[gx(4), gy(3)]
			]
		};
		const result = applyEdit(published, { kind: 'split', slug: 'west', line, newName: 'X' });
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.message).toMatch(/^The line does not cut West in two/);
	});
});

describe('drawing a patch', () => {
	it('adds a patch whose overlap and the people it covers show at once', () => {
		const drawn = edit(published, {
			kind: 'draw',
			name: 'West',
			geometry: { type: 'Polygon', coordinates: area('c2-1').coordinates as GeoJSON.Position[][] }
		});
		expect(drawn.at(-1)!.slug).toBe('west-2');
		const { check } = scenarioFigures(prepared, drawn, published);
		expect(check.overlaps.map((o) => [o.a, o.b, Math.round(o.people)])).toEqual([
			['west', 'west-2', 1000]
		]);
		expect(Math.round(check.totals.doubleCounted)).toBe(1000);
	});
});

describe('clicking the map', () => {
	it('finds the small area under the point', () => {
		expect(smallAreaAt([gx(2.5), gy(0.5)], areas)).toBe('c2-0');
		expect(smallAreaAt([gx(9), gy(0.5)], areas)).toBeNull();
	});
});
