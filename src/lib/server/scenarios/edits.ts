/**
 * Editing a draft scenario: apply an edit (the pure rules are in domain/scenarios) and store it with
 * what it changed, so it can be undone and redone; each in one transaction.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import * as t from '../db/schema';
import {
	applyEdit,
	undoRedoTargets,
	type ScenarioChange,
	type ScenarioEdit,
	type ScenarioPatch
} from '../../domain/scenarios';
import { scenarioPatchesOf } from './scenarios';

export type EditOutcome = { ok: true; label: string } | { ok: false; message: string };

const NOT_A_DRAFT = 'This scenario has been published or discarded: it can no longer be changed';

function isDraft(tx: Tx, scenarioId: number): boolean {
	const row = tx
		.select({ status: t.scenarios.status })
		.from(t.scenarios)
		.where(eq(t.scenarios.id, scenarioId))
		.get();
	return row?.status === 'draft';
}

/** Takes `remove` out and puts `put` in (by slug), as one edit's change or its reverse. */
function swapStored(
	tx: Tx,
	scenarioId: number,
	remove: readonly ScenarioPatch[],
	put: readonly ScenarioPatch[]
): void {
	const kept = new Set(put.map((p) => p.slug));
	const gone = remove.map((p) => p.slug).filter((slug) => !kept.has(slug));
	if (gone.length) {
		tx.delete(t.scenarioPatches)
			.where(
				and(eq(t.scenarioPatches.scenarioId, scenarioId), inArray(t.scenarioPatches.slug, gone))
			)
			.run();
	}
	for (const patch of put) {
		const values = { name: patch.name, boundary: patch.geometry, livePatchId: patch.livePatchId };
		const updated = tx
			.update(t.scenarioPatches)
			.set(values)
			.where(
				and(eq(t.scenarioPatches.scenarioId, scenarioId), eq(t.scenarioPatches.slug, patch.slug))
			)
			.run();
		if (updated.changes === 0) {
			tx.insert(t.scenarioPatches)
				.values({ scenarioId, slug: patch.slug, ...values })
				.run();
		}
	}
	tx.update(t.scenarios)
		.set({ updatedAt: new Date().toISOString() })
		.where(eq(t.scenarios.id, scenarioId))
		.run();
}

/**
 * Applies an edit to a draft scenario and stores it (dropping any undone edits: they can no longer
 * be redone).
 * @returns what was done, in words, or why not (nothing is written)
 */
export function editScenario(
	db: Db,
	{ scenarioId, edit, userId }: { scenarioId: number; edit: ScenarioEdit; userId: number }
): EditOutcome {
	return db.transaction((tx): EditOutcome => {
		if (!isDraft(tx, scenarioId)) return { ok: false, message: NOT_A_DRAFT };
		const result = applyEdit(scenarioPatchesOf(tx as unknown as Db, scenarioId), edit);
		if (!result.ok) return result;
		swapStored(tx, scenarioId, result.change.before, result.change.after);
		tx.delete(t.scenarioEdits)
			.where(and(eq(t.scenarioEdits.scenarioId, scenarioId), eq(t.scenarioEdits.undone, true)))
			.run();
		tx.insert(t.scenarioEdits)
			.values({ scenarioId, label: result.label, change: result.change, userId })
			.run();
		return { ok: true, label: result.label };
	});
}

/**
 * Undoes the last edit still done, or redoes the first one undone.
 * @returns what was undone or redone, or why nothing was (nothing is written)
 */
export function undoOrRedo(
	db: Db,
	{ scenarioId, which }: { scenarioId: number; which: 'undo' | 'redo' }
): EditOutcome {
	return db.transaction((tx): EditOutcome => {
		if (!isDraft(tx, scenarioId)) return { ok: false, message: NOT_A_DRAFT };
		const steps = tx
			.select({ id: t.scenarioEdits.id, undone: t.scenarioEdits.undone })
			.from(t.scenarioEdits)
			.where(eq(t.scenarioEdits.scenarioId, scenarioId))
			.all();
		const target = undoRedoTargets(steps)[which];
		if (target === null) return { ok: false, message: `There is nothing to ${which}` };
		const edit = tx.select().from(t.scenarioEdits).where(eq(t.scenarioEdits.id, target)).get()!;
		const change = edit.change as ScenarioChange;
		if (which === 'undo') swapStored(tx, scenarioId, change.after, change.before);
		else swapStored(tx, scenarioId, change.before, change.after);
		tx.update(t.scenarioEdits)
			.set({ undone: which === 'undo' })
			.where(eq(t.scenarioEdits.id, target))
			.run();
		return { ok: true, label: `${which === 'undo' ? 'Undone' : 'Redone'}: ${edit.label}` };
	});
}
