/**
 * The visitor rule (./visibility.ts) and every public read built on it: no query a visitor's page,
 * the API or an export calls returns an informal support without consent to be shown, or the
 * contacts of one without consent for those, or a draft; and each does return what may be shown,
 * so the checks are not passing on empty answers.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { createTestDb } from '../auth/test-db';
import { emptySearch } from '../../domain/directory';
import { buildAssetExport } from '../exchange/export/respond';
import {
	getService,
	getServiceAtLocation,
	listServiceAtLocations,
	listServices
} from '../exchange/openreferral/api';
import { loadApiContext } from '../exchange/openreferral/context';
import { countPublicAssetsByKind, getPublicAsset, listPublicAssetsInBox } from './assets';
import { searchDirectory } from './directory';
import {
	getPatchBySlug,
	listPresenceForPatch,
	listPublicAssetsInPatch,
	listWelshDescriptions
} from './patches';
import { createAssetChangeSuggestion } from './suggestions';
import {
	contactVisibleSql,
	contactVisibleToVisitors,
	entryVisibleSql,
	entryVisibleToVisitors
} from './visibility';
import { listPrintDetails, listPublicSessionsWithNotes } from './whats-on';

type Kind = 'group' | 'venue' | 'informal_support' | 'service';

let db: Db;
const ids: Record<string, number> = {};

/** Words that belong to hidden things only: none may reach a visitor. */
const HIDDEN = [
	'Pamela private lifts',
	'Pamela drives neighbours',
	'Cysur Pamela',
	'pamela@example.com',
	'07700 900101',
	'Olwen draft shed',
	'Ffion roaming walks',
	'01632 960555',
	'olwen.public@example.com',
	'07700 900303'
];
/** What may be shown: an informal support with consent, its consented contacts, a group. */
const SHOWN = ['Olwen open shed', 'Ceri lends tools', 'ceri@example.com', 'Knit and natter'];

function insert(
	name: string,
	values: Partial<typeof t.assets.$inferInsert> & { kind?: Kind } = {}
): number {
	return db
		.insert(t.assets)
		.values({
			programmeId: 1,
			kind: 'informal_support',
			status: 'published',
			locationKind: 'place',
			lon: 0.5,
			lat: 0.5,
			description: `${name}: for anyone nearby.`,
			cost: 'free',
			lastVerifiedOn: '2026-11-01',
			...values,
			name
		})
		.returning({ id: t.assets.id })
		.get().id;
}

const consent = { consentRecordedOn: '2026-09-01', consentHow: 'In person' };

beforeEach(() => {
	db = createTestDb();
	db.insert(t.programmes).values({ id: 1, slug: 'vale', name: 'Vale' }).run();
	db.insert(t.patches)
		.values({
			id: 1,
			programmeId: 1,
			slug: 'north',
			name: 'North',
			boundary: {
				type: 'Polygon',
				coordinates: [
					[
						[0, 0],
						[1, 0],
						[1, 1],
						[0, 1],
						[0, 0]
					]
				]
			},
			minLon: 0,
			minLat: 0,
			maxLon: 1,
			maxLat: 1
		})
		.run();
	db.insert(t.postcodes).values({ postcode: 'FV1 1AA', lon: 0.5, lat: 0.5 }).run();
	db.insert(t.categories).values({ id: 'help', name: 'Help' }).run();
	const user = db
		.insert(t.users)
		.values({ email: 'c@example.org', displayName: 'Cai', role: 'coordinator' })
		.returning()
		.get();
	db.insert(t.patchCoordinators).values({ patchId: 1, userId: user.id }).run();

	ids.venue = insert('Church hall', { kind: 'venue', lon: 0.4, lat: 0.4 });
	ids.group = insert('Knit and natter', { kind: 'group', venueId: ids.venue, lon: 0.4, lat: 0.4 });
	// No consent to be shown: published, held for coordinators only. At the venue, with a public
	// contact and a Welsh description, so every way of reaching it is tried.
	ids.private = insert('Pamela private lifts', {
		...consent,
		description: 'Pamela drives neighbours to the surgery.',
		descriptionCy: 'Cysur Pamela i gymdogion.',
		venueId: ids.venue,
		lon: 0.4,
		lat: 0.4
	});
	// Consent to be shown, not to show contacts.
	ids.shownNoContacts = insert('Olwen open shed', {
		...consent,
		consentPublic: true,
		consentPublicOn: '2026-09-01'
	});
	// Consent to be shown and to show its public contacts.
	ids.shownWithContacts = insert('Ceri lends tools', {
		...consent,
		consentPublic: true,
		consentPublicOn: '2026-09-01',
		consentContactsPublic: true
	});
	// Consent, but a draft; and a private roaming one linked to the patch.
	ids.draft = insert('Olwen draft shed', { ...consent, consentPublic: true, status: 'draft' });
	ids.roaming = insert('Ffion roaming walks', {
		...consent,
		locationKind: 'roaming',
		lon: null,
		lat: null
	});
	db.insert(t.assetPatches).values({ assetId: ids.roaming, patchId: 1 }).run();

	const contact = (assetId: number, kind: 'phone' | 'email', value: string, shown: boolean) => ({
		assetId,
		kind,
		value,
		visibility: shown ? ('public' as const) : ('coordinators' as const)
	});
	db.insert(t.assetContacts)
		.values([
			contact(ids.private, 'email', 'pamela@example.com', true),
			contact(ids.private, 'phone', '07700 900101', true),
			contact(ids.shownNoContacts, 'phone', '01632 960555', true),
			contact(ids.shownNoContacts, 'email', 'olwen.public@example.com', true),
			contact(ids.shownWithContacts, 'email', 'ceri@example.com', true),
			contact(ids.shownWithContacts, 'phone', '07700 900303', false),
			contact(ids.group, 'phone', '01632 960111', true)
		])
		.run();
	for (const id of Object.values(ids)) {
		db.insert(t.assetCategories).values({ assetId: id, categoryId: 'help' }).run();
		db.insert(t.assetSessions)
			.values({
				assetId: id,
				frequency: 'weekly',
				weekday: 2,
				startTime: '10:00',
				endTime: '11:00'
			})
			.run();
	}
	db.insert(t.presenceSessions)
		.values({
			userId: user.id,
			venueId: ids.venue,
			weekday: 3,
			startTime: '10:00',
			endTime: '12:00'
		})
		.run();
});

/** Asserts a result holds nothing hidden, and (when given) what should be there. */
function expectOnlyVisible(result: unknown, shown: readonly string[] = []) {
	const text = typeof result === 'string' ? result : JSON.stringify(result);
	expect(HIDDEN.filter((value) => text.includes(value))).toEqual([]);
	expect(shown.filter((value) => !text.includes(value))).toEqual([]);
}

const allIds = () => Object.values(ids);

describe('the visitor rule', () => {
	it('is the same in Drizzle and in raw SQL, for entries and contacts', () => {
		const drizzleEntries = db
			.select({ id: t.assets.id })
			.from(t.assets)
			.where(entryVisibleToVisitors)
			.all()
			.map((row) => row.id);
		const rawEntries = db
			.all<{ id: number }>(
				sql`SELECT a.id FROM assets a WHERE ${entryVisibleSql('a')} ORDER BY a.id`
			)
			.map((row) => row.id);
		expect(drizzleEntries.sort((x, y) => x - y)).toEqual(rawEntries);
		expect(rawEntries).toEqual([ids.venue, ids.group, ids.shownNoContacts, ids.shownWithContacts]);

		const drizzleContacts = db
			.select({ value: t.assetContacts.value })
			.from(t.assetContacts)
			.innerJoin(t.assets, eq(t.assets.id, t.assetContacts.assetId))
			.where(contactVisibleToVisitors)
			.all()
			.map((row) => row.value)
			.sort();
		const rawContacts = db
			.all<{ value: string }>(
				sql`SELECT c.value FROM asset_contacts c JOIN assets a ON a.id = c.asset_id
					WHERE ${contactVisibleSql('c', 'a')} ORDER BY c.value`
			)
			.map((row) => row.value);
		expect(drizzleContacts).toEqual(rawContacts);
		expect(rawContacts).toEqual(['01632 960111', 'ceri@example.com']);
	});

	it('refuses a table alias that is not a plain name', () => {
		expect(() => entryVisibleSql('a; DROP TABLE assets')).toThrow();
		expect(() => contactVisibleSql('c', 'a.x')).toThrow();
	});
});

describe('every public query returns only what a visitor may see', () => {
	it('entry pages, boxes and counts (queries/assets)', () => {
		expect(getPublicAsset(db, ids.private)).toBeNull();
		expect(getPublicAsset(db, ids.draft)).toBeNull();
		expect(getPublicAsset(db, ids.roaming)).toBeNull();
		const withoutContacts = getPublicAsset(db, ids.shownNoContacts)!;
		expect(withoutContacts.contacts).toEqual([]);
		expectOnlyVisible(withoutContacts, ['Olwen open shed']);
		const withContacts = getPublicAsset(db, ids.shownWithContacts)!;
		expect(withContacts.contacts.map((c) => c.value)).toEqual(['ceri@example.com']);
		// The venue lists who meets there: the group, not the private informal support.
		const venue = getPublicAsset(db, ids.venue)!;
		expect(venue.meetingHere.map((a) => a.name)).toEqual(['Knit and natter']);
		expectOnlyVisible(
			allIds().map((id) => getPublicAsset(db, id)),
			SHOWN
		);
		expectOnlyVisible(listPublicAssetsInBox(db, { minLon: 0, minLat: 0, maxLon: 1, maxLat: 1 }), [
			'Olwen open shed',
			'Knit and natter'
		]);
		expect(countPublicAssetsByKind(db, 1)).toEqual({ venue: 1, group: 1, informal_support: 2 });
	});

	it('patch pages, Welsh descriptions and where to meet coordinators (queries/patches)', () => {
		const patch = getPatchBySlug(db, 'north')!;
		const assets = listPublicAssetsInPatch(db, patch);
		expect(assets.map((a) => a.id).sort((x, y) => x - y)).toEqual([
			ids.venue,
			ids.group,
			ids.shownNoContacts,
			ids.shownWithContacts
		]);
		expectOnlyVisible(
			assets,
			SHOWN.filter((s) => !s.includes('@'))
		);
		expect(listWelshDescriptions(db, allIds()).size).toBe(0);
		expect(listPresenceForPatch(db, 1, '2026-12-06').map((p) => p.venueName)).toEqual([
			'Church hall'
		]);
	});

	it("what's on and the print sheet (queries/whats-on)", () => {
		expect([...listPublicSessionsWithNotes(db, allIds()).keys()].sort((x, y) => x - y)).toEqual([
			ids.venue,
			ids.group,
			ids.shownNoContacts,
			ids.shownWithContacts
		]);
		const { categories, phones } = listPrintDetails(db, allIds());
		expect([...categories.keys()]).not.toContain(ids.private);
		// Only the group's public phone: the informal supports' phones have no consent.
		expect(Object.fromEntries(phones)).toEqual({ [ids.group]: ['01632 960111'] });
	});

	it('the change-suggestion form accepts only entries a visitor may see (queries/suggestions)', () => {
		const suggestion = {
			kind: 'change' as const,
			details: 'New times',
			submitterName: null,
			submitterEmail: null
		};
		expect(createAssetChangeSuggestion(db, ids.private, suggestion)).toBeNull();
		expect(createAssetChangeSuggestion(db, ids.draft, suggestion)).toBeNull();
		expect(createAssetChangeSuggestion(db, ids.shownNoContacts, suggestion)).toBeTypeOf('number');
		expect(
			db
				.select()
				.from(t.suggestions)
				.all()
				.map((s) => s.assetId)
		).toEqual([ids.shownNoContacts]);
	});

	it('directory search: browse, words, a place, a patch and a kind (queries/directory)', () => {
		const today = '2026-11-25';
		const search = (changes: Partial<ReturnType<typeof emptySearch>>) =>
			searchDirectory(db, { ...emptySearch(), ...changes }, { today, perPage: 100 });
		const browse = search({});
		expect(browse.total).toBe(4);
		expectOnlyVisible(browse, ['Olwen open shed', 'Ceri lends tools', 'Knit and natter']);
		for (const q of ['Pamela', 'Ffion', 'Olwen', 'drives', 'Cysur']) {
			const words = search({ q });
			expectOnlyVisible(words);
			expect(words.rows.every((row) => !row.name.includes('Pamela'))).toBe(true);
		}
		expect(search({ q: 'Olwen' }).rows.map((row) => row.name)).toEqual(['Olwen open shed']);
		expectOnlyVisible(search({ postcode: 'FV1 1AA', radiusKm: 5 }), ['Olwen open shed']);
		expectOnlyVisible(search({ patch: 'north' }), ['Olwen open shed']);
		expectOnlyVisible(search({ patch: 'north', q: 'Pamela' }));
		expect(search({ kinds: ['informal_support'] }).total).toBe(2);
	});

	it('the Open Referral API: lists, items, search and proximity (exchange/openreferral)', () => {
		const params = (query: string) => new URLSearchParams(query);
		expectOnlyVisible(listServices(db, params('per_page=100')).body, [
			'Olwen open shed',
			'Ceri lends tools',
			'ceri@example.com'
		]);
		expectOnlyVisible(listServices(db, params('search=Pamela')).body);
		expectOnlyVisible(listServiceAtLocations(db, params('per_page=100')).body, ['Olwen open shed']);
		expectOnlyVisible(listServiceAtLocations(db, params('postcode=FV1 1AA&proximity=5000')).body, [
			'Olwen open shed'
		]);
		const context = loadApiContext(db);
		for (const id of allIds()) {
			const service = getService(db, context.ids.row('service', id));
			const place = getServiceAtLocation(db, context.ids.row('service_at_location', id));
			expectOnlyVisible([service.body, place.body]);
			if ([ids.private, ids.draft, ids.roaming].includes(id)) {
				expect([service.status, place.status]).toEqual([404, 404]);
			}
		}
		expectOnlyVisible(getService(db, context.ids.row('service', ids.shownWithContacts)).body, [
			'ceri@example.com'
		]);
	});

	it('the CSV and GeoJSON exports, whole programme and one patch (exchange/export)', () => {
		for (const format of ['csv', 'geojson'] as const) {
			for (const query of ['', 'patch=north']) {
				const result = buildAssetExport(db, format, {
					params: new URLSearchParams(query),
					origin: 'http://localhost'
				});
				if (!result.ok) throw new Error(result.message);
				expectOnlyVisible(result.body, [
					'Olwen open shed',
					'Ceri lends tools',
					'ceri@example.com',
					'Knit and natter'
				]);
			}
		}
	});
});
