/**
 * "Remove this person's data": erasure of an informal support on request (UK GDPR, article 17).
 *
 * An informal support is a person, so everything Patchwork holds about it goes, in one transaction:
 * the entry, its contacts, sessions, categories and patch links, suggestions and "is this still
 * right?" requests about it, possible-duplicate flags, emails waiting in the outbox to its addresses,
 * staff form drafts that hold its name, and the before and after of every earlier audit row about it.
 * One audit row remains, with no name or contact: "informal support removed".
 *
 * Deleting a row is not enough for the name to be gone from the file: SQLite leaves deleted bytes in
 * free space, and the full-text indexes keep a deleted row's words until their segments are merged.
 * So the erasure runs with PRAGMA secure_delete=ON (freed space is zeroed), merges both full-text
 * indexes into one segment each ('optimize' drops deleted rows' words), then rewrites the file
 * (VACUUM) and checkpoints the write-ahead log so no old page lingers in either.
 */
import type Database from 'better-sqlite3';
import { eq, inArray, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { recordChange } from './audit';
import { listPatchIdsOfEntry } from './entry-patches';

/** The audit action of the one row an erasure leaves. */
export const ERASURE_ACTION = 'informal_support.removed';

export type ErasureOutcome =
	{ ok: true; patchIds: number[] } | { ok: false; reason: 'not_found' | 'not_informal_support' };

/** What the confirmation page tells the coordinator will go. */
export interface ErasurePreview {
	id: number;
	name: string;
	contacts: number;
	sessions: number;
	suggestions: number;
	auditRows: number;
}

/** An informal support's name and how much will be removed with it, or null if there is none. */
export function previewErasure(db: Db, assetId: number): ErasurePreview | null {
	const asset = db
		.select({ id: t.assets.id, kind: t.assets.kind, name: t.assets.name })
		.from(t.assets)
		.where(eq(t.assets.id, assetId))
		.get();
	if (!asset || asset.kind !== 'informal_support') return null;
	const countOf = (query: { n: number } | undefined) => query?.n ?? 0;
	return {
		id: asset.id,
		name: asset.name,
		contacts: countOf(
			db
				.select({ n: sql<number>`count(*)` })
				.from(t.assetContacts)
				.where(eq(t.assetContacts.assetId, assetId))
				.get()
		),
		sessions: countOf(
			db
				.select({ n: sql<number>`count(*)` })
				.from(t.assetSessions)
				.where(eq(t.assetSessions.assetId, assetId))
				.get()
		),
		suggestions: countOf(
			db
				.select({ n: sql<number>`count(*)` })
				.from(t.suggestions)
				.where(eq(t.suggestions.assetId, assetId))
				.get()
		),
		auditRows: countOf(
			db
				.select({ n: sql<number>`count(*)` })
				.from(t.auditLog)
				.where(sql`${t.auditLog.entity} = 'entry' AND ${t.auditLog.entityId} = ${String(assetId)}`)
				.get()
		)
	};
}

/**
 * The texts that identify the person anywhere else in the database: the entry's names and its
 * contact values. (Its description and address go with its row; they are left out of this search
 * because a description can be a common sentence and an address a shared venue's, which would
 * strike out rows about other entries.)
 */
function secretsOf(db: Db, assetId: number): string[] {
	const asset = db
		.select({ name: t.assets.name, nameCy: t.assets.nameCy })
		.from(t.assets)
		.where(eq(t.assets.id, assetId))
		.get();
	const contacts = db
		.select({ value: t.assetContacts.value })
		.from(t.assetContacts)
		.where(eq(t.assetContacts.assetId, assetId))
		.all();
	const texts = [asset?.name, asset?.nameCy, ...contacts.map((contact) => contact.value)];
	// Very short values ("Jo") would match unrelated text; three characters is the FTS prefix floor.
	const kept = texts.filter((text): text is string => !!text && text.trim().length >= 3);
	// Stored JSON escapes quotes and backslashes: search for that spelling too.
	return [...new Set(kept.flatMap((text) => [text, JSON.stringify(text).slice(1, -1)]))];
}

/** SQL: the column's text holds any of the secrets (case-insensitive for ASCII letters). */
function mentionsAny(column: SQLWrapper, secrets: readonly string[]): SQL {
	if (secrets.length === 0) return sql`0`;
	return sql`(${sql.join(
		secrets.map((secret) => sql`instr(lower(${column}), lower(${secret})) > 0`),
		sql` OR `
	)})`;
}

/**
 * Erases an informal support and every trace of it (see the top of this file). The caller has
 * checked the actor may edit the entry (canEditEntry). Leaves one anonymous audit row by `actorId`.
 */
export function eraseInformalSupport(
	db: Db,
	{ assetId, actorId }: { assetId: number; actorId: number | null }
): ErasureOutcome {
	const asset = db
		.select({ id: t.assets.id, kind: t.assets.kind })
		.from(t.assets)
		.where(eq(t.assets.id, assetId))
		.get();
	if (!asset) return { ok: false, reason: 'not_found' };
	if (asset.kind !== 'informal_support') return { ok: false, reason: 'not_informal_support' };

	const patchIds = listPatchIdsOfEntry(db, assetId);
	const secrets = secretsOf(db, assetId);
	const contactValues = db
		.select({ value: t.assetContacts.value })
		.from(t.assetContacts)
		.where(eq(t.assetContacts.assetId, assetId))
		.all()
		.map((row) => row.value.trim().toLowerCase());

	// The driver's connection, for pragmas and VACUUM (drizzle keeps it as $client; Db's type omits it).
	const sqlite = (db as unknown as { $client: Database.Database }).$client;
	const secureDeleteBefore = sqlite.pragma('secure_delete', { simple: true }) as number;
	sqlite.pragma('secure_delete = ON');
	try {
		db.transaction((tx) => {
			const entryId = String(assetId);
			tx.delete(t.suggestions)
				.where(
					or(
						eq(t.suggestions.assetId, assetId),
						mentionsAny(t.suggestions.details, secrets),
						mentionsAny(t.suggestions.submitterEmail, contactValues)
					)
				)
				.run();
			tx.delete(t.entryCheckRequests).where(eq(t.entryCheckRequests.assetId, assetId)).run();
			tx.delete(t.assetDuplicateFlags)
				.where(
					or(
						eq(t.assetDuplicateFlags.assetId, assetId),
						eq(t.assetDuplicateFlags.otherAssetId, assetId)
					)
				)
				.run();
			tx.delete(t.assetPatches).where(eq(t.assetPatches.assetId, assetId)).run();
			tx.delete(t.assetContacts).where(eq(t.assetContacts.assetId, assetId)).run();
			tx.delete(t.assetSessions).where(eq(t.assetSessions.assetId, assetId)).run();
			tx.delete(t.assetCategories).where(eq(t.assetCategories.assetId, assetId)).run();
			tx.delete(t.outbox)
				.where(
					or(
						contactValues.length
							? inArray(sql`lower(trim(${t.outbox.toAddress}))`, contactValues)
							: undefined,
						mentionsAny(t.outbox.subject, secrets),
						mentionsAny(t.outbox.bodyText, secrets)
					)
				)
				.run();
			tx.delete(t.formDrafts)
				.where(
					or(
						eq(t.formDrafts.path, `/entries/${entryId}`),
						sql`${t.formDrafts.path} LIKE ${`/entries/${entryId}/%`}`,
						mentionsAny(t.formDrafts.data, secrets)
					)
				)
				.run();

			// Earlier audit rows about the entry keep who and when, and lose what it said.
			for (const row of tx
				.select({ id: t.auditLog.id, detail: t.auditLog.detail })
				.from(t.auditLog)
				.where(sql`${t.auditLog.entity} = 'entry' AND ${t.auditLog.entityId} = ${entryId}`)
				.all()) {
				const kept = Array.isArray(row.detail?.patchIds) ? row.detail.patchIds : [];
				tx.update(t.auditLog)
					.set({ detail: { patchIds: kept, note: 'Details removed with the person’s data' } })
					.where(eq(t.auditLog.id, row.id))
					.run();
			}
			// Any other row that quoted the person (a merge, a moderated suggestion) loses the quote.
			for (const row of tx
				.select({ id: t.auditLog.id, detail: t.auditLog.detail })
				.from(t.auditLog)
				.where(mentionsAny(t.auditLog.detail, secrets))
				.all()) {
				tx.update(t.auditLog)
					.set({ detail: redact(row.detail, secrets) })
					.where(eq(t.auditLog.id, row.id))
					.run();
			}
			// An import that brought the person in keeps its counts, not their words.
			tx.update(t.assetImportRuns)
				.set({ upload: null })
				.where(mentionsAny(t.assetImportRuns.upload, secrets))
				.run();
			for (const run of tx
				.select({ id: t.assetImportRuns.id, report: t.assetImportRuns.report })
				.from(t.assetImportRuns)
				.where(mentionsAny(t.assetImportRuns.report, secrets))
				.all()) {
				tx.update(t.assetImportRuns)
					.set({ report: redact(run.report, secrets) ?? {} })
					.where(eq(t.assetImportRuns.id, run.id))
					.run();
			}

			const deleted = tx.delete(t.assets).where(eq(t.assets.id, assetId)).run();
			if (deleted.changes !== 1) throw new Error(`entry ${assetId} could not be deleted`);

			// The delete triggers wrote "delete" markers; merging every segment drops the words.
			tx.run(sql`INSERT INTO assets_fts(assets_fts) VALUES ('optimize')`);
			tx.run(sql`INSERT INTO asset_names_fts(asset_names_fts) VALUES ('optimize')`);

			recordChange(tx, {
				actorId,
				action: ERASURE_ACTION,
				entity: 'entry',
				entityId: assetId,
				patchIds,
				note: 'An informal support was removed at the person’s request'
			});
		});
	} finally {
		sqlite.pragma(`secure_delete = ${secureDeleteBefore ? 'ON' : 'OFF'}`);
	}
	compactFile(sqlite);
	return { ok: true, patchIds };
}

/**
 * Rewrites the database file with only its live rows (VACUUM), then empties the write-ahead log.
 * secure_delete zeroes what this erasure frees, but an earlier edit (a rename, a merge of index
 * segments) may have left the person's words in free space before anyone asked for erasure; VACUUM
 * leaves no free space behind. It takes a moment on a large directory, and erasure is rare. Best
 * effort: the rows are already gone, so a busy database is logged, and the next VACUUM finishes it.
 */
function compactFile(sqlite: Database.Database): void {
	try {
		sqlite.exec('VACUUM');
		if (!sqlite.memory) sqlite.pragma('wal_checkpoint(TRUNCATE)');
	} catch (cause) {
		console.warn(
			`Patchwork: an informal support was erased, but the database file could not be compacted ` +
				`(${(cause as Error).message}); run VACUUM on it when it is quiet.`
		);
	}
}

/** A JSON value with every string holding a secret replaced by "[removed]". */
function redact<T>(value: T, secrets: readonly string[]): T {
	const lowered = secrets.map((secret) => secret.toLowerCase());
	const walk = (node: unknown): unknown => {
		if (typeof node === 'string') {
			const text = node.toLowerCase();
			return lowered.some((secret) => text.includes(secret)) ? '[removed]' : node;
		}
		if (Array.isArray(node)) return node.map(walk);
		if (node && typeof node === 'object') {
			return Object.fromEntries(Object.entries(node).map(([key, inner]) => [key, walk(inner)]));
		}
		return node;
	};
	return walk(value) as T;
}
