/**
 * Writes the demo borough's made-up demand (src/lib/demo/demand.ts) once its patches, coordinators
 * and entries are in: the connections coordinators logged and the searches that found nothing.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { demoDemand } from '../../demo/demand';
import type { Tx } from '../db/client';
import * as t from '../db/schema';

/** Inserts the demand for the six months before `today`'s; returns how many rows of each. */
export function insertDemoDemand(
	tx: Tx,
	today: string
): { connections: number; emptySearches: number } {
	const patches = tx
		.select({ id: t.patches.id, slug: t.patches.slug })
		.from(t.patches)
		.orderBy(t.patches.id)
		.all();
	const coordinators = new Map(
		tx
			.select({ patchId: t.patchCoordinators.patchId, userId: t.patchCoordinators.userId })
			.from(t.patchCoordinators)
			.orderBy(t.patchCoordinators.patchId, t.patchCoordinators.userId)
			.all()
			.map((row) => [row.patchId, row.userId])
	);
	const entriesByTheme = new Map<string, number[]>();
	const published = tx
		.select({ assetId: t.assetCategories.assetId, theme: t.assetCategories.categoryId })
		.from(t.assetCategories)
		.innerJoin(t.assets, eq(t.assets.id, t.assetCategories.assetId))
		.where(and(eq(t.assets.status, 'published'), inArray(t.assets.kind, ['group', 'venue'])))
		.orderBy(t.assetCategories.categoryId, t.assetCategories.assetId)
		.all();
	for (const { assetId, theme } of published) {
		const entries = entriesByTheme.get(theme);
		if (entries) entries.push(assetId);
		else entriesByTheme.set(theme, [assetId]);
	}
	const { connections, emptySearches } = demoDemand(
		today,
		patches.map((patch) => ({ ...patch, coordinatorId: coordinators.get(patch.id) ?? null })),
		entriesByTheme
	);
	for (let i = 0; i < connections.length; i += 500) {
		tx.insert(t.connections)
			.values(connections.slice(i, i + 500))
			.run();
	}
	if (emptySearches.length) tx.insert(t.emptySearches).values(emptySearches).run();
	return { connections: connections.length, emptySearches: emptySearches.length };
}
