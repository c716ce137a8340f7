/**
 * A patch's life on the council pages: publish a planned patch, rename it, lock it, give it or
 * relieve it of coordinators, and delete it (its coordinators moved to another patch or left
 * without). Every change is one transaction with its audit row (before and after).
 */
import { and, asc, count, desc, eq, inArray, ne, notInArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { recordChange } from '../staff/audit';
import { listEntryIdsInPatches, listPatchIdsOfEntry } from '../staff/entry-patches';

/** A patch as the council's patch page shows it, or null. */
export function getPatchForManaging(db: Db, id: number) {
	const patch = db
		.select({
			id: t.patches.id,
			programmeId: t.patches.programmeId,
			name: t.patches.name,
			nameCy: t.patches.nameCy,
			slug: t.patches.slug,
			status: t.patches.status,
			locked: t.patches.locked
		})
		.from(t.patches)
		.where(eq(t.patches.id, id))
		.get();
	if (!patch) return null;
	const coordinators = listCoordinatorsOf(db, id);
	const coordinatorChoices = db
		.select({ id: t.users.id, displayName: t.users.displayName })
		.from(t.users)
		.where(
			and(
				eq(t.users.role, 'coordinator'),
				eq(t.users.disabled, false),
				coordinators.length
					? notInArray(
							t.users.id,
							coordinators.map((c) => c.id)
						)
					: undefined
			)
		)
		.orderBy(asc(t.users.displayName))
		.all();
	return { ...patch, coordinators, coordinatorChoices };
}

export type ManagedPatch = NonNullable<ReturnType<typeof getPatchForManaging>>;

function listCoordinatorsOf(db: Pick<Db, 'select'>, patchId: number) {
	return db
		.select({ id: t.users.id, displayName: t.users.displayName })
		.from(t.patchCoordinators)
		.innerJoin(t.users, eq(t.users.id, t.patchCoordinators.userId))
		.where(eq(t.patchCoordinators.patchId, patchId))
		.orderBy(asc(t.users.displayName))
		.all();
}

type PatchSnapshot = { name: string; nameCy: string | null; status: string; locked: boolean };

function snapshot(db: Pick<Db, 'select'>, patchId: number): PatchSnapshot | null {
	return (
		db
			.select({
				name: t.patches.name,
				nameCy: t.patches.nameCy,
				status: t.patches.status,
				locked: t.patches.locked
			})
			.from(t.patches)
			.where(eq(t.patches.id, patchId))
			.get() ?? null
	);
}

/** Changes some of a patch's fields and audits the change; false when there is no such patch. */
function changePatch(
	db: Db,
	{ patchId, userId, action }: { patchId: number; userId: number; action: string },
	set: Partial<PatchSnapshot>
): boolean {
	return db.transaction((tx) => {
		const before = snapshot(tx, patchId);
		if (!before) return false;
		tx.update(t.patches)
			.set({ ...set, updatedAt: new Date().toISOString() } as Partial<
				typeof t.patches.$inferInsert
			>)
			.where(eq(t.patches.id, patchId))
			.run();
		recordChange(tx, {
			actorId: userId,
			action,
			entity: 'patch',
			entityId: patchId,
			before,
			after: { ...before, ...set },
			patchIds: [patchId]
		});
		return true;
	});
}

/** Publishes a planned (or retired) patch: visitors see it from now on. */
export function publishPatch(db: Db, { patchId, userId }: { patchId: number; userId: number }) {
	return changePatch(db, { patchId, userId, action: 'patch.published' }, { status: 'active' });
}

/** Renames a patch in English and Welsh (null: no Welsh name). Its slug, and so its address, stays. */
export function renamePatch(
	db: Db,
	{
		patchId,
		userId,
		name,
		nameCy
	}: { patchId: number; userId: number; name: string; nameCy: string | null }
) {
	return changePatch(db, { patchId, userId, action: 'patch.renamed' }, { name, nameCy });
}

/** Locks a patch (edits of other patches may not overlap it) or unlocks it. */
export function setPatchLocked(
	db: Db,
	{ patchId, userId, locked }: { patchId: number; userId: number; locked: boolean }
) {
	const action = locked ? 'patch.locked' : 'patch.unlocked';
	return changePatch(db, { patchId, userId, action }, { locked });
}

export type CoordinatorChange = 'done' | 'no_patch' | 'not_coordinator' | 'unchanged';

/**
 * Gives a patch a coordinator, or relieves them of it. Only enabled coordinator accounts can be
 * given a patch; audited on the patch with the names before and after.
 */
export function changePatchCoordinator(
	db: Db,
	{
		patchId,
		userId,
		coordinatorId,
		give
	}: { patchId: number; userId: number; coordinatorId: number; give: boolean }
): CoordinatorChange {
	return db.transaction((tx) => {
		if (!snapshot(tx, patchId)) return 'no_patch';
		const person = tx
			.select({ role: t.users.role, disabled: t.users.disabled })
			.from(t.users)
			.where(eq(t.users.id, coordinatorId))
			.get();
		if (!person || (give && (person.role !== 'coordinator' || person.disabled))) {
			return 'not_coordinator';
		}
		const before = listCoordinatorsOf(tx, patchId).map((c) => c.displayName);
		const link = and(
			eq(t.patchCoordinators.patchId, patchId),
			eq(t.patchCoordinators.userId, coordinatorId)
		);
		const has = tx.select().from(t.patchCoordinators).where(link).get() !== undefined;
		if (has === give) return 'unchanged';
		if (give) tx.insert(t.patchCoordinators).values({ patchId, userId: coordinatorId }).run();
		else tx.delete(t.patchCoordinators).where(link).run();
		const after = listCoordinatorsOf(tx, patchId).map((c) => c.displayName);
		recordChange(tx, {
			actorId: userId,
			action: give ? 'patch.coordinator_given' : 'patch.coordinator_relieved',
			entity: 'patch',
			entityId: patchId,
			before: { coordinators: before },
			after: { coordinators: after },
			patchIds: [patchId]
		});
		return 'done';
	});
}

/** What deleting a patch would do, said before the council confirms it. */
export interface DeletionEffects {
	coordinators: string[];
	/** Online or roaming entries linked to this patch and no other. */
	linkedOnlyHere: { id: number; name: string }[];
	/** Entries at a place in this patch and in no other (not archived). */
	placedOnlyHere: number;
	/** Logged connections that name this patch (they keep their date and theme). */
	connections: number;
	/** Patches the coordinators and linked entries can move to. */
	targets: { id: number; name: string }[];
}

export function describePatchDeletion(db: Db, patchId: number): DeletionEffects {
	const linkedHere = new Set(
		db
			.select({ id: t.assetPatches.assetId })
			.from(t.assetPatches)
			.where(eq(t.assetPatches.patchId, patchId))
			.all()
			.map((row) => row.id)
	);
	const linkedOnlyHere: DeletionEffects['linkedOnlyHere'] = [];
	let placedOnlyHere = 0;
	const ids = [...listEntryIdsInPatches(db, [patchId], ['draft', 'published'])];
	const names = new Map(
		ids.length
			? db
					.select({ id: t.assets.id, name: t.assets.name })
					.from(t.assets)
					.where(inArray(t.assets.id, ids))
					.all()
					.map((row) => [row.id, row.name])
			: []
	);
	for (const id of ids) {
		const patches = listPatchIdsOfEntry(db, id);
		if (patches.some((p) => p !== patchId)) continue;
		if (linkedHere.has(id)) linkedOnlyHere.push({ id, name: names.get(id) ?? '' });
		else placedOnlyHere++;
	}
	const [{ n: connections }] = db
		.select({ n: count() })
		.from(t.connections)
		.where(eq(t.connections.patchId, patchId))
		.all();
	const targets = db
		.select({ id: t.patches.id, name: t.patches.name })
		.from(t.patches)
		.where(and(ne(t.patches.id, patchId), ne(t.patches.status, 'retired')))
		.orderBy(asc(t.patches.name))
		.all();
	return {
		coordinators: listCoordinatorsOf(db, patchId).map((c) => c.displayName),
		linkedOnlyHere: linkedOnlyHere.sort((a, b) => a.name.localeCompare(b.name)),
		placedOnlyHere,
		connections,
		targets
	};
}

/**
 * Deletes a patch. Its coordinators, and the online or roaming entries linked to it alone, move to
 * `moveTo` when given (else the coordinators have no patch there and the entries are linked to none,
 * which council and admin still edit). Connections keep their date and theme, without the patch.
 * @returns false when there is no such patch, or `moveTo` is not another patch in use
 */
export function deletePatch(
	db: Db,
	{ patchId, userId, moveTo }: { patchId: number; userId: number; moveTo: number | null }
): boolean {
	const effects = describePatchDeletion(db, patchId);
	return db.transaction((tx) => {
		const before = snapshot(tx, patchId);
		if (!before) return false;
		const target = moveTo === null ? null : effects.targets.find((p) => p.id === moveTo);
		if (target === undefined) return false;
		if (target) {
			for (const c of listCoordinatorsOf(tx, patchId)) {
				tx.insert(t.patchCoordinators)
					.values({ patchId: target.id, userId: c.id })
					.onConflictDoNothing()
					.run();
			}
			for (const entry of effects.linkedOnlyHere) {
				tx.insert(t.assetPatches)
					.values({ assetId: entry.id, patchId: target.id })
					.onConflictDoNothing()
					.run();
			}
		}
		tx.delete(t.patches).where(eq(t.patches.id, patchId)).run();
		recordChange(tx, {
			actorId: userId,
			action: 'patch.deleted',
			entity: 'patch',
			entityId: patchId,
			before: { ...before, coordinators: effects.coordinators },
			after: null,
			patchIds: target ? [target.id] : [],
			note: target
				? `Coordinators and ${effects.linkedOnlyHere.length} linked entries moved to ${target.name}`
				: 'Coordinators left without this patch; linked entries linked to no patch'
		});
		return true;
	});
}

/** The name a deleted patch had, from its audit row; null when no patch with that id was deleted. */
export function deletedPatchName(db: Db, patchId: number): string | null {
	const row = db
		.select({ detail: t.auditLog.detail })
		.from(t.auditLog)
		.where(
			and(
				eq(t.auditLog.action, 'patch.deleted'),
				eq(t.auditLog.entity, 'patch'),
				eq(t.auditLog.entityId, String(patchId))
			)
		)
		.orderBy(desc(t.auditLog.id))
		.get();
	const before = row?.detail?.before as { name?: unknown } | undefined;
	return typeof before?.name === 'string' ? before.name : null;
}
