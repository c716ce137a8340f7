/**
 * Writing asset drafts: insert, or update in place the asset with the same source and external id.
 * What a re-import keeps of a coordinator's work:
 * - status: a new asset gets the import's status; an existing one keeps its own (only a feed saying
 *   the service is defunct archives it);
 * - categories: replaced by the import's, unless the import has only the fallback "Other" and the
 *   asset has been given real categories since;
 * - contacts: public ones are replaced by the file's; coordinators-only ones are kept;
 * - sessions: replaced when the file has any, kept when it has none (few feeds carry schedules);
 * - last checked: the later of the stored date and the file's.
 */
import { and, eq, inArray } from 'drizzle-orm';
import * as t from '../../db/schema';
import type { Tx } from '../../import/transaction';
import type { AssetDraft } from '../../../domain/exchange/asset-draft';
import { FALLBACK_CATEGORY, type NewCategory } from '../../../domain/exchange/import/categories';
import type { ReadyDraft } from '../../../domain/exchange/import/records';
import { columnsOf, prepareAssetInserts, type AssetInserts } from './insert';

type AssetRow = typeof t.assets.$inferSelect;

export interface WriteOutcome {
	/** The asset id each draft was written to, by the draft's ref. */
	assetIds: Map<string, number>;
	created: number;
	updated: number;
	unchanged: number;
	/** Ids of the stored assets this import updated or left unchanged (they were already there). */
	existingIds: Set<number>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Creates the categories an import needs that the programme does not have, after the others. */
export function createCategories(tx: Tx, categories: readonly NewCategory[]): void {
	if (!categories.length) return;
	const last = tx.select({ sortOrder: t.categories.sortOrder }).from(t.categories).all();
	let sortOrder = last.reduce((max, row) => Math.max(max, row.sortOrder), 0);
	for (const category of categories) {
		tx.insert(t.categories)
			.values({ ...category, sortOrder: ++sortOrder })
			.onConflictDoNothing()
			.run();
	}
}

const contactKey = (contact: { kind: string; value: string }) =>
	`${contact.kind}\u0000${contact.value.trim().toLowerCase()}`;
type SessionLike = {
	frequency: string;
	weekday: number;
	weekOfMonth: number | null;
	anchorDate: string | null;
	startTime: string;
	endTime: string;
	note: string | null;
};
const sessionKey = (s: SessionLike) =>
	JSON.stringify([
		s.frequency,
		s.weekday,
		s.weekOfMonth,
		s.anchorDate,
		s.startTime,
		s.endTime,
		s.note
	]);

/** Updates one stored asset from a draft; returns whether anything changed. */
function updateAsset(tx: Tx, inserts: AssetInserts, row: AssetRow, draft: AssetDraft): boolean {
	const columns = columnsOf(draft);
	const changes: Partial<typeof t.assets.$inferInsert> = {};
	for (const [key, value] of Object.entries(columns) as [keyof typeof columns, unknown][]) {
		if (!same(row[key], value)) Object.assign(changes, { [key]: value });
	}
	if (draft.status === 'archived' && row.status !== 'archived') changes.status = 'archived';
	if (draft.lastVerifiedOn && (!row.lastVerifiedOn || draft.lastVerifiedOn > row.lastVerifiedOn)) {
		changes.lastVerifiedOn = draft.lastVerifiedOn;
		changes.lastVerifiedBy = null;
	}
	let changed = Object.keys(changes).length > 0;

	const storedCategories = tx
		.select({ id: t.assetCategories.categoryId })
		.from(t.assetCategories)
		.where(eq(t.assetCategories.assetId, row.id))
		.all()
		.map((c) => c.id);
	const onlyFallback =
		draft.categories.length === 1 && draft.categories[0] === FALLBACK_CATEGORY.id;
	const keepCategories = onlyFallback && storedCategories.some((id) => id !== FALLBACK_CATEGORY.id);
	const replaceCategories =
		!keepCategories && !same([...storedCategories].sort(), [...draft.categories].sort());

	const storedContacts = tx
		.select()
		.from(t.assetContacts)
		.where(eq(t.assetContacts.assetId, row.id))
		.all();
	const wanted = new Map(draft.contacts.map((contact) => [contactKey(contact), contact]));
	// A public contact the file no longer has, or has with another label or visibility, is replaced:
	// so a re-import also takes a person's name off a phone an earlier version labelled with it.
	const stale = storedContacts.filter((c) => {
		if (c.visibility !== 'public') return false;
		const want = wanted.get(contactKey(c));
		return !want || (want.label ?? null) !== c.label || want.visibility !== 'public';
	});
	const staleIds = new Set(stale.map((c) => c.id));
	const storedKeys = new Set(storedContacts.filter((c) => !staleIds.has(c.id)).map(contactKey));
	const added = draft.contacts.filter((contact) => !storedKeys.has(contactKey(contact)));

	const storedSessions = draft.sessions.length
		? tx.select().from(t.assetSessions).where(eq(t.assetSessions.assetId, row.id)).all()
		: [];
	const replaceSessions =
		draft.sessions.length > 0 &&
		!same(storedSessions.map(sessionKey).sort(), draft.sessions.map(sessionKey).sort());

	changed ||= replaceCategories || stale.length > 0 || added.length > 0 || replaceSessions;
	if (!changed) return false;

	tx.update(t.assets)
		.set({ ...changes, updatedAt: new Date().toISOString() })
		.where(eq(t.assets.id, row.id))
		.run();
	if (replaceCategories)
		tx.delete(t.assetCategories).where(eq(t.assetCategories.assetId, row.id)).run();
	if (stale.length)
		tx.delete(t.assetContacts)
			.where(
				inArray(
					t.assetContacts.id,
					stale.map((c) => c.id)
				)
			)
			.run();
	if (replaceSessions) tx.delete(t.assetSessions).where(eq(t.assetSessions.assetId, row.id)).run();
	inserts.children(row.id, draft, {
		categories: replaceCategories,
		contacts: added,
		sessions: replaceSessions
	});
	return true;
}

/**
 * Inserts or updates every draft (all of one source), then links venues given by external id.
 * @param onProgress called after each draft
 */
export function writeDrafts(
	tx: Tx,
	programmeId: number,
	source: string,
	drafts: readonly ReadyDraft[],
	onProgress?: (done: number, total: number) => void
): WriteOutcome {
	const stored = new Map(
		tx
			.select()
			.from(t.assets)
			.where(eq(t.assets.source, source))
			.all()
			.map((row) => [row.externalId, row])
	);
	const outcome: WriteOutcome = {
		assetIds: new Map(),
		created: 0,
		updated: 0,
		unchanged: 0,
		existingIds: new Set()
	};
	const inserts = prepareAssetInserts(tx);
	const byExternalId = new Map<string, number>();
	const fresh: { ref: string; draft: ReadyDraft['draft'] }[] = [];
	let done = 0;
	const stepDone = () => onProgress?.(++done, drafts.length);
	drafts.forEach(({ ref, draft }) => {
		const row = stored.get(draft.externalId);
		if (!row) {
			fresh.push({ ref, draft });
			return;
		}
		outcome.existingIds.add(row.id);
		if (updateAsset(tx, inserts, row, draft)) outcome.updated++;
		else outcome.unchanged++;
		outcome.assetIds.set(ref, row.id);
		if (draft.externalId) byExternalId.set(draft.externalId, row.id);
		stepDone();
	});
	const freshIds = inserts.assets(
		programmeId,
		source,
		fresh.map(({ draft }) => draft),
		stepDone
	);
	fresh.forEach(({ ref, draft }, i) => {
		outcome.assetIds.set(ref, freshIds[i]);
		if (draft.externalId) byExternalId.set(draft.externalId, freshIds[i]);
	});
	outcome.created = fresh.length;
	for (const { ref, draft } of drafts) {
		if (!draft.venueExternalId) continue;
		const venueId =
			byExternalId.get(draft.venueExternalId) ??
			tx
				.select({ id: t.assets.id })
				.from(t.assets)
				.where(and(eq(t.assets.source, source), eq(t.assets.externalId, draft.venueExternalId)))
				.get()?.id;
		const id = outcome.assetIds.get(ref)!;
		if (venueId !== undefined && venueId !== id) {
			tx.update(t.assets).set({ venueId }).where(eq(t.assets.id, id)).run();
		}
	}
	return outcome;
}
