/**
 * A small borough for the entry editor's tests: two patches side by side (West and East), one user of
 * each role, a venue, a published group with a coordinators-only contact, a draft and an archived
 * entry, all in West, and a postcode in each patch. Not imported by application code.
 */
import * as t from '../../src/lib/server/db/schema';
import type { Db } from '../../src/lib/server/db/client';
import type { SessionUser } from '../../src/lib/server/auth';
import { boundingBoxOf } from '../../src/lib/domain/geometry';
import type { FormFields } from '../../src/lib/domain/entries';

const square = (x: number, y: number, size = 0.02): GeoJSON.Polygon => ({
	type: 'Polygon',
	coordinates: [
		[
			[x, y],
			[x + size, y],
			[x + size, y + size],
			[x, y + size],
			[x, y]
		]
	]
});

export const users = {
	council: { id: 1, email: 'lead@example.org', displayName: 'Lead', role: 'council' },
	admin: { id: 2, email: 'admin@example.org', displayName: 'Admin', role: 'admin' },
	/** Coordinates West, where every entry of the fixture is. */
	coordinator: { id: 3, email: 'tracey@example.org', displayName: 'Tracey', role: 'coordinator' },
	/** Coordinates East only. */
	otherCoordinator: { id: 4, email: 'carys@example.org', displayName: 'Carys', role: 'coordinator' }
} satisfies Record<string, SessionUser>;

/** The five columns of the permission table: a visitor, then each role. */
export const people: [string, SessionUser | null][] = [
	['a visitor', null],
	['the coordinator of the patch', users.coordinator],
	['a coordinator of another patch', users.otherCoordinator],
	['council', users.council],
	['an admin', users.admin]
];

/** A point inside West, one inside East, one in no patch. */
export const points = {
	west: { lon: -2.95, lat: 53.1 },
	east: { lon: -2.93, lat: 53.1 },
	nowhere: { lon: -2.5, lat: 53.5 }
};

export interface EntryFixture {
	programmeId: number;
	west: number;
	east: number;
	venue: number;
	group: number;
	draft: number;
	archived: number;
}

/** Fills an empty database. */
export function seedEntryFixture(db: Db): EntryFixture {
	for (const user of Object.values(users)) db.insert(t.users).values(user).run();
	const programmeId = db
		.insert(t.programmes)
		.values({ slug: 'p', name: 'Test borough' })
		.returning()
		.get().id;
	const patch = (slug: string, name: string, x: number) => {
		const boundary = square(x, 53.09);
		return db
			.insert(t.patches)
			.values({ programmeId, slug, name, boundary, ...boundingBoxOf(boundary) })
			.returning()
			.get().id;
	};
	const west = patch('west', 'West', -2.96);
	const east = patch('east', 'East', -2.94);
	db.insert(t.patchCoordinators).values({ patchId: west, userId: users.coordinator.id }).run();
	db.insert(t.patchCoordinators).values({ patchId: east, userId: users.otherCoordinator.id }).run();
	db.insert(t.categories)
		.values([
			{ id: 'social', name: 'Social and friendship', sortOrder: 1 },
			{ id: 'crafts', name: 'Crafts', parentId: 'social', sortOrder: 2 },
			{ id: 'walking', name: 'Walking', sortOrder: 3 }
		])
		.run();
	db.insert(t.postcodes)
		.values([
			{ postcode: 'FV1 1AA', ...points.west },
			{ postcode: 'FV2 2BB', ...points.east }
		])
		.run();
	const asset = (values: Partial<typeof t.assets.$inferInsert>) =>
		db
			.insert(t.assets)
			.values({
				programmeId,
				kind: 'group',
				name: 'An entry',
				description: 'About it.',
				status: 'published',
				...points.west,
				...values
			})
			.returning()
			.get().id;
	const venue = asset({ kind: 'venue', name: 'Aldermoor Community Centre' });
	const group = asset({
		name: 'Knit and natter',
		description: 'A friendly knitting group.',
		venueId: venue,
		cost: 'free',
		languages: ['en'],
		lastVerifiedOn: '2025-01-01'
	});
	db.insert(t.assetCategories).values({ assetId: group, categoryId: 'crafts' }).run();
	db.insert(t.assetSessions)
		.values({
			assetId: group,
			frequency: 'weekly',
			weekday: 2,
			startTime: '10:00',
			endTime: '12:00'
		})
		.run();
	db.insert(t.assetContacts)
		.values([
			{ assetId: group, kind: 'phone', value: '01632 960190', visibility: 'public' },
			{
				assetId: group,
				kind: 'email',
				label: 'Organiser',
				value: 'ann.private@example.org',
				visibility: 'coordinators'
			}
		])
		.run();
	const draft = asset({ name: 'Draft repair cafe', status: 'draft' });
	db.insert(t.assetCategories).values({ assetId: draft, categoryId: 'social' }).run();
	const archived = asset({
		name: 'Closed choir',
		status: 'archived',
		archivedAt: '2026-01-01T00:00:00.000Z',
		archivedReason: 'by_hand'
	});
	db.insert(t.assetCategories).values({ assetId: archived, categoryId: 'social' }).run();
	return { programmeId, west, east, venue, group, draft, archived };
}

/** A valid new group's form at a place in West given by coordinates; `changes` replace fields. */
export function newGroupForm(changes: Record<string, string | string[]> = {}): FormFields {
	const fields: Record<string, string | string[]> = {
		kind: 'group',
		name: 'Walk and talk',
		description: 'A gentle walk, then tea.',
		categories: ['walking', 'social'],
		locationKind: 'place',
		pointFrom: 'coordinates',
		lat: String(points.west.lat),
		lon: String(points.west.lon),
		postcode: 'FV1 1AA',
		'session-1-frequency': 'monthly',
		'session-1-weekday': '6',
		'session-1-week': '-1',
		'session-1-start': '10:00',
		'session-1-end': '11:30',
		'contact-1-kind': 'email',
		'contact-1-value': 'walk.leader@example.org',
		'contact-1-visibility': 'coordinators',
		familyFriendly: 'yes',
		cost: 'free',
		languages: ['en'],
		status: 'draft',
		...changes
	};
	return Object.fromEntries(
		Object.entries(fields).map(([name, value]) => [name, Array.isArray(value) ? value : [value]])
	);
}

/** A FormData of form fields, many values per name as a browser sends them. */
export function formDataOf(fields: FormFields): FormData {
	const data = new FormData();
	for (const [name, values] of Object.entries(fields)) {
		for (const value of values) data.append(name, value);
	}
	return data;
}
