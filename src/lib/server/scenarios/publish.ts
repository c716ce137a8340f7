/**
 * Publishing a scenario: its patches replace the programme's live patches in one transaction, with
 * an audit row. A live patch whose slug a scenario patch has keeps its id (and so its coordinators,
 * entries and history) and takes the scenario's name and boundary; a scenario patch with a new slug
 * becomes a new patch; a live patch the scenario no longer has is retired (never deleted).
 */
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { insertedId } from '../db/write';
import { uniqueSlug } from '../queries/patch-boundaries';
import { boundingBoxOf } from '../../domain/geometry';
import { scenarioPatchesOf } from './scenarios';
import { liveChangesSince, type LiveChange } from './live-changes';

export type PublishOutcome =
	| { ok: true; updated: number; added: number; retired: number }
	| { ok: false; message: string; liveChanges?: LiveChange[] };

/**
 * Publishes a draft scenario over the live patches. When a live patch changed or was added after
 * the scenario was copied, publishing would overwrite or retire that change: it is refused, with the
 * changes listed, unless `confirmed` (the council has seen them and chose to publish anyway).
 * @returns how many live patches were updated, added and retired, or why not (nothing is written)
 * @throws a database error (a full disk, say), in which case nothing is written either
 */
export function publishScenario(
	db: Db,
	{
		scenarioId,
		userId,
		confirmed = false
	}: { scenarioId: number; userId: number; confirmed?: boolean }
): PublishOutcome {
	return db.transaction((tx): PublishOutcome => {
		const scenario = tx.select().from(t.scenarios).where(eq(t.scenarios.id, scenarioId)).get();
		if (!scenario || scenario.status !== 'draft') {
			return { ok: false, message: 'Only a draft scenario can be published' };
		}
		const patches = scenarioPatchesOf(tx as unknown as Db, scenarioId);
		if (patches.length === 0) {
			return { ok: false, message: 'A scenario with no patches cannot be published' };
		}
		// Read inside the transaction, so a change saved a moment ago is seen.
		const liveChanges = liveChangesSince(tx as unknown as Db, scenario);
		if (liveChanges.length && !confirmed) {
			return {
				ok: false,
				message: liveChangeMessage(liveChanges),
				liveChanges
			};
		}
		const mine = tx
			.select({
				id: t.patches.id,
				slug: t.patches.slug,
				name: t.patches.name,
				status: t.patches.status
			})
			.from(t.patches)
			.where(eq(t.patches.programmeId, scenario.programmeId))
			.all();
		const bySlug = new Map(mine.map((p) => [p.slug, p]));
		// Slugs are unique across programmes: a new patch takes the next free one.
		const taken = new Set(
			tx
				.select({ slug: t.patches.slug })
				.from(t.patches)
				.all()
				.map((p) => p.slug)
		);
		const now = new Date().toISOString();
		const kept = new Set<number>();
		const detail = {
			scenario: scenario.name,
			updated: [] as { id: number; name: string; was: string }[],
			added: [] as { id: number; name: string }[],
			retired: [] as { id: number; name: string }[],
			/** Live changes made after the copy that the council confirmed it would overwrite. */
			overwroteLiveChanges: liveChanges
		};
		for (const patch of patches) {
			const shape = {
				name: patch.name,
				boundary: patch.geometry,
				...boundingBoxOf(patch.geometry)
			};
			const live = bySlug.get(patch.slug);
			if (live) {
				tx.update(t.patches)
					.set({
						...shape,
						status: live.status === 'retired' ? 'active' : live.status,
						updatedAt: now
					})
					.where(eq(t.patches.id, live.id))
					.run();
				kept.add(live.id);
				detail.updated.push({ id: live.id, name: patch.name, was: live.name });
			} else {
				const slug = uniqueSlug(patch.slug, taken);
				taken.add(slug);
				const id = insertedId(
					tx
						.insert(t.patches)
						.values({ programmeId: scenario.programmeId, slug, status: 'active', ...shape })
						.run()
				);
				kept.add(id);
				detail.added.push({ id, name: patch.name });
			}
		}
		const retiring = mine.filter((p) => p.status !== 'retired' && !kept.has(p.id));
		const retire = retiring.map((p) => p.id);
		if (retire.length) {
			tx.update(t.patches)
				.set({ status: 'retired', updatedAt: now })
				.where(inArray(t.patches.id, retire))
				.run();
			detail.retired = retiring.map(({ id, name }) => ({ id, name }));
		}
		tx.update(t.scenarios)
			.set({ status: 'published', closedAt: now, updatedAt: now })
			.where(eq(t.scenarios.id, scenarioId))
			.run();
		tx.insert(t.auditLog)
			.values({
				userId,
				action: 'scenario.published',
				entity: 'scenario',
				entityId: String(scenarioId),
				detail
			})
			.run();
		return {
			ok: true,
			updated: detail.updated.length,
			added: detail.added.length,
			retired: retire.length
		};
	});
}

/** "2 live patches changed after this scenario was copied (East, West): …" */
export function liveChangeMessage(changes: readonly LiveChange[]): string {
	const names = changes.map((c) => c.name).join(', ');
	const what =
		changes.length === 1
			? '1 live patch changed or was added'
			: `${changes.length} live patches changed or were added`;
	return (
		`${what} after this scenario was copied (${names}). Publishing replaces the live patches with ` +
		"the scenario's, so those changes would be lost. Confirm to publish anyway."
	);
}
