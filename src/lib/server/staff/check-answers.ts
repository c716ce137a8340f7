/**
 * The page an emailed "is it still right?" link opens, and its two answers, for someone with no
 * account. The link's token is all they have: it opens one request for one entry, and answers once.
 * "Everything is still right" records a check by the group itself; "Something has changed" stores a
 * change suggestion for moderation (nothing is published). Both re-read the request inside their
 * transaction, so two clicks at once cannot both answer.
 */
import { and, eq, isNull, or } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import * as t from '../db/schema';
import { checkRequestState, isCheckToken } from '../../domain/freshness/check-requests';
import type { GroupChange } from '../../domain/freshness/group-change';
import type { EntryValues } from '../../domain/moderation';
import type { CheckAnswer } from '../../domain/vocabulary';
import { sessionIdFromToken } from '../auth/sessions';
import { getPublicAsset } from '../queries/assets';
import { recordChange } from './audit';
import { listPatchIdsOfEntry } from './entry-patches';
import { currentEntryValues } from './moderation-queue';

const asDb = (tx: Tx) => tx as unknown as Db;

/** Why a link cannot be answered. */
export type LinkProblem =
	/** No such link (mistyped or cut short). */
	| 'unknown'
	/** Answered already, through this link or the other one: a request answers once. */
	| 'answered'
	/** Past its 30 days. */
	| 'expired'
	/** The entry is no longer in the public directory. */
	| 'gone';

type RequestRow = typeof t.entryCheckRequests.$inferSelect;

/** The request a token opens: the first email's link or the reminder's, both unique hashes. */
function findRequest(db: Pick<Db, 'select'>, token: string): RequestRow | undefined {
	if (!isCheckToken(token)) return undefined;
	const hash = sessionIdFromToken(token);
	return db
		.select()
		.from(t.entryCheckRequests)
		.where(
			or(eq(t.entryCheckRequests.tokenHash, hash), eq(t.entryCheckRequests.reminderTokenHash, hash))
		)
		.get();
}

/** What the page shows when the link cannot be answered. */
export interface LinkRefusal {
	ok: false;
	problem: LinkProblem;
	/** For 'answered': what was answered and when. */
	answer?: CheckAnswer | null;
	answeredAt?: string | null;
	/** The entry's public page, when visitors may still see it. */
	entry?: { id: number; name: string } | null;
}

function refusal(db: Db, request: RequestRow | undefined, now: Date): LinkRefusal | null {
	if (!request) return { ok: false, problem: 'unknown' };
	const state = checkRequestState(request, now);
	const visible = getPublicAsset(db, request.assetId);
	const entry = visible ? { id: visible.asset.id, name: visible.asset.name } : null;
	if (state === 'answered') {
		return {
			ok: false,
			problem: 'answered',
			answer: request.answer,
			answeredAt: request.answeredAt,
			entry
		};
	}
	if (state === 'expired') return { ok: false, problem: 'expired', entry };
	if (!visible) return { ok: false, problem: 'gone' };
	return null;
}

/**
 * What the link opens: the entry as visitors see it and its current details for the change form,
 * or why it cannot be answered. Reading never answers (a mail scanner may open links).
 */
export function openCheckLink(db: Db, token: string, now: Date = new Date()) {
	const request = findRequest(db, token);
	const refused = refusal(db, request, now);
	if (refused) return refused;
	const entry = getPublicAsset(db, request!.assetId)!;
	return {
		ok: true as const,
		entry,
		values: currentEntryValues(db, request!.assetId) as EntryValues,
		expiresAt: request!.expiresAt
	};
}

/** Mark the request answered, only if nobody answered it first; false when someone did. */
function markAnswered(tx: Tx, requestId: number, answer: CheckAnswer, now: Date): boolean {
	return (
		tx
			.update(t.entryCheckRequests)
			.set({ answeredAt: now.toISOString(), answer })
			.where(and(eq(t.entryCheckRequests.id, requestId), isNull(t.entryCheckRequests.answeredAt)))
			.run().changes === 1
	);
}

/**
 * "Everything is still right": the entry is checked today by the group itself (no user), its version
 * bumped, one audit row.
 */
export function answerStillRight(
	db: Db,
	token: string,
	{ now = new Date(), today }: { now?: Date; today: string }
): { ok: true; entry: { id: number; name: string } } | LinkRefusal {
	return db.transaction((tx) => {
		const request = findRequest(tx, token);
		const refused = refusal(asDb(tx), request, now);
		if (refused) return refused;
		const entry = tx
			.select({
				id: t.assets.id,
				name: t.assets.name,
				version: t.assets.version,
				lastVerifiedOn: t.assets.lastVerifiedOn,
				lastVerifiedBy: t.assets.lastVerifiedBy,
				lastVerifiedVia: t.assets.lastVerifiedVia
			})
			.from(t.assets)
			.where(eq(t.assets.id, request!.assetId))
			.get()!;
		if (!markAnswered(tx, request!.id, 'still_right', now)) {
			return { ok: false as const, problem: 'answered' as const };
		}
		const after = {
			lastVerifiedOn: today,
			lastVerifiedBy: null,
			lastVerifiedVia: 'group' as const,
			version: entry.version + 1
		};
		const result = tx
			.update(t.assets)
			.set({ ...after, updatedAt: now.toISOString() })
			.where(and(eq(t.assets.id, entry.id), eq(t.assets.version, entry.version)))
			.run();
		if (result.changes !== 1) throw new Error(`Entry ${entry.id} changed while it was checked`);
		const { id, name, ...before } = entry;
		recordChange(tx, {
			actorId: null,
			action: 'entry.checked',
			entity: 'entry',
			entityId: id,
			before,
			after,
			patchIds: listPatchIdsOfEntry(asDb(tx), id),
			note: 'Still right, said the people who run it (emailed link)'
		});
		return { ok: true as const, entry: { id, name } };
	});
}

/** Who sent a suggestion made from a link, as the moderator sees it. */
export const GROUP_SUBMITTER_NAME = 'The people who run it (answered an emailed check)';

/**
 * "Something has changed": a change suggestion for moderation, from the request's address, with the
 * values they changed (details.fields) and what else they wrote (details.details).
 */
export function answerChanged(
	db: Db,
	token: string,
	change: GroupChange,
	{ now = new Date() }: { now?: Date } = {}
): { ok: true; suggestionId: number; entry: { id: number; name: string } } | LinkRefusal {
	return db.transaction((tx) => {
		const request = findRequest(tx, token);
		const refused = refusal(asDb(tx), request, now);
		if (refused) return refused;
		if (!markAnswered(tx, request!.id, 'changed', now)) {
			return { ok: false as const, problem: 'answered' as const };
		}
		const suggestionId = Number(
			tx
				.insert(t.suggestions)
				.values({
					kind: 'change',
					assetId: request!.assetId,
					details: {
						...(change.details ? { details: change.details } : {}),
						fields: change.fields,
						source: 'check-link'
					},
					submitterName: GROUP_SUBMITTER_NAME,
					submitterEmail: request!.email
				})
				.run().lastInsertRowid
		);
		const entry = tx
			.select({ id: t.assets.id, name: t.assets.name })
			.from(t.assets)
			.where(eq(t.assets.id, request!.assetId))
			.get()!;
		recordChange(tx, {
			actorId: null,
			action: 'entry.check_answered',
			entity: 'entry',
			entityId: entry.id,
			after: { answer: 'changed', suggestionId },
			patchIds: listPatchIdsOfEntry(asDb(tx), entry.id),
			note: 'Something has changed, said the people who run it: a suggestion for moderation'
		});
		return { ok: true as const, suggestionId, entry };
	});
}
