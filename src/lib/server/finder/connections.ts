/**
 * The connections log: anonymous rows (date, patch, entry or none, theme, outcome, who recorded it).
 * Nothing about the person is ever written: no name, no free text, no other input of the search.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import type { ConnectionCount } from '../../domain/finder/log';
import type { Actor } from '../../domain/permissions';
import type { ConnectionKind } from '../../domain/vocabulary';
import { recordChange } from '../staff/audit';

/** The parts of a database or transaction these helpers use. */
type Reader = Pick<Db, 'select'>;
type Writer = Pick<Db, 'insert'>;

export type LogRefusal = 'unknown_entry' | 'unknown_theme' | 'unknown_patch' | 'not_yours';

export class LogRefusedError extends Error {
	constructor(readonly reason: LogRefusal) {
		super(
			{
				unknown_entry: 'That entry is not in the directory any more',
				unknown_theme: 'That theme is not a category',
				unknown_patch: 'That patch does not exist',
				not_yours: 'You can only undo your own entries, on the day you made them'
			}[reason]
		);
	}
}

function checkTheme(db: Reader, theme: string | null) {
	if (theme === null) return;
	const found = db
		.select({ id: t.categories.id })
		.from(t.categories)
		.where(eq(t.categories.id, theme))
		.get();
	if (!found) throw new LogRefusedError('unknown_theme');
}

function checkPatch(db: Reader, patchId: number | null) {
	if (patchId === null) return;
	if (!db.select({ id: t.patches.id }).from(t.patches).where(eq(t.patches.id, patchId)).get())
		throw new LogRefusedError('unknown_patch');
}

function insertRow(
	db: Writer,
	actor: Actor,
	row: {
		madeOn: string;
		patchId: number | null;
		assetId: number | null;
		theme: string | null;
		kind: ConnectionKind;
	}
): number {
	const id = Number(
		db
			.insert(t.connections)
			.values({ ...row, recordedBy: actor.id })
			.run().lastInsertRowid
	);
	recordChange(db, {
		actorId: actor.id,
		action: `connection.${row.kind}`,
		entity: 'connection',
		entityId: id,
		after: row,
		patchIds: row.patchId === null ? [] : [row.patchId]
	});
	return id;
}

/** Logs "connected" to a published entry. Refuses an entry, theme or patch that does not exist. */
export function recordConnected(
	db: Db,
	actor: Actor,
	input: { assetId: number; theme: string | null; patchId: number | null; today: string }
): number {
	return db.transaction((tx) => {
		const asset = tx
			.select({ id: t.assets.id })
			.from(t.assets)
			.where(and(eq(t.assets.id, input.assetId), eq(t.assets.status, 'published')))
			.get();
		if (!asset) throw new LogRefusedError('unknown_entry');
		checkTheme(tx, input.theme);
		checkPatch(tx, input.patchId);
		return insertRow(tx, actor, {
			madeOn: input.today,
			patchId: input.patchId,
			assetId: input.assetId,
			theme: input.theme,
			kind: 'connected'
		});
	});
}

/** Logs "nothing suitable found", one row per theme searched (one row with no theme when none). */
export function recordNothingSuitable(
	db: Db,
	actor: Actor,
	input: { themes: readonly string[]; patchId: number | null; today: string }
): number[] {
	return db.transaction((tx) => {
		const themes = input.themes.length ? [...new Set(input.themes)] : [null];
		for (const theme of themes) checkTheme(tx, theme);
		checkPatch(tx, input.patchId);
		return themes.map((theme) =>
			insertRow(tx, actor, {
				madeOn: input.today,
				patchId: input.patchId,
				assetId: null,
				theme,
				kind: 'nothing_suitable'
			})
		);
	});
}

/** Removes a row the actor recorded today; refuses anyone else's, or an older one. */
export function undoConnection(db: Db, actor: Actor, id: number, today: string): void {
	db.transaction((tx) => {
		const row = tx.select().from(t.connections).where(eq(t.connections.id, id)).get();
		if (!row || row.recordedBy !== actor.id || row.madeOn !== today)
			throw new LogRefusedError('not_yours');
		tx.delete(t.connections).where(eq(t.connections.id, id)).run();
		recordChange(tx, {
			actorId: actor.id,
			action: 'connection.undone',
			entity: 'connection',
			entityId: id,
			before: {
				madeOn: row.madeOn,
				patchId: row.patchId,
				assetId: row.assetId,
				theme: row.theme,
				kind: row.kind
			},
			patchIds: row.patchId === null ? [] : [row.patchId]
		});
	});
}

export interface OwnLogRow {
	id: number;
	kind: ConnectionKind;
	assetName: string | null;
	themeName: string | null;
	patchName: string | null;
}

/** What the actor has logged today, newest first: the rows they may still undo. */
export function listOwnToday(db: Db, actor: Actor, today: string): OwnLogRow[] {
	return db
		.select({
			id: t.connections.id,
			kind: t.connections.kind,
			assetName: t.assets.name,
			themeName: t.categories.name,
			patchName: t.patches.name
		})
		.from(t.connections)
		.leftJoin(t.assets, eq(t.assets.id, t.connections.assetId))
		.leftJoin(t.categories, eq(t.categories.id, t.connections.theme))
		.leftJoin(t.patches, eq(t.patches.id, t.connections.patchId))
		.where(and(eq(t.connections.recordedBy, actor.id), eq(t.connections.madeOn, today)))
		.orderBy(sql`${t.connections.id} DESC`)
		.all();
}

/** Counts by patch × theme × month × outcome (optionally for some patches only). */
export function countConnections(db: Db, patchIds?: readonly number[]): ConnectionCount[] {
	const month = sql<string>`substr(${t.connections.madeOn}, 1, 7)`;
	return db
		.select({
			patchId: t.connections.patchId,
			patchName: t.patches.name,
			theme: t.connections.theme,
			themeName: t.categories.name,
			month,
			kind: t.connections.kind,
			count: sql<number>`count(*)`
		})
		.from(t.connections)
		.leftJoin(t.patches, eq(t.patches.id, t.connections.patchId))
		.leftJoin(t.categories, eq(t.categories.id, t.connections.theme))
		.where(patchIds ? inArray(t.connections.patchId, [...patchIds]) : undefined)
		.groupBy(t.connections.patchId, t.connections.theme, month, t.connections.kind)
		.all();
}
