/**
 * Sessions with their public notes, for "what's on" lists and the printable sheet. Session notes are
 * public (they are shown beside the session); entries are those a visitor may see (./visibility.ts).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import type { SessionRule } from '../../domain/sessions';
import { contactVisibleToVisitors, entryVisibleToVisitors } from './visibility';

export type SessionWithNote = SessionRule & { note: string | null };

/** Session rules with notes for many visible entries, grouped by asset id, in week order. */
export function listPublicSessionsWithNotes(
	db: Db,
	assetIds: readonly number[]
): Map<number, SessionWithNote[]> {
	const sessions = new Map<number, SessionWithNote[]>();
	if (assetIds.length === 0) return sessions;
	const rows = db
		.select({
			assetId: t.assetSessions.assetId,
			frequency: t.assetSessions.frequency,
			weekday: t.assetSessions.weekday,
			weekOfMonth: t.assetSessions.weekOfMonth,
			anchorDate: t.assetSessions.anchorDate,
			startTime: t.assetSessions.startTime,
			endTime: t.assetSessions.endTime,
			note: t.assetSessions.note
		})
		.from(t.assetSessions)
		.innerJoin(t.assets, eq(t.assets.id, t.assetSessions.assetId))
		.where(and(inArray(t.assetSessions.assetId, [...assetIds]), entryVisibleToVisitors))
		.orderBy(asc(t.assetSessions.weekday), asc(t.assetSessions.startTime))
		.all();
	for (const { assetId, ...rule } of rows) {
		sessions.set(assetId, [...(sessions.get(assetId) ?? []), rule]);
	}
	return sessions;
}

/**
 * For the printable sheet: each visible entry's categories (top-level first by sort order) and the
 * phone numbers a visitor may see.
 */
export function listPrintDetails(db: Db, assetIds: readonly number[]) {
	const categories = new Map<number, { id: string; name: string; sortOrder: number }[]>();
	const phones = new Map<number, string[]>();
	if (assetIds.length === 0) return { categories, phones };
	const ids = [...assetIds];
	for (const row of db
		.select({
			assetId: t.assetCategories.assetId,
			id: t.categories.id,
			name: t.categories.name,
			sortOrder: t.categories.sortOrder
		})
		.from(t.assetCategories)
		.innerJoin(t.categories, eq(t.categories.id, t.assetCategories.categoryId))
		.innerJoin(t.assets, eq(t.assets.id, t.assetCategories.assetId))
		.where(and(inArray(t.assetCategories.assetId, ids), entryVisibleToVisitors))
		.orderBy(asc(t.categories.sortOrder), asc(t.categories.name))
		.all()) {
		const { assetId, ...category } = row;
		categories.set(assetId, [...(categories.get(assetId) ?? []), category]);
	}
	for (const row of db
		.select({ assetId: t.assetContacts.assetId, value: t.assetContacts.value })
		.from(t.assetContacts)
		.innerJoin(t.assets, eq(t.assets.id, t.assetContacts.assetId))
		.where(
			and(
				inArray(t.assetContacts.assetId, ids),
				eq(t.assetContacts.kind, 'phone'),
				contactVisibleToVisitors
			)
		)
		.orderBy(asc(t.assetContacts.id))
		.all()) {
		phones.set(row.assetId, [...(phones.get(row.assetId) ?? []), row.value]);
	}
	return { categories, phones };
}
