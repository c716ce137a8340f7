/**
 * What changed in the live patches since a scenario was copied from them: publishing would replace
 * (or retire) those changes, so the council is warned and must confirm. A scenario keeps each copied
 * live patch's updated_at (scenarios.live_stamps); a live patch whose stamp differs has been edited,
 * renamed, locked or retired since, and one without a stamp has been added since.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';

export interface LiveChange {
	/** The live patch's id and name as it is now. */
	id: number;
	name: string;
	kind: 'changed' | 'added';
	/** When the live patch was last changed (ISO). */
	updatedAt: string;
}

/** Each live patch's updated_at by id: the stamp a scenario keeps when it is copied. */
export function liveStampsOf(db: Db, programmeId: number): Record<string, string> {
	const rows = db
		.select({ id: t.patches.id, updatedAt: t.patches.updatedAt })
		.from(t.patches)
		.where(
			and(eq(t.patches.programmeId, programmeId), inArray(t.patches.status, ['active', 'planned']))
		)
		.all();
	return Object.fromEntries(rows.map((r) => [String(r.id), r.updatedAt]));
}

/**
 * The live patches changed or added since the scenario was copied, by name; empty when none, or
 * when the scenario was copied before stamps were kept (nothing to compare with).
 */
export function liveChangesSince(
	db: Db,
	scenario: { programmeId: number; liveStamps: Record<string, string> | null }
): LiveChange[] {
	const stamps = scenario.liveStamps;
	if (!stamps) return [];
	const rows = db
		.select({
			id: t.patches.id,
			name: t.patches.name,
			status: t.patches.status,
			updatedAt: t.patches.updatedAt
		})
		.from(t.patches)
		.where(eq(t.patches.programmeId, scenario.programmeId))
		.all();
	const changes: LiveChange[] = [];
	for (const row of rows) {
		const stamp = stamps[String(row.id)];
		if (stamp === undefined) {
			// Retired before the copy and still retired: nothing a council would lose.
			if (row.status !== 'retired') changes.push({ ...pick(row), kind: 'added' });
		} else if (stamp !== row.updatedAt) changes.push({ ...pick(row), kind: 'changed' });
	}
	return changes.sort((a, b) => a.name.localeCompare(b.name));
}

const pick = ({ id, name, updatedAt }: { id: number; name: string; updatedAt: string }) => ({
	id,
	name,
	updatedAt
});
