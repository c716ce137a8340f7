/**
 * A coordinator's presence: the times they are at community venues. They edit their own; an
 * administrator may edit anyone's (src/lib/domain/permissions canEditPresenceOf). The venues offered
 * are published venues in or near the coordinator's patches (each patch's box plus 1 km).
 */
import { and, asc, eq, gte, inArray, lte, ne, or } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { growBox, type PresenceDraft } from '../../domain/presence';
import { formatDate } from '../../domain/format';
import { weekdayName } from '../../domain/sessions';
import { recordChange } from './audit';
import { listPatchIdsOfUser } from './entry-patches';

/** How far outside a patch's box a venue still counts as near it. */
export const NEAR_PATCH_METRES = 1000;

export interface VenueChoice {
	id: number;
	name: string;
}

/** Published venues in or near the patches, by name. */
export function listVenuesNearPatches(db: Db, patchIds: readonly number[]): VenueChoice[] {
	if (patchIds.length === 0) return [];
	const boxes = db
		.select({
			minLon: t.patches.minLon,
			minLat: t.patches.minLat,
			maxLon: t.patches.maxLon,
			maxLat: t.patches.maxLat
		})
		.from(t.patches)
		.where(and(inArray(t.patches.id, [...patchIds]), ne(t.patches.status, 'retired')))
		.all()
		.map((box) => growBox(box, NEAR_PATCH_METRES));
	if (boxes.length === 0) return [];
	return db
		.select({ id: t.assets.id, name: t.assets.name })
		.from(t.assets)
		.where(
			and(
				eq(t.assets.kind, 'venue'),
				eq(t.assets.status, 'published'),
				eq(t.assets.locationKind, 'place'),
				or(
					...boxes.map((box) =>
						and(
							gte(t.assets.lon, box.minLon),
							lte(t.assets.lon, box.maxLon),
							gte(t.assets.lat, box.minLat),
							lte(t.assets.lat, box.maxLat)
						)
					)
				)
			)
		)
		.orderBy(asc(t.assets.name), asc(t.assets.id))
		.all();
}

export interface PresenceSessionRow {
	id: number;
	venueId: number;
	venueName: string;
	venueStatus: string;
	weekday: number;
	onDate: string | null;
	startTime: string;
	endTime: string;
	note: string | null;
}

/** Every presence session of a user (one-offs in the past too), weekly ones first, by day and time. */
export function listPresenceSessionsOf(db: Db, userId: number): PresenceSessionRow[] {
	return db
		.select({
			id: t.presenceSessions.id,
			venueId: t.presenceSessions.venueId,
			venueName: t.assets.name,
			venueStatus: t.assets.status,
			weekday: t.presenceSessions.weekday,
			onDate: t.presenceSessions.onDate,
			startTime: t.presenceSessions.startTime,
			endTime: t.presenceSessions.endTime,
			note: t.presenceSessions.note
		})
		.from(t.presenceSessions)
		.innerJoin(t.assets, eq(t.assets.id, t.presenceSessions.venueId))
		.where(eq(t.presenceSessions.userId, userId))
		.orderBy(
			asc(t.presenceSessions.onDate),
			asc(t.presenceSessions.weekday),
			asc(t.presenceSessions.startTime)
		)
		.all();
}

/** A session as the audit log keeps it: in words, so it reads right after the venue is renamed. */
function audited(venueName: string, session: Omit<PresenceDraft, 'venueId'>) {
	return {
		venue: venueName,
		day: session.onDate ? formatDate(session.onDate) : `Every ${weekdayName(session.weekday)}`,
		startTime: session.startTime,
		endTime: session.endTime,
		note: session.note
	};
}

function nameOf(db: Pick<Db, 'select'>, userId: number): string {
	return (
		db.select({ name: t.users.displayName }).from(t.users).where(eq(t.users.id, userId)).get()
			?.name ?? 'Unknown'
	);
}

/** A venue that is not among those offered: the form must have been tampered with, or the list moved on. */
export class VenueNotNearError extends Error {
	name = 'VenueNotNearError';
	constructor() {
		super('Choose a venue from the list: it must be a published venue in or near the patches');
	}
}

/**
 * Add a presence session for `ownerId`, checking the venue is a published venue near their patches.
 * The caller has checked canEditPresenceOf.
 * @throws VenueNotNearError for any other venue
 */
export function addPresenceSession(
	db: Db,
	actorId: number,
	ownerId: number,
	draft: PresenceDraft
): number {
	const patchIds = listPatchIdsOfUser(db, ownerId);
	const venue = listVenuesNearPatches(db, patchIds).find((v) => v.id === draft.venueId);
	if (!venue) throw new VenueNotNearError();
	return db.transaction((tx) => {
		const result = tx
			.insert(t.presenceSessions)
			.values({
				userId: ownerId,
				venueId: draft.venueId,
				weekday: draft.weekday,
				onDate: draft.onDate,
				startTime: draft.startTime,
				endTime: draft.endTime,
				note: draft.note
			})
			.run();
		if (result.changes !== 1) throw new Error('The time could not be saved');
		const id = Number(result.lastInsertRowid);
		recordChange(tx, {
			actorId,
			action: 'presence.added',
			entity: 'presence',
			entityId: id,
			before: null,
			after: { coordinator: nameOf(tx, ownerId), ...audited(venue.name, draft) },
			patchIds
		});
		return id;
	});
}

/**
 * Remove one of `ownerId`'s presence sessions.
 * @returns false when they have no such session (someone else's id changes nothing)
 */
export function removePresenceSession(
	db: Db,
	actorId: number,
	ownerId: number,
	sessionId: number
): boolean {
	const patchIds = listPatchIdsOfUser(db, ownerId);
	return db.transaction((tx) => {
		const session = tx
			.select({
				venueName: t.assets.name,
				weekday: t.presenceSessions.weekday,
				onDate: t.presenceSessions.onDate,
				startTime: t.presenceSessions.startTime,
				endTime: t.presenceSessions.endTime,
				note: t.presenceSessions.note
			})
			.from(t.presenceSessions)
			.innerJoin(t.assets, eq(t.assets.id, t.presenceSessions.venueId))
			.where(and(eq(t.presenceSessions.id, sessionId), eq(t.presenceSessions.userId, ownerId)))
			.get();
		if (!session) return false;
		const result = tx
			.delete(t.presenceSessions)
			.where(and(eq(t.presenceSessions.id, sessionId), eq(t.presenceSessions.userId, ownerId)))
			.run();
		if (result.changes !== 1) return false;
		recordChange(tx, {
			actorId,
			action: 'presence.removed',
			entity: 'presence',
			entityId: sessionId,
			before: { coordinator: nameOf(tx, ownerId), ...audited(session.venueName, session) },
			after: null,
			patchIds
		});
		return true;
	});
}
