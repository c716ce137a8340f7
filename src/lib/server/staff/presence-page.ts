/**
 * What the two presence pages share (a coordinator's own at /account/presence, and an administrator's
 * for anyone at /admin/users/[id]/presence): the page's data, and the add and remove actions. The
 * routes decide who the owner is and check canEditPresenceOf first.
 */
import { fail, type ActionFailure } from '@sveltejs/kit';
import type { Db } from '../db/client';
import { checkPresenceForm } from '../../domain/presence';
import { formatDate } from '../../domain/format';
import { londonDate, weekdayName } from '../../domain/sessions';
import { listPatchIdsOfUser } from './entry-patches';
import {
	addPresenceSession,
	listPresenceSessionsOf,
	listVenuesNearPatches,
	removePresenceSession,
	VenueNotNearError
} from './presence';

/** The sessions in words, and the venues that may be chosen. */
export function presencePageData(db: Db, ownerId: number, today = londonDate(new Date())) {
	const patchIds = listPatchIdsOfUser(db, ownerId);
	return {
		hasPatches: patchIds.length > 0,
		venues: listVenuesNearPatches(db, patchIds),
		sessions: listPresenceSessionsOf(db, ownerId).map((session) => ({
			id: session.id,
			venueId: session.venueId,
			venueName: session.venueName,
			venuePublished: session.venueStatus === 'published',
			when: session.onDate ? formatDate(session.onDate) : `Every ${weekdayName(session.weekday)}`,
			oneOff: session.onDate !== null,
			past: session.onDate !== null && session.onDate < today,
			startTime: session.startTime,
			endTime: session.endTime,
			note: session.note
		}))
	};
}

const FIELDS = ['venueId', 'repeat', 'weekday', 'onDate', 'startTime', 'endTime', 'note'] as const;

export type PresenceFormValues = Record<(typeof FIELDS)[number], string>;

/**
 * Add a session from the form.
 * @returns null when it was added, else the failure to return (messages and what was typed)
 */
export function addPresenceFromForm(
	db: Db,
	actorId: number,
	ownerId: number,
	form: FormData,
	today = londonDate(new Date())
): ActionFailure<{ errors: Record<string, string>; values: PresenceFormValues }> | null {
	const values = Object.fromEntries(
		FIELDS.map((field) => [field, String(form.get(field) ?? '')])
	) as PresenceFormValues;
	const checked = checkPresenceForm(values, today);
	if (!checked.ok) return fail(400, { errors: checked.errors, values });
	try {
		addPresenceSession(db, actorId, ownerId, checked.data);
	} catch (e) {
		if (e instanceof VenueNotNearError)
			return fail(400, { errors: { venueId: e.message }, values });
		throw e;
	}
	return null;
}

/** Remove a session from the form's `sessionId`; false when the owner has no such session. */
export function removePresenceFromForm(
	db: Db,
	actorId: number,
	ownerId: number,
	form: FormData
): boolean {
	const id = Number(form.get('sessionId'));
	if (!Number.isInteger(id) || id < 1) return false;
	return removePresenceSession(db, actorId, ownerId, id);
}
