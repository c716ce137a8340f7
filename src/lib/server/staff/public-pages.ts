/**
 * What a signed-in coordinator, council officer or admin sees on the public pages beyond what a
 * visitor sees, for entries they may edit: drafts, private informal supports (no consent to be shown),
 * coordinators-only contacts, and an Edit link. Visitors' pages call the public queries as they are;
 * these run only for a signed-in person, and only return anything when the permission rules
 * (canSeePrivateParts, which is canEditEntry) say so.
 */
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import {
	listCoordinatorsAtVenue,
	listSessionsWithNotes,
	publicAssetColumns
} from '../queries/assets';
import { isShownToVisitors } from '../../domain/visibility';
import { canSeePrivateParts } from '../../domain/permissions';
import type { SessionUser } from '../auth/roles';
import type { AssetStatus } from '../../domain/vocabulary';
import { actorFor, listEntryIdsInPatches, listPatchIdsOfEntry } from './entry-patches';

/** How a staff member's view of an entry differs from a visitor's. */
export interface StaffMarks {
	status: AssetStatus;
	/** An informal support without consent to be shown publicly: visitors never see it. */
	isPrivate: boolean;
	/** The version the page was read at (for the Publish button on a draft). */
	version: number;
	editHref: string;
}

/**
 * An entry's page as a staff member who may edit it sees it (any status, every contact marked with
 * whether visitors see it), in the shape of the public query's answer; null when this person may not
 * see its private parts (they get the visitor's page).
 */
export function getStaffAssetPage(db: Db, user: SessionUser, id: number) {
	const actor = actorFor(db, user);
	const row = db
		.select({
			id: t.assets.id,
			kind: t.assets.kind,
			sector: t.assets.sector,
			name: t.assets.name,
			nameCy: t.assets.nameCy,
			description: t.assets.description,
			descriptionCy: t.assets.descriptionCy,
			locationKind: t.assets.locationKind,
			lon: t.assets.lon,
			lat: t.assets.lat,
			address: t.assets.address,
			postcode: t.assets.postcode,
			cost: t.assets.cost,
			costDetail: t.assets.costDetail,
			lastVerifiedOn: t.assets.lastVerifiedOn,
			importedOn: publicAssetColumns.importedOn,
			venueId: t.assets.venueId,
			accessibility: t.assets.accessibility,
			ageMin: t.assets.ageMin,
			ageMax: t.assets.ageMax,
			familyFriendly: t.assets.familyFriendly,
			languages: t.assets.languages,
			source: t.assets.source,
			status: t.assets.status,
			version: t.assets.version,
			consentPublic: t.assets.consentPublic,
			consentContactsPublic: t.assets.consentContactsPublic,
			lastVerifiedByRole: t.users.role
		})
		.from(t.assets)
		.leftJoin(t.users, eq(t.users.id, t.assets.lastVerifiedBy))
		.where(eq(t.assets.id, id))
		.get();
	if (!row || !canSeePrivateParts(actor, listPatchIdsOfEntry(db, id))) return null;
	const { status, version, consentPublic, consentContactsPublic, ...asset } = row;
	const isPerson = asset.kind === 'informal_support';
	const contactsPublic = !isPerson || (consentPublic && consentContactsPublic);

	const categories = db
		.select({ id: t.categories.id, name: t.categories.name, nameCy: t.categories.nameCy })
		.from(t.assetCategories)
		.innerJoin(t.categories, eq(t.categories.id, t.assetCategories.categoryId))
		.where(eq(t.assetCategories.assetId, id))
		.orderBy(asc(t.categories.sortOrder))
		.all();
	const contacts = db
		.select({
			id: t.assetContacts.id,
			kind: t.assetContacts.kind,
			label: t.assetContacts.label,
			value: t.assetContacts.value,
			visibility: t.assetContacts.visibility
		})
		.from(t.assetContacts)
		.where(eq(t.assetContacts.assetId, id))
		.orderBy(asc(t.assetContacts.id))
		.all()
		.map((contact) => ({
			...contact,
			coordinatorsOnly: contact.visibility === 'coordinators' || !contactsPublic
		}));
	const sessions = listSessionsWithNotes(db, id);
	const venue = asset.venueId
		? (db
				.select({ id: t.assets.id, name: t.assets.name, nameCy: t.assets.nameCy })
				.from(t.assets)
				.where(and(eq(t.assets.id, asset.venueId), ne(t.assets.status, 'archived')))
				.get() ?? null)
		: null;
	const meetingHere = db
		.select({ id: t.assets.id, name: t.assets.name, nameCy: t.assets.nameCy, kind: t.assets.kind })
		.from(t.assets)
		.where(and(eq(t.assets.venueId, id), eq(t.assets.status, 'published')))
		.orderBy(asc(t.assets.name))
		.all();
	const coordinatorsHere = listCoordinatorsAtVenue(db, id);

	const marks: StaffMarks = {
		status,
		isPrivate: isPerson && !consentPublic,
		version,
		editHref: `/entries/${id}/edit`
	};
	return {
		page: { asset, categories, contacts, sessions, venue, meetingHere, coordinatorsHere },
		marks
	};
}

/** An entry listed on a patch page only for staff, with why visitors do not see it. */
export interface HiddenEntry {
	id: number;
	kind: (typeof t.assets.$inferSelect)['kind'];
	sector: string | null;
	name: string;
	nameCy: string | null;
	description: string;
	locationKind: string;
	address: string | null;
	postcode: string | null;
	lastVerifiedOn: string | null;
	status: AssetStatus;
	/** "Draft" or "Private". */
	reason: 'draft' | 'private';
}

/**
 * For a patch page: which of its listed entries this person may edit, and (when they may see the
 * patch's private parts) the drafts and private informal supports visitors never see.
 * @param listedIds the entries the public page lists
 */
export function getStaffPatchView(
	db: Db,
	user: SessionUser,
	patchId: number,
	listedIds: readonly number[]
): { editableIds: number[]; hidden: HiddenEntry[] } {
	const actor = actorFor(db, user);
	const everywhere = actor.role === 'council' || actor.role === 'admin';
	const mine = everywhere ? null : listEntryIdsInPatches(db, actor.patchIds);
	const editableIds = listedIds.filter((id) => mine === null || mine.has(id));
	if (!canSeePrivateParts(actor, [patchId])) return { editableIds, hidden: [] };

	const listed = new Set(listedIds);
	const ids = [...listEntryIdsInPatches(db, [patchId], ['draft', 'published'])].filter(
		(id) => !listed.has(id)
	);
	if (ids.length === 0) return { editableIds, hidden: [] };
	const hidden = db
		.select({
			id: t.assets.id,
			kind: t.assets.kind,
			sector: t.assets.sector,
			name: t.assets.name,
			nameCy: t.assets.nameCy,
			description: t.assets.description,
			locationKind: t.assets.locationKind,
			address: t.assets.address,
			postcode: t.assets.postcode,
			lastVerifiedOn: t.assets.lastVerifiedOn,
			status: t.assets.status,
			consentPublic: t.assets.consentPublic
		})
		.from(t.assets)
		.where(inArray(t.assets.id, ids))
		.orderBy(asc(t.assets.name))
		.all()
		.filter((asset) => !isShownToVisitors(asset))
		.map(({ consentPublic: _consent, ...asset }): HiddenEntry => {
			void _consent;
			return { ...asset, reason: asset.status === 'draft' ? 'draft' : 'private' };
		});
	return { editableIds, hidden };
}
