/**
 * Reading, creating and discarding scenarios (draft sets of patches). Edits are in ./edits.ts,
 * publishing in ./publish.ts. Every query takes the database.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { insertedId } from '../db/write';
import { listPatchBoundaries } from '../queries/patch-boundaries';
import type { AreaGeometry } from '../../domain/geometry';
import type { ScenarioPatch } from '../../domain/scenarios';
import { liveStampsOf } from './live-changes';

/** The programme's scenarios, drafts first, newest first. */
export function listScenarios(db: Db, programmeId: number) {
	return db
		.select({
			id: t.scenarios.id,
			name: t.scenarios.name,
			status: t.scenarios.status,
			createdAt: t.scenarios.createdAt,
			updatedAt: t.scenarios.updatedAt,
			closedAt: t.scenarios.closedAt
		})
		.from(t.scenarios)
		.where(eq(t.scenarios.programmeId, programmeId))
		.orderBy(desc(eq(t.scenarios.status, 'draft')), desc(t.scenarios.id))
		.all();
}

/** A scenario's patches, in the order they were made. */
export function scenarioPatchesOf(db: Db, scenarioId: number): ScenarioPatch[] {
	return db
		.select({
			slug: t.scenarioPatches.slug,
			name: t.scenarioPatches.name,
			geometry: t.scenarioPatches.boundary,
			livePatchId: t.scenarioPatches.livePatchId
		})
		.from(t.scenarioPatches)
		.where(eq(t.scenarioPatches.scenarioId, scenarioId))
		.orderBy(asc(t.scenarioPatches.id))
		.all()
		.map((p) => ({ ...p, geometry: p.geometry as AreaGeometry }));
}

/** A scenario with its patches and its edits (for undo and redo), or null. */
export function getScenario(db: Db, id: number) {
	const scenario = db.select().from(t.scenarios).where(eq(t.scenarios.id, id)).get();
	if (!scenario) return null;
	const edits = db
		.select({
			id: t.scenarioEdits.id,
			label: t.scenarioEdits.label,
			undone: t.scenarioEdits.undone
		})
		.from(t.scenarioEdits)
		.where(eq(t.scenarioEdits.scenarioId, id))
		.orderBy(asc(t.scenarioEdits.id))
		.all();
	return { ...scenario, patches: scenarioPatchesOf(db, id), edits };
}

export type Scenario = NonNullable<ReturnType<typeof getScenario>>;

/**
 * A new draft scenario, a copy of the programme's live patches (active and planned), with an
 * audit row, in one transaction.
 * @returns the scenario's id
 */
export function createScenario(
	db: Db,
	{ programmeId, name, userId }: { programmeId: number; name: string; userId: number }
): number {
	const live = listPatchBoundaries(db, programmeId);
	return db.transaction((tx) => {
		const liveStamps = liveStampsOf(tx as unknown as Db, programmeId);
		const id = insertedId(
			tx.insert(t.scenarios).values({ programmeId, name, createdBy: userId, liveStamps }).run()
		);
		for (const patch of live) {
			tx.insert(t.scenarioPatches)
				.values({
					scenarioId: id,
					slug: patch.slug,
					name: patch.name,
					boundary: patch.boundary,
					livePatchId: patch.id
				})
				.run();
		}
		tx.insert(t.auditLog)
			.values({
				userId,
				action: 'scenario.created',
				entity: 'scenario',
				entityId: String(id),
				detail: { name, patches: live.length }
			})
			.run();
		return id;
	});
}

/**
 * Discards a draft: it stays listed as discarded, and can no longer be edited or published.
 * @returns false when it is not a draft (nothing is written)
 */
export function discardScenario(db: Db, { id, userId }: { id: number; userId: number }): boolean {
	return db.transaction((tx) => {
		const done = tx
			.update(t.scenarios)
			.set({ status: 'discarded', closedAt: new Date().toISOString() })
			.where(and(eq(t.scenarios.id, id), eq(t.scenarios.status, 'draft')))
			.run();
		if (done.changes !== 1) return false;
		tx.insert(t.auditLog)
			.values({
				userId,
				action: 'scenario.discarded',
				entity: 'scenario',
				entityId: String(id),
				detail: {}
			})
			.run();
		return true;
	});
}
