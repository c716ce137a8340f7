/**
 * The inserts of an asset import, made to hold the database's write lock (during which the site's
 * own writes wait) as briefly as the rows allow. New assets go in batches of many rows per
 * statement: every statement on the assets table costs a flush of its two full-text indexes (FTS5
 * writes its pending terms at each statement's savepoint), which made row-by-row inserts about ten
 * times slower than the rows themselves. Children go through statements prepared once per import.
 */
import { sql } from 'drizzle-orm';
import * as t from '../../db/schema';
import type { Tx } from '../../import/transaction';
import type { AssetDraft } from '../../../domain/exchange/asset-draft';

const p = (name: string) => sql.placeholder(name);

/** The asset columns a draft sets, on insert and update alike. */
export function columnsOf(draft: AssetDraft) {
	return {
		kind: draft.kind,
		sector: draft.sector,
		name: draft.name,
		nameCy: draft.nameCy,
		description: draft.description,
		descriptionCy: draft.descriptionCy,
		locationKind: draft.locationKind,
		lon: draft.point?.lon ?? null,
		lat: draft.point?.lat ?? null,
		address: draft.address,
		postcode: draft.postcode,
		accessibility: draft.accessibility,
		ageMin: draft.ageMin,
		ageMax: draft.ageMax,
		familyFriendly: draft.familyFriendly,
		cost: draft.cost,
		costDetail: draft.costDetail,
		languages: draft.languages
	};
}

export interface ChildParts {
	categories: boolean;
	contacts: AssetDraft['contacts'];
	sessions: boolean;
}

const ASSET_INSERT_COLUMNS = [
	...Object.keys(columnsOf({ point: null } as AssetDraft)),
	'programmeId',
	'status',
	'lastVerifiedOn',
	'source',
	'externalId'
];

/** Rows per multi-row insert of assets: 25 columns each, well under SQLite's 32,766 variables. */
export const ASSET_BATCH_ROWS = 200;

export interface AssetInserts {
	/**
	 * Inserts new assets with their categories, contacts and sessions; returns their ids, in order.
	 * The caller holds the write lock (an immediate transaction), so one statement's rows take
	 * consecutive ids.
	 */
	assets(
		programmeId: number,
		source: string,
		drafts: readonly AssetDraft[],
		/** Called after each asset is stored with its children. */
		onStored?: () => void
	): number[];
	/** Inserts the children of a stored asset that `parts` asks for. */
	children(assetId: number, draft: AssetDraft, parts: ChildParts): void;
}

/** Prepares the import's inserts on `tx` (valid for that transaction only). */
export function prepareAssetInserts(tx: Tx): AssetInserts {
	// One prepared statement per batch size (a full batch and the last, shorter one), each row's
	// values as placeholders named column + row number.
	const batchStatements = new Map<number, ReturnType<typeof prepareAssetBatch>>();
	const prepareAssetBatch = (rows: number) =>
		tx
			.insert(t.assets)
			.values(
				Array.from({ length: rows }, (_, i) =>
					Object.fromEntries(ASSET_INSERT_COLUMNS.map((name) => [name, p(`${name}${i}`)]))
				) as unknown as (typeof t.assets.$inferInsert)[]
			)
			.prepare();
	const assetBatch = (rows: number) => {
		let statement = batchStatements.get(rows);
		if (!statement) batchStatements.set(rows, (statement = prepareAssetBatch(rows)));
		return statement;
	};
	const category = tx
		.insert(t.assetCategories)
		.values({ assetId: p('assetId'), categoryId: p('categoryId') })
		.prepare();
	const contact = tx
		.insert(t.assetContacts)
		.values({
			assetId: p('assetId'),
			kind: p('kind'),
			label: p('label'),
			value: p('value'),
			visibility: p('visibility')
		})
		.prepare();
	const session = tx
		.insert(t.assetSessions)
		.values({
			assetId: p('assetId'),
			frequency: p('frequency'),
			weekday: p('weekday'),
			weekOfMonth: p('weekOfMonth'),
			anchorDate: p('anchorDate'),
			startTime: p('startTime'),
			endTime: p('endTime'),
			note: p('note')
		})
		.prepare();

	const children = (assetId: number, draft: AssetDraft, parts: ChildParts) => {
		if (parts.categories) {
			for (const categoryId of draft.categories) category.run({ assetId, categoryId });
		}
		for (const c of parts.contacts) {
			contact.run({
				assetId,
				kind: c.kind,
				label: c.label ?? null,
				value: c.value,
				visibility: c.visibility ?? 'public'
			});
		}
		if (parts.sessions) {
			for (const s of draft.sessions) {
				session.run({
					assetId,
					frequency: s.frequency,
					weekday: s.weekday,
					weekOfMonth: s.weekOfMonth ?? null,
					anchorDate: s.anchorDate ?? null,
					startTime: s.startTime,
					endTime: s.endTime,
					note: s.note ?? null
				});
			}
		}
	};

	return {
		assets(programmeId, source, drafts, onStored) {
			const ids: number[] = [];
			for (let start = 0; start < drafts.length; start += ASSET_BATCH_ROWS) {
				const batch = drafts.slice(start, start + ASSET_BATCH_ROWS);
				const values: Record<string, unknown> = {};
				batch.forEach((draft, i) => {
					const row = {
						...columnsOf(draft),
						programmeId,
						status: draft.status,
						lastVerifiedOn: draft.lastVerifiedOn,
						source,
						externalId: draft.externalId
					};
					for (const [name, value] of Object.entries(row)) values[`${name}${i}`] = value;
				});
				const result = assetBatch(batch.length).run(values);
				if (result.changes !== batch.length) {
					throw new Error(`Expected to store ${batch.length} assets, stored ${result.changes}`);
				}
				const first = Number(result.lastInsertRowid) - batch.length + 1;
				batch.forEach((draft, i) => {
					ids.push(first + i);
					children(first + i, draft, {
						categories: true,
						contacts: draft.contacts,
						sessions: true
					});
					onStored?.();
				});
			}
			return ids;
		},
		children
	};
}
