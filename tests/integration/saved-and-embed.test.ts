/**
 * Issue 15: the resident's saved list (/saved?ids=…) and the embeddable "What's on" widget
 * (/embed/patches/[slug]), their loads called as the server calls them on a fresh database. A list
 * or a widget shows only what any visitor may see; the widget lists what the patch page lists.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as t from '../../src/lib/server/db/schema';
import type { Db } from '../../src/lib/server/db/client';
import { createTestDb } from '../../src/lib/server/auth/test-db';
import { seedStaffFixture, type StaffFixture } from './staff-fixture';
import { outcomeOf, staffEvent } from './staff-helpers';
import type { PublicEntry } from '../../src/lib/server/queries/public-entries';
import type { readPatchWhatsOn } from '../../src/lib/server/patch-whats-on';

const state = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock('$lib/server/db', () => ({ getDb: () => state.db }));

const saved = await import('../../src/routes/saved/+page.server');
const embed = await import('../../src/routes/embed/patches/[slug]/+page.server');
const patchPage = await import('../../src/routes/patches/[slug]/+page.server');

const H = 'http://localhost';
type SavedData = { requested: number[] | null; entries: PublicEntry[]; missing: number };
type EmbedData = NonNullable<ReturnType<typeof readPatchWhatsOn>>;
let db: Db;
let fx: StaffFixture;

/** A load's event with a place for the headers it sets. */
function event(url: string, params: Record<string, string> = {}) {
	const headers: Record<string, string> = {};
	const base = staffEvent(url, null, params);
	return {
		headers,
		event: { ...base, setHeaders: (set: Record<string, string>) => Object.assign(headers, set) }
	};
}

function entry(name: string, values: Partial<typeof t.assets.$inferInsert> = {}) {
	return Number(
		db
			.insert(t.assets)
			.values({
				programmeId: fx.programmeId,
				kind: 'group',
				name,
				description: `${name}.`,
				lon: 0.5,
				lat: 0.5,
				status: 'published',
				...values
			})
			.run().lastInsertRowid
	);
}

/** Meets every day of the week, so it is on every day of any week ahead. */
function everyDay(assetId: number, startTime = '10:00') {
	const endTime = `${String(Number(startTime.slice(0, 2)) + 1).padStart(2, '0')}:00`;
	for (let weekday = 1; weekday <= 7; weekday++) {
		db.insert(t.assetSessions)
			.values({ assetId, frequency: 'weekly', weekday, startTime, endTime })
			.run();
	}
}

beforeEach(() => {
	db = createTestDb();
	state.db = db;
	fx = seedStaffFixture(db);
});

describe('/saved', () => {
	it('shows only the entries any visitor may see, in the order of the link, with public contacts', async () => {
		const draft = entry('Draft group', { status: 'draft' });
		const archived = entry('Archived group', { status: 'archived' });
		const privateSupport = entry('Mrs Jones, a neighbour', { kind: 'informal_support' });
		db.insert(t.assetContacts)
			.values({
				assetId: fx.assets.inP,
				kind: 'phone',
				value: '07700 900999',
				visibility: 'coordinators'
			})
			.run();
		const ids = [fx.assets.inQ, draft, archived, fx.assets.inP, privateSupport, 999_999];
		const { event: e } = event(`${H}/saved?ids=${ids.join(',')}`);
		const data = (await saved.load(e)) as SavedData;

		expect(data.requested).toEqual(ids);
		expect(data.entries.map((shown) => shown.name)).toEqual(['Quay Walkers', 'Knit and Natter']);
		expect(data.missing).toBe(4);
		const contacts = data.entries.flatMap((shown) => shown.contacts.map((c) => c.value));
		expect(contacts).toEqual(['01632 960001']);
	});

	it('reads no list from the server when the address names none, and drops what is not an id', async () => {
		const none = (await saved.load(event(`${H}/saved`).event)) as { requested: unknown };
		expect(none).toMatchObject({ requested: null, entries: [], missing: 0 });
		const bad = (await saved.load(event(`${H}/saved?ids=${fx.assets.inP},x1,-4`).event)) as {
			entries: { id: number }[];
		};
		expect(bad).toMatchObject({ requested: [] });
		const mixed = (await saved.load(
			event(`${H}/saved?ids=0,${fx.assets.inP},,${fx.assets.inP}`).event
		)) as { entries: { id: number }[] };
		expect(mixed.entries.map((shown) => shown.id)).toEqual([fx.assets.inP]);
	});
});

describe('/embed/patches/[slug]', () => {
	it("lists the patch's groups meeting in the next 7 days, as the patch page does, and no one else's", async () => {
		everyDay(fx.assets.inP, '18:00');
		const hall = entry('Village Hall', { kind: 'venue' });
		everyDay(hall, '09:00');
		const draft = entry('Draft group', { status: 'draft' });
		everyDay(draft);
		everyDay(fx.assets.inQ); // in patch Q

		const { event: e, headers } = event(`${H}/embed/patches/p`, { slug: 'p' });
		const data = (await embed.load(e)) as EmbedData;
		expect(data.patch).toEqual({ slug: 'p', name: 'Patch P', nameCy: null });
		expect(data.whatsOn).toHaveLength(7);
		for (const day of data.whatsOn) {
			expect(day.items.map((item) => `${item.startTime} ${item.assetName}`)).toEqual([
				'18:00 Knit and Natter'
			]);
		}
		expect(headers['cache-control']).toBe('public, max-age=300');

		const page = (await patchPage.load(staffEvent(`${H}/patches/p`, null, { slug: 'p' }))) as {
			whatsOn: unknown;
		};
		expect(data.whatsOn).toEqual(page.whatsOn);
	});

	it('answers 404 for a patch that is not published, or an address that is not a slug', async () => {
		db.insert(t.patches)
			.values({
				programmeId: fx.programmeId,
				slug: 'planned-one',
				name: 'Planned',
				status: 'planned',
				boundary: { type: 'Polygon', coordinates: [] },
				minLon: 0,
				minLat: 0,
				maxLon: 1,
				maxLat: 1
			})
			.run();
		for (const slug of ['planned-one', 'no-such-patch', '../p']) {
			const outcome = await outcomeOf(() =>
				embed.load(event(`${H}/embed/patches/x`, { slug }).event)
			);
			expect(outcome, slug).toEqual({ kind: 'error', status: 404 });
		}
	});
});
