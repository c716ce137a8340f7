/** What the editor pages (edit a patch, draw a new one) load: shared by both routes. */
import type { Db } from '$lib/server/db';
import { estimateBoundary, getSizingContext } from '$lib/server/sizing';
import { listPatchBoundaries, type EditablePatch } from '$lib/server/queries/patch-boundaries';
import { areasFromPatches } from '$lib/map/geojson';
import type { AreaGeometry } from '$lib/domain/geometry';
import { lockedMessage, lockedPatchesOverlapped } from '$lib/domain/sizing/edit-impact';

/**
 * The other patches (grey outlines), the limits and population set, and the server's estimate of
 * the stored boundary, which is what a visitor without JavaScript sees.
 */
export function editorPageData(db: Db, programmeId: number, patch: EditablePatch | null) {
	const context = getSizingContext(db, programmeId);
	const others = areasFromPatches(listPatchBoundaries(db, programmeId, { exceptId: patch?.id }));
	let estimate = null;
	if (context && patch) {
		const e = estimateBoundary(db, context, {
			id: patch.id,
			name: patch.name,
			geometry: patch.boundary as AreaGeometry
		});
		estimate = {
			areal: e.areal,
			centroid: e.centroid,
			method: e.method,
			band: e.band,
			guidance: e.guidance.message,
			areaKm2: e.areaKm2,
			problems: e.problems
		};
	}
	return {
		patch: patch && {
			id: patch.id,
			name: patch.name,
			slug: patch.slug,
			status: patch.status,
			boundary: patch.boundary as AreaGeometry
		},
		others,
		sizing: context && {
			limits: context.limits,
			populationSet: context.populationSet,
			smallAreasUrl: `/council/patches/small-areas?set=${context.populationSet.id}`
		},
		estimate
	};
}

/**
 * The locked patches a boundary would overlap, as the refusal's message (null when none): a
 * locked patch keeps its small areas, so the save is refused before anything is written.
 */
export function lockedRefusal(
	db: Db,
	programmeId: number,
	patch: { id: number | string; name: string; geometry: AreaGeometry }
): string | null {
	const others = listPatchBoundaries(db, programmeId, {
		exceptId: typeof patch.id === 'number' ? patch.id : undefined
	}).map((p) => ({
		id: p.id,
		name: p.name,
		geometry: p.boundary as AreaGeometry,
		locked: p.locked
	}));
	const locked = lockedPatchesOverlapped(patch, others);
	return locked.length ? lockedMessage(locked) : null;
}
