/**
 * Helpers the entry editor's tests share, reading whichever database the test's beforeEach made
 * (passed as a getter, since each test gets a fresh one).
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client';
import * as t from '../../src/lib/server/db/schema';
import type { SessionUser } from '../../src/lib/server/auth';
import { actorFor } from '../../src/lib/server/staff/entry-patches';
import { readEntry } from '../../src/lib/server/staff/entries';
import { entryFormOptions, listEntryChoices } from '../../src/lib/server/staff/entry-choices';
import { parseEntryForm, type EntryData } from '../../src/lib/domain/entries';
import { newGroupForm } from './entry-fixture';

export const TODAY = '2026-06-10';

export function entryEditorHelpers(database: () => Db) {
	const actor = (user: SessionUser) => actorFor(database(), user);
	const auditRows = () => database().select().from(t.auditLog).all();
	const assetRow = (id: number) =>
		database().select().from(t.assets).where(eq(t.assets.id, id)).get()!;
	/** The whole database's entries and their parts, to show nothing changed. */
	const everything = () => {
		const db = database();
		return {
			assets: db.select().from(t.assets).all(),
			sessions: db.select().from(t.assetSessions).all(),
			contacts: db.select().from(t.assetContacts).all(),
			categories: db.select().from(t.assetCategories).all(),
			links: db.select().from(t.assetPatches).all(),
			audit: auditRows()
		};
	};
	/** The new group's form, read as the editor reads it. */
	function parsedGroup(changes: Parameters<typeof newGroupForm>[0] = {}) {
		const choices = listEntryChoices(database());
		const parsed = parseEntryForm(newGroupForm(changes), entryFormOptions(choices, TODAY));
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
		return parsed.entry;
	}
	/** The stored group with one change, as a save would send it. */
	const edited = (id: number, change: Partial<EntryData>) => ({
		...readEntry(database(), id)!.data,
		...change
	});
	return { actor, auditRows, assetRow, everything, parsedGroup, edited };
}
