/**
 * What an edit of one patch does to the others, before it is saved: the people it would share with
 * each other patch (overlaps), the people its saved boundary held that no patch would hold after the
 * edit (newly uncovered), and the locked patches it would overlap (an edit the server refuses).
 * Only the other patches near the edit take part, so the editor can run this on every change.
 */
import { DEFAULT_LIMITS } from '../bands';
import type { AreaGeometry } from '../geometry';
import { patchesOverlap } from './accounting';
import { preparePatch } from './patch';
import { prepareSmallAreas, type PreparedSmallAreas } from './prepare';
import { checkProgramme, MIN_LISTED_OVERLAP } from './programme';
import type { SizingOptions } from './estimate';
import type { PatchInput } from './types';

/** Another patch of the programme, as the editor knows it. */
export interface NeighbourPatch extends PatchInput {
	/** A locked patch keeps its small areas: no other patch's edit may overlap it. */
	locked?: boolean;
}

export interface EditImpact {
	/** Other patches the edited shape shares people with, most people first. */
	overlaps: { id: number | string; name: string; people: number; locked: boolean }[];
	/** People counted both in the edited shape and in another patch (each overlap added up). */
	overlapPeople: number;
	/** People the saved boundary held who would be in no patch after the edit. */
	newlyUncovered: number;
	/** Locked patches the edited shape overlaps (in area, whatever people live there), by name. */
	lockedOverlaps: { id: number | string; name: string }[];
}

type Box = { minLon: number; minLat: number; maxLon: number; maxLat: number };

function boxOf(geometry: AreaGeometry): Box {
	const box = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	for (const ring of polygons.flat()) {
		for (const [lon, lat] of ring) {
			if (lon < box.minLon) box.minLon = lon;
			if (lon > box.maxLon) box.maxLon = lon;
			if (lat < box.minLat) box.minLat = lat;
			if (lat > box.maxLat) box.maxLat = lat;
		}
	}
	return box;
}

const meets = (a: Box, b: Box) =>
	a.minLon <= b.maxLon && b.minLon <= a.maxLon && a.minLat <= b.maxLat && b.minLat <= a.maxLat;

/**
 * The locked patches a shape overlaps in area (more than rounding along a shared border).
 * @example lockedOverlapsOf(prepared, edited, others) // [{ id: 3, name: 'Aldermoor' }]
 */
export function lockedOverlapsOf(
	prepared: PreparedSmallAreas,
	patch: PatchInput,
	others: readonly NeighbourPatch[]
): EditImpact['lockedOverlaps'] {
	const locked = others.filter((other) => other.locked && other.id !== patch.id);
	if (locked.length === 0) return [];
	const box = boxOf(patch.geometry);
	const edited = preparePatch(prepared, patch);
	return locked
		.filter((other) => meets(box, boxOf(other.geometry)))
		.filter((other) => patchesOverlap(edited, preparePatch(prepared, other)))
		.map(({ id, name }) => ({ id, name }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The locked patches a shape overlaps, with no small areas at hand (the server's check before a
 * save): the shape itself sets the plane the overlap is measured in.
 */
export function lockedPatchesOverlapped(
	patch: PatchInput,
	others: readonly NeighbourPatch[]
): EditImpact['lockedOverlaps'] {
	if (!others.some((other) => other.locked && other.id !== patch.id)) return [];
	const plane = prepareSmallAreas([{ code: 'plane', population: 0, geometry: patch.geometry }]);
	return lockedOverlapsOf(plane, patch, others);
}

/**
 * The words for a refused edit.
 * @example lockedMessage([{ id: 2, name: 'East' }]) // 'This boundary overlaps East, which is locked: …'
 */
export function lockedMessage(locked: EditImpact['lockedOverlaps']): string {
	const names = locked.map((p) => p.name);
	const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0];
	const which = names.length > 1 ? 'which are locked' : 'which is locked';
	return `This boundary overlaps ${list}, ${which}: move the boundary off it, or unlock ${list} first`;
}

/**
 * The edit's effect on the other patches and on the people in no patch.
 * @param prepared small areas from prepareSmallAreas (those near the edit are enough)
 * @param edit the shape being edited, its saved boundary (null for a new patch) and the programme's
 * other patches (the edited one, if among them, is left out by id)
 */
export function estimateEditImpact(
	prepared: PreparedSmallAreas,
	{
		patch,
		saved,
		others
	}: { patch: PatchInput; saved: AreaGeometry | null; others: readonly NeighbourPatch[] },
	{ limits = DEFAULT_LIMITS, method = 'areal' }: Pick<SizingOptions, 'limits' | 'method'> = {}
): EditImpact {
	const reach = [boxOf(patch.geometry), ...(saved ? [boxOf(saved)] : [])];
	const near = others.filter(
		(other) => other.id !== patch.id && reach.some((box) => meets(box, boxOf(other.geometry)))
	);
	const options = { limits, method, compare: false };
	const after = checkProgramme(prepared, [patch, ...near], options);
	const byId = new Map(near.map((other) => [other.id, other]));
	const overlaps = after.patches[0].overlapsWith
		.filter((o) => o.people >= MIN_LISTED_OVERLAP)
		.map((o) => ({ ...o, locked: byId.get(o.id)?.locked === true }))
		.sort((a, b) => b.people - a.people || a.name.localeCompare(b.name));
	let newlyUncovered = 0;
	if (saved) {
		const before = checkProgramme(prepared, [{ ...patch, geometry: saved }, ...near], options);
		const was = new Map(before.uncoveredAreas.map((a) => [a.code, a.people]));
		for (const area of after.uncoveredAreas) {
			newlyUncovered += Math.max(0, area.people - (was.get(area.code) ?? 0));
		}
	}
	return {
		overlaps,
		overlapPeople: overlaps.reduce((sum, o) => sum + o.people, 0),
		newlyUncovered,
		lockedOverlaps: lockedOverlapsOf(prepared, patch, near)
	};
}
