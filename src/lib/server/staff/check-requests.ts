/**
 * Asking the people who run an entry whether it is still right: an email to the entry's own address
 * (its public email, else its coordinators-only one) with a link valid 30 days, and one reminder 14
 * days later. A coordinator asks from the to-check list; the daily job asks for entries due a check,
 * once per check period. The email goes into the outbox in the same transaction as the request row.
 *
 * Only the SHA-256 of a link's token is stored, as for sign-in links: the database holds no link that
 * works. The reminder therefore carries a second token (same expiry), kept beside the first: either
 * link answers the request, once, until it expires.
 * Informal supports are never emailed: they are people, recorded by a coordinator who knows them.
 */
import { and, asc, desc, eq, inArray, isNull, lt, lte, gt, ne, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import * as t from '../db/schema';
import { canEditEntry, type Actor } from '../../domain/permissions';
import {
	checkLinkExpiresAt,
	checkLinkPath,
	remindIfSentBy,
	checkRequestEmail,
	shouldAskAgain
} from '../../domain/freshness/check-requests';
import { freshnessCutoffs, type FreshnessSettings } from '../../domain/freshness';
import { formatDate } from '../../domain/format';
import { londonDate } from '../../domain/sessions';
import { sessionIdFromToken } from '../auth/sessions';
import { queueEmail } from '../email/outbox';
import { recordChange } from './audit';
import { listPatchIdsOfEntry } from './entry-patches';

const asDb = (tx: Tx) => tx as unknown as Db;

/** A new link token: 32 random bytes, base64url. Only its hash is stored. */
function newToken(): { token: string; hash: string } {
	const token = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
	return { token, hash: sessionIdFromToken(token) };
}

/** The address to ask: the entry's first public email, else its first coordinators-only one. */
export function findEntryEmail(db: Db, assetId: number): string | null {
	const row = db
		.select({ value: t.assetContacts.value })
		.from(t.assetContacts)
		.where(and(eq(t.assetContacts.assetId, assetId), eq(t.assetContacts.kind, 'email')))
		.orderBy(sql`${t.assetContacts.visibility} = 'public' DESC`, asc(t.assetContacts.id))
		.get();
	return row?.value.trim() || null;
}

function programmeName(db: Db, programmeId: number): string | null {
	return (
		db
			.select({ name: t.programmes.name })
			.from(t.programmes)
			.where(eq(t.programmes.id, programmeId))
			.get()?.name ?? null
	);
}

function linkEmail(
	db: Db,
	entry: { name: string; programmeId: number },
	{
		origin,
		token,
		expiresAt,
		reminder
	}: { origin: string; token: string; expiresAt: Date; reminder: boolean }
) {
	const site = origin.replace(/\/+$/, '');
	return checkRequestEmail({
		entryName: entry.name,
		link: site + checkLinkPath(token),
		welshLink: site + checkLinkPath(token, 'cy'),
		// The last day it works, in London: it expires at the time of day it was sent.
		expiresOn: formatDate(londonDate(expiresAt)),
		programme: programmeName(db, entry.programmeId),
		reminder
	});
}

/** The newest request for an entry, or null. */
function newestRequest(db: Db, assetId: number) {
	return (
		db
			.select()
			.from(t.entryCheckRequests)
			.where(eq(t.entryCheckRequests.assetId, assetId))
			.orderBy(desc(t.entryCheckRequests.sentAt), desc(t.entryCheckRequests.id))
			.get() ?? null
	);
}

export type AskRefusal =
	/** No published entry with that id (or an informal support, which is never emailed). */
	| 'not_found'
	| 'forbidden'
	/** The entry has no email address to ask. */
	| 'no_email'
	/** A link sent earlier is still waiting for its answer. */
	| 'already_asked';

/**
 * Email an entry's own address to ask whether it is still right.
 * @param actor the coordinator, council member or admin asking; null for the daily job
 * @param origin the site's address, for the link
 */
export function askEntryToCheck(
	db: Db,
	actor: Actor | null,
	assetId: number,
	{ origin, now = new Date() }: { origin: string; now?: Date }
): { ok: true; requestId: number; email: string } | { ok: false; reason: AskRefusal } {
	return db.transaction((tx) => {
		const entry = tx
			.select({
				id: t.assets.id,
				name: t.assets.name,
				kind: t.assets.kind,
				status: t.assets.status,
				programmeId: t.assets.programmeId
			})
			.from(t.assets)
			.where(eq(t.assets.id, assetId))
			.get();
		if (!entry || entry.status !== 'published' || entry.kind === 'informal_support') {
			return { ok: false as const, reason: 'not_found' as const };
		}
		const patchIds = listPatchIdsOfEntry(asDb(tx), assetId);
		if (actor && !canEditEntry(actor, patchIds)) {
			return { ok: false as const, reason: 'forbidden' as const };
		}
		const email = findEntryEmail(asDb(tx), assetId);
		if (!email) return { ok: false as const, reason: 'no_email' as const };
		const last = newestRequest(asDb(tx), assetId);
		if (last && !last.answeredAt && new Date(last.expiresAt).getTime() > now.getTime()) {
			return { ok: false as const, reason: 'already_asked' as const };
		}
		const { token, hash } = newToken();
		const expiresAt = checkLinkExpiresAt(now);
		const requestId = Number(
			tx
				.insert(t.entryCheckRequests)
				.values({
					assetId,
					email,
					tokenHash: hash,
					sentAt: now.toISOString(),
					expiresAt: expiresAt.toISOString()
				})
				.run().lastInsertRowid
		);
		queueEmail(tx, {
			to: email,
			...linkEmail(asDb(tx), entry, { origin, token, expiresAt, reminder: false })
		});
		recordChange(tx, {
			actorId: actor?.id ?? null,
			action: 'entry.check_requested',
			entity: 'entry',
			entityId: assetId,
			after: { requestId, expiresAt: expiresAt.toISOString() },
			patchIds,
			note: actor
				? 'Asked the people who run it, by email, whether it is still right'
				: 'Due for a check: asked the people who run it by email'
		});
		return { ok: true as const, requestId, email };
	});
}

/** Where asking stands for each of some entries: whether it can be asked, and its newest request. */
export interface AskStatus {
	hasEmail: boolean;
	/** The newest request's first email, if any. */
	askedAt: string | null;
	/** Waiting for an answer (sent, not answered, not expired). */
	waiting: boolean;
	answer: 'still_right' | 'changed' | null;
}

/** Ask status for the rows of the to-check list, by entry id. */
export function listAskStatus(
	db: Db,
	assetIds: readonly number[],
	now: Date = new Date()
): Map<number, AskStatus> {
	const status = new Map<number, AskStatus>();
	if (assetIds.length === 0) return status;
	const withEmail = new Set(
		db
			.select({ id: t.assetContacts.assetId })
			.from(t.assetContacts)
			.innerJoin(t.assets, eq(t.assets.id, t.assetContacts.assetId))
			.where(
				and(
					inArray(t.assetContacts.assetId, [...assetIds]),
					eq(t.assetContacts.kind, 'email'),
					ne(t.assets.kind, 'informal_support')
				)
			)
			.all()
			.map((row) => row.id)
	);
	const requests = db
		.select()
		.from(t.entryCheckRequests)
		.where(inArray(t.entryCheckRequests.assetId, [...assetIds]))
		.orderBy(asc(t.entryCheckRequests.sentAt), asc(t.entryCheckRequests.id))
		.all();
	const newest = new Map(requests.map((r) => [r.assetId, r]));
	for (const id of assetIds) {
		const request = newest.get(id);
		status.set(id, {
			hasEmail: withEmail.has(id),
			askedAt: request?.sentAt ?? null,
			waiting: Boolean(
				request && !request.answeredAt && new Date(request.expiresAt).getTime() > now.getTime()
			),
			answer: request?.answer ?? null
		});
	}
	return status;
}

/** At most this many first emails per run, so a large import cannot flood the outbox in one go. */
export const ASK_BATCH = 200;

export interface AskDueSummary {
	asked: number;
	reminded: number;
}

/**
 * The daily job's part: ask every published entry due for a check that has an email and has not been
 * asked since its last check, and send the reminders that are due.
 */
export function askEntriesDueCheck(
	db: Db,
	{
		today,
		settings,
		origin,
		now = new Date(),
		limit = ASK_BATCH
	}: { today: string; settings: FreshnessSettings; origin: string; now?: Date; limit?: number }
): AskDueSummary {
	const { due } = freshnessCutoffs(settings, today);
	const newestSent = sql<
		string | null
	>`(SELECT max(${t.entryCheckRequests.sentAt}) FROM ${t.entryCheckRequests} WHERE ${t.entryCheckRequests.assetId} = ${t.assets.id})`;
	const candidates = db
		.select({
			id: t.assets.id,
			lastVerifiedOn: t.assets.lastVerifiedOn,
			lastSentAt: newestSent
		})
		.from(t.assets)
		.where(
			and(
				eq(t.assets.status, 'published'),
				ne(t.assets.kind, 'informal_support'),
				or(isNull(t.assets.lastVerifiedOn), lt(t.assets.lastVerifiedOn, due)),
				sql`EXISTS (SELECT 1 FROM ${t.assetContacts} WHERE ${t.assetContacts.assetId} = ${t.assets.id} AND ${t.assetContacts.kind} = 'email')`
			)
		)
		// Never checked first, then the oldest check: the most overdue are asked first.
		.orderBy(asc(t.assets.lastVerifiedOn), asc(t.assets.id))
		.all()
		.filter((row) => shouldAskAgain(row.lastVerifiedOn, row.lastSentAt))
		.slice(0, limit);
	let asked = 0;
	for (const row of candidates) {
		if (askEntryToCheck(db, null, row.id, { origin, now }).ok) asked++;
	}
	return { asked, reminded: sendCheckReminders(db, { origin, now }) };
}

/**
 * Send the one reminder of each request 14 days old with no answer, while its link still works and
 * its entry is still published. It carries a second token beside the first (which keeps working); the
 * expiry stays 30 days from the first email.
 * @returns how many reminders were queued
 */
export function sendCheckReminders(
	db: Db,
	{ origin, now = new Date() }: { origin: string; now?: Date }
): number {
	const due = db
		.select({
			id: t.entryCheckRequests.id,
			email: t.entryCheckRequests.email,
			expiresAt: t.entryCheckRequests.expiresAt,
			name: t.assets.name,
			programmeId: t.assets.programmeId
		})
		.from(t.entryCheckRequests)
		.innerJoin(t.assets, eq(t.assets.id, t.entryCheckRequests.assetId))
		.where(
			and(
				isNull(t.entryCheckRequests.answeredAt),
				isNull(t.entryCheckRequests.reminderSentAt),
				lte(t.entryCheckRequests.sentAt, remindIfSentBy(now).toISOString()),
				gt(t.entryCheckRequests.expiresAt, now.toISOString()),
				eq(t.assets.status, 'published')
			)
		)
		.orderBy(asc(t.entryCheckRequests.id))
		.all();
	let reminded = 0;
	for (const request of due) {
		db.transaction((tx) => {
			const { token, hash } = newToken();
			const result = tx
				.update(t.entryCheckRequests)
				.set({ reminderTokenHash: hash, reminderSentAt: now.toISOString() })
				.where(
					and(
						eq(t.entryCheckRequests.id, request.id),
						isNull(t.entryCheckRequests.answeredAt),
						isNull(t.entryCheckRequests.reminderSentAt)
					)
				)
				.run();
			if (result.changes !== 1) return;
			queueEmail(tx, {
				to: request.email,
				...linkEmail(asDb(tx), request, {
					origin,
					token,
					expiresAt: new Date(request.expiresAt),
					reminder: true
				})
			});
			reminded++;
		});
	}
	return reminded;
}
