/**
 * The patch-sizing table's rows: the engine's estimates rounded to whole people (as the CSV and
 * CLI show them), with each patch's page, and sorted by a column.
 */
import { BAND_LABELS, BANDS, type Band } from '$lib/domain/bands';
import type { EdgeMove, GeometryProblemKind, PatchEstimate } from '$lib/domain/sizing/types';
import type { SortColumn, SortDirection } from './query';

export interface SizingRow {
	id: number | string;
	name: string;
	/** The public patch page's slug; null for an estimate with no stored or published patch. */
	slug: string | null;
	/** Set on the council's page: planned patches are not public yet; locked ones keep their areas. */
	planned?: boolean;
	locked?: boolean;
	areal: number;
	centroid: number;
	/** areal − centroid, both rounded first, so the three numbers on a row add up. */
	difference: number;
	/**
	 * People in small areas the boundary cuts, and the range the centroid figure could take
	 * whatever their points; null when areal weighting was not computed.
	 */
	sensitivity: { cutPeople: number; min: number; max: number } | null;
	areaKm2: number;
	densityPerKm2: number;
	band: Band;
	bandLabel: string;
	guidance: string;
	overlapPeople: number;
	overlapsWith: { name: string; people: number }[];
	problems: { kind: GeometryProblemKind; message: string }[];
	moves: (Pick<EdgeMove, 'code' | 'direction' | 'neighbourName'> & { people: number })[];
	/** The same moves grouped by neighbour and direction, in the order they first appear. */
	moveGroups: MoveGroup[];
}

export interface MoveGroup {
	direction: EdgeMove['direction'];
	neighbourName: string;
	areas: { code: string; people: number }[];
}

/** Moves grouped by where they go (or come from), so each neighbour is named once. */
export function groupMoves(moves: SizingRow['moves']): MoveGroup[] {
	const groups = new Map<string, MoveGroup>();
	for (const { code, people, direction, neighbourName } of moves) {
		const key = `${direction}\u0000${neighbourName}`;
		let group = groups.get(key);
		if (!group) groups.set(key, (group = { direction, neighbourName, areas: [] }));
		group.areas.push({ code, people });
	}
	return [...groups.values()];
}

/** One row per estimate. `slugs` maps a patch id to its page's slug. */
export function sizingRows(
	estimates: readonly PatchEstimate[],
	slugs: ReadonlyMap<number | string, string>
): SizingRow[] {
	return estimates.map((estimate) => {
		const areal = Math.round(estimate.areal);
		const centroid = Math.round(estimate.centroid);
		const moves = estimate.suggestedMoves.map(({ code, direction, neighbourName, people }) => ({
			code,
			direction,
			neighbourName,
			people: Math.round(people)
		}));
		return {
			id: estimate.id,
			name: estimate.name,
			slug: slugs.get(estimate.id) ?? null,
			areal,
			centroid,
			difference: areal - centroid,
			sensitivity: Number.isNaN(estimate.cutPeople)
				? null
				: {
						cutPeople: Math.round(estimate.cutPeople),
						min: Math.round(estimate.centroidRange.min),
						max: Math.round(estimate.centroidRange.max)
					},
			areaKm2: estimate.areaKm2,
			densityPerKm2: Math.round(estimate.densityPerKm2),
			band: estimate.band,
			bandLabel: BAND_LABELS[estimate.band],
			guidance: estimate.guidance.message,
			overlapPeople: Math.round(estimate.overlapPeople),
			overlapsWith: estimate.overlapsWith.map(({ name, people }) => ({
				name,
				people: Math.round(people)
			})),
			problems: estimate.problems.map(({ kind, message }) => ({ kind, message })),
			moves,
			moveGroups: groupMoves(moves)
		};
	});
}

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

const VALUE: Record<Exclude<SortColumn, 'name'>, (row: SizingRow) => number> = {
	areal: (row) => row.areal,
	centroid: (row) => row.centroid,
	difference: (row) => row.difference,
	area: (row) => row.areaKm2,
	density: (row) => row.densityPerKm2,
	band: (row) => BANDS.indexOf(row.band),
	overlap: (row) => row.overlapPeople
};

/**
 * The rows sorted by a column; rows that tie keep name order (A to Z) whichever way the column runs.
 * @returns a new array
 */
export function sortRows(
	rows: readonly SizingRow[],
	column: SortColumn,
	dir: SortDirection
): SizingRow[] {
	const sign = dir === 'asc' ? 1 : -1;
	const byName = (a: SizingRow, b: SizingRow) => collator.compare(a.name, b.name);
	if (column === 'name') return [...rows].sort((a, b) => sign * byName(a, b));
	const value = VALUE[column];
	return [...rows].sort((a, b) => sign * (value(a) - value(b)) || byName(a, b));
}
