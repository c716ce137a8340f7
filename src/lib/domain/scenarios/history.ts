/**
 * Undo and redo: each edit is stored as the patches it changed, before and after. Undoing the last
 * edit puts its `before` back; redoing puts its `after` back. A new edit drops whatever was undone.
 */
import type { ScenarioChange, ScenarioPatch } from './types';

/** Replaces the patches `from` names (by slug) with those of `to`, keeping the order of the rest. */
function swap(
	patches: readonly ScenarioPatch[],
	from: readonly ScenarioPatch[],
	to: readonly ScenarioPatch[]
): ScenarioPatch[] {
	const gone = new Set(from.map((p) => p.slug));
	const incoming = new Map(to.map((p) => [p.slug, p]));
	const result: ScenarioPatch[] = [];
	for (const patch of patches) {
		if (incoming.has(patch.slug)) {
			result.push(incoming.get(patch.slug)!);
			incoming.delete(patch.slug);
		} else if (!gone.has(patch.slug)) result.push(patch);
	}
	return [...result, ...incoming.values()];
}

/** The patches after a change is made (or made again, for redo). */
export const applyChange = (patches: readonly ScenarioPatch[], change: ScenarioChange) =>
	swap(patches, change.before, change.after);

/** The patches after a change is undone. */
export const revertChange = (patches: readonly ScenarioPatch[], change: ScenarioChange) =>
	swap(patches, change.after, change.before);

export interface EditStep {
	id: number;
	undone: boolean;
}

/**
 * Which stored edit undo takes back (the last one still done) and which redo makes again (the
 * first one undone), by id order.
 * @example undoRedoTargets([{ id: 1, undone: false }, { id: 2, undone: true }]) // { undo: 1, redo: 2 }
 */
export function undoRedoTargets(steps: readonly EditStep[]): {
	undo: number | null;
	redo: number | null;
} {
	const ordered = [...steps].sort((a, b) => a.id - b.id);
	const done = ordered.filter((s) => !s.undone);
	const undone = ordered.filter((s) => s.undone);
	return { undo: done.at(-1)?.id ?? null, redo: undone[0]?.id ?? null };
}
