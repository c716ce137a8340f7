import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import { openDatabase, type Db } from '../../src/lib/server/db/client';
import * as t from '../../src/lib/server/db/schema';
import { DemoDataError, loadDemoBorough, seedDemoIfEmpty } from '../../src/lib/server/demo/seed';
import { getPublicAsset } from '../../src/lib/server/queries/assets';
import {
	getPatchBySlug,
	getProgramme,
	listPatches,
	listPresenceForPatch,
	listPublicAssetsInPatch
} from '../../src/lib/server/queries/patches';
import { searchDirectory } from '../../src/lib/server/queries/directory';
import { emptySearch } from '../../src/lib/domain/directory';
import { verifyLogin } from '../../src/lib/server/auth';
import {
	demoAssetsSchema,
	demoPatchesSchema,
	demoSuggestionsSchema,
	demoUsersSchema
} from '../../src/lib/domain/schemas/demo-borough';
import { isVisibleToVisitors } from '../../src/lib/demo/keeping-true';
import { addDays, demoDateShift, REFERENCE_DATE } from '../../src/lib/demo/sessions';
import { listPatchIdsOfEntry } from '../../src/lib/server/staff/entry-patches';

const demoAssets = demoAssetsSchema.parse(
	JSON.parse(readFileSync('data/demo/assets.json', 'utf8'))
);
const demoPatches = demoPatchesSchema.parse(
	JSON.parse(readFileSync('data/demo/patches.geojson', 'utf8'))
);
const demoUsers = demoUsersSchema.parse(JSON.parse(readFileSync('data/demo/users.json', 'utf8')));
const demoSuggestions = demoSuggestionsSchema.parse(
	JSON.parse(readFileSync('data/demo/suggestions.json', 'utf8'))
);
/** The database id of a demo entry: assets are loaded in file order. */
const idOf = (ref: string) => demoAssets.findIndex((a) => a.ref === ref) + 1;

let db: Db;
beforeAll(async () => {
	db = openDatabase(':memory:').db;
	await loadDemoBorough(db);
});

function rowCount(
	table: typeof t.assets | typeof t.patches | typeof t.users | typeof t.smallAreas
) {
	return db.select({ n: count() }).from(table).get()!.n;
}

describe('the demo borough, loaded', () => {
	it('has every asset, patch and user of the files', () => {
		expect(rowCount(t.assets)).toBe(demoAssets.length);
		expect(rowCount(t.patches)).toBe(demoPatches.features.length);
		expect(rowCount(t.users)).toBe(demoUsers.length);
		expect(rowCount(t.smallAreas)).toBeGreaterThanOrEqual(250);
	});

	it('is labelled fictional', () => {
		expect(getProgramme(db)?.isFictional).toBe(true);
		expect(getProgramme(db)?.name).toMatch(/fictional/i);
	});

	it('lets each demo user sign in with the printed password', async () => {
		for (const user of demoUsers.filter((u) => ['council', 'admin'].includes(u.role))) {
			const result = await verifyLogin(db, user.email, user.password);
			expect(result, user.email).toMatchObject({ email: user.email.toLowerCase() });
		}
	});

	it('lists patches with their coordinators', () => {
		const programme = getProgramme(db)!;
		const patches = listPatches(db, programme.id);
		expect(patches.map((p) => p.slug).sort()).toEqual(
			demoPatches.features.map((f) => f.properties.slug).sort()
		);
		const withCoordinator = patches.filter((p) => p.coordinators.length > 0);
		expect(withCoordinator.length).toBeGreaterThanOrEqual(patches.length - 1);
	});

	it("finds a patch's assets by point in polygon, and only published ones", () => {
		const slug = demoPatches.features[0].properties.slug;
		const patch = getPatchBySlug(db, slug)!;
		const assets = listPublicAssetsInPatch(db, patch);
		expect(assets.length).toBeGreaterThan(10);
		const published = new Set(
			demoAssets.filter((a) => a.status === 'published').map((a) => a.name)
		);
		for (const asset of assets) expect(published.has(asset.name)).toBe(true);
	});

	it('shows where to meet each coordinator, at published venues', () => {
		const slug = demoPatches.features[0].properties.slug;
		const patch = getPatchBySlug(db, slug)!;
		const presence = listPresenceForPatch(db, patch.id, '2026-01-01');
		expect(presence.length).toBeGreaterThan(0);
		for (const visit of presence) expect(visit.weekday).toBeGreaterThanOrEqual(1);
	});
});

describe('what the staff screens need, loaded', () => {
	it('records every informal support’s consent as the file has it', () => {
		const informal = demoAssets.filter((a) => a.kind === 'informal_support');
		expect(informal.length).toBeGreaterThan(0);
		for (const asset of informal) {
			const row = db
				.select()
				.from(t.assets)
				.where(eq(t.assets.id, idOf(asset.ref)))
				.get()!;
			expect(row.name).toBe(asset.name);
			expect({
				recordedOn: row.consentRecordedOn,
				how: row.consentHow,
				public: row.consentPublic,
				publicOn: row.consentPublicOn ?? undefined,
				contactsPublic: row.consentContactsPublic
			}).toEqual({ publicOn: undefined, ...asset.consent });
		}
	});

	it('links online and roaming entries to their patches', () => {
		const links = demoAssets.flatMap((a) => a.linkedPatches ?? []).length;
		expect(links).toBeGreaterThan(0);
		expect(db.select({ n: count() }).from(t.assetPatches).get()!.n).toBe(links);
		const shared = demoAssets.find(
			(a) => a.locationKind === 'online' && a.linkedPatches?.length === 2
		)!;
		const slugs = listPatchIdsOfEntry(db, idOf(shared.ref)).map(
			(id) => db.select().from(t.patches).where(eq(t.patches.id, id)).get()!.slug
		);
		expect(slugs.sort()).toEqual([...shared.linkedPatches!].sort());
	});

	it('says who last checked each entry, by role', () => {
		const roles = new Map(demoUsers.map((u) => [u.email, u.role]));
		for (const [index, asset] of demoAssets.entries()) {
			const row = db
				.select()
				.from(t.assets)
				.where(eq(t.assets.id, index + 1))
				.get()!;
			expect(row.lastVerifiedVia).toBe(roles.get(asset.lastVerifiedBy!));
		}
	});

	it('holds the open suggestions, about the right entries, with their submitters', () => {
		const rows = db.select().from(t.suggestions).orderBy(t.suggestions.id).all();
		expect(rows.length).toBe(demoSuggestions.length);
		expect(rows.map((row) => row.status)).toEqual(demoSuggestions.map(() => 'open'));
		expect(
			rows.map((row) => [
				row.kind,
				row.assetId,
				row.submitterName,
				row.submitterEmail,
				row.createdAt
			])
		).toEqual(
			demoSuggestions.map((s) => [
				s.kind,
				s.assetRef ? idOf(s.assetRef) : null,
				s.submitterName ?? null,
				s.submitterEmail ?? null,
				s.createdAt
			])
		);
	});
});

describe('the demand the gap page shows, loaded', () => {
	it('holds six months of logged connections before the month it is loaded in, none after', () => {
		const months = db
			.selectDistinct({ month: sql<string>`substr(${t.connections.madeOn}, 1, 7)` })
			.from(t.connections)
			.orderBy(sql`1`)
			.all()
			.map((row) => row.month);
		const [y, m] = REFERENCE_DATE.split('-').map(Number);
		const expected = [6, 5, 4, 3, 2, 1].map((back) =>
			new Date(Date.UTC(y, m - 1 - back, 1)).toISOString().slice(0, 7)
		);
		expect(months).toEqual(expected);
	});

	it('logs each connection by its patch’s coordinator, to a published entry about its theme', () => {
		const rows = db
			.select({
				kind: t.connections.kind,
				theme: t.connections.theme,
				assetId: t.connections.assetId,
				coordinates: sql<number>`exists (select 1 from patch_coordinators pc where pc.patch_id = ${t.connections.patchId} and pc.user_id = ${t.connections.recordedBy})`,
				about: sql<number>`exists (select 1 from asset_categories ac join assets a on a.id = ac.asset_id where ac.asset_id = ${t.connections.assetId} and ac.category_id = ${t.connections.theme} and a.status = 'published')`
			})
			.from(t.connections)
			.all();
		expect(rows.every((row) => row.coordinates === 1)).toBe(true);
		const made = rows.filter((row) => row.kind === 'connected');
		const unmet = rows.filter((row) => row.kind === 'nothing_suitable');
		expect(made.length).toBeGreaterThan(unmet.length);
		expect(made.every((row) => row.about === 1)).toBe(true);
		expect(unmet.every((row) => row.assetId === null)).toBe(true);
		// Carers are the demo's clearest gap: most of the "nothing suitable found".
		const byTheme = new Map<string, number>();
		for (const row of unmet) byTheme.set(row.theme!, (byTheme.get(row.theme!) ?? 0) + 1);
		const most = [...byTheme].sort((a, b) => b[1] - a[1])[0][0];
		expect(most).toBe('caring-for-someone');
	});

	it('counts searches that found nothing with only what may be kept: no long text, no postcode', () => {
		const rows = db.select().from(t.emptySearches).all();
		expect(rows.length).toBeGreaterThan(0);
		for (const row of rows) {
			expect(row.text.length).toBeLessThanOrEqual(40);
			expect(row.text).not.toMatch(/\d/);
			expect(row.count).toBeGreaterThan(0);
		}
	});
});

describe('what a visitor gets', () => {
	it('never includes a coordinators-only contact', () => {
		const privateValues = new Set(
			demoAssets.flatMap((a) =>
				a.contacts.filter((c) => c.visibility === 'coordinators').map((c) => c.value)
			)
		);
		expect(privateValues.size).toBeGreaterThan(10);
		const ids = db.select({ id: t.assets.id }).from(t.assets).all();
		for (const { id } of ids) {
			const asset = getPublicAsset(db, id);
			if (!asset) continue;
			expect(JSON.stringify(asset)).not.toMatch(
				new RegExp(
					[...privateValues].map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')
				)
			);
		}
	});

	it('never includes a draft or archived asset', () => {
		const hidden = db
			.select({ id: t.assets.id })
			.from(t.assets)
			.where(eq(t.assets.status, 'draft'))
			.all();
		expect(hidden.length).toBeGreaterThan(0);
		for (const { id } of hidden) expect(getPublicAsset(db, id)).toBeNull();
		const informal = demoAssets.filter(
			(a) => a.kind === 'informal_support' && a.status !== 'published'
		);
		expect(informal.length).toBeGreaterThan(0);
		const { rows } = searchDirectory(db, emptySearch(), { perPage: 10_000 });
		const shown = new Set(rows.map((row) => row.name));
		const publishedNames = new Set(
			demoAssets.filter((a) => a.status === 'published').map((a) => a.name)
		);
		for (const asset of informal) {
			if (!publishedNames.has(asset.name)) expect(shown.has(asset.name)).toBe(false);
		}
	});

	it('shows informal supports with consent to be shown, and never the others', () => {
		const informal = demoAssets.filter(
			(a) => a.kind === 'informal_support' && a.status === 'published'
		);
		const shownInFile = informal.filter(isVisibleToVisitors);
		const privateInFile = informal.filter((a) => !isVisibleToVisitors(a));
		expect(shownInFile.length).toBeGreaterThan(0);
		expect(privateInFile.length).toBeGreaterThan(0);
		const { rows, total } = searchDirectory(db, emptySearch(), { perPage: 10_000 });
		expect(total).toBe(demoAssets.filter(isVisibleToVisitors).length);
		const listed = new Set(rows.map((row) => row.name));
		for (const asset of shownInFile) {
			expect(listed.has(asset.name), asset.name).toBe(true);
			const page = getPublicAsset(db, idOf(asset.ref))!;
			// Contacts only with consent for them too, and never a coordinators-only one.
			const expected = asset.consent!.contactsPublic
				? asset.contacts.filter((c) => c.visibility === 'public').map((c) => c.value)
				: [];
			expect(page.contacts.map((c) => c.value)).toEqual(expected);
		}
		for (const asset of privateInFile) {
			expect(listed.has(asset.name), asset.name).toBe(false);
			expect(getPublicAsset(db, idOf(asset.ref))).toBeNull();
		}
	});

	it('searches text with prefixes and ranks names first', () => {
		const asset = demoAssets.find((a) => a.status === 'published' && a.kind === 'group')!;
		const word = asset.name.split(' ').find((w) => w.length >= 5)!;
		const { rows, total } = searchDirectory(
			db,
			{ ...emptySearch(), q: word.slice(0, 4) },
			{ perPage: 1000 }
		);
		expect(total).toBeGreaterThan(0);
		expect(rows.map((row) => row.name)).toContain(asset.name);
		// Among fresh entries (stale ones follow all of them), every entry with a word of its name
		// starting with the prefix comes before any that only mention it elsewhere.
		const prefix = new RegExp(`\\b${word.slice(0, 4)}`, 'i');
		const inName = rows.filter((row) => !row.stale).map((row) => prefix.test(row.name));
		expect(inName).toContain(true);
		expect(inName).toEqual([...inName].sort((a, b) => Number(b) - Number(a)));
	});
});

describe('seeding is all or nothing', () => {
	let dir: string;
	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'patchwork-demo-'));
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('a bad field is reported by file, item and field, and nothing is written', async () => {
		const broken = join(dir, 'bad-field');
		cpSync('data/demo', broken, { recursive: true });
		const assets = JSON.parse(readFileSync(join(broken, 'assets.json'), 'utf8'));
		assets[4].sessions = [
			{ frequency: 'weekly', weekday: 9, startTime: '10:00', endTime: '11:00' }
		];
		writeFileSync(join(broken, 'assets.json'), JSON.stringify(assets));
		const empty = openDatabase(':memory:').db;
		await expect(loadDemoBorough(empty, broken)).rejects.toThrow(
			/assets\.json: item 5, field "sessions\.0\.weekday"/
		);
		expect(empty.select({ n: count() }).from(t.programmes).get()!.n).toBe(0);
	});

	it('a broken reference found half-way through rolls everything back', async () => {
		const broken = join(dir, 'bad-reference');
		cpSync('data/demo', broken, { recursive: true });
		const assets = JSON.parse(readFileSync(join(broken, 'assets.json'), 'utf8'));
		assets[assets.length - 1].venueRef = 'no-such-venue';
		writeFileSync(join(broken, 'assets.json'), JSON.stringify(assets));
		const empty = openDatabase(':memory:').db;
		await expect(loadDemoBorough(empty, broken)).rejects.toThrow(DemoDataError);
		await expect(loadDemoBorough(empty, broken)).rejects.toThrow(/unknown venue "no-such-venue"/);
		for (const table of [t.programmes, t.assets, t.users, t.smallAreas]) {
			expect(empty.select({ n: count() }).from(table).get()!.n).toBe(0);
		}
	});

	it('seeds an empty database once, and leaves a seeded one alone', async () => {
		const fresh = openDatabase(':memory:').db;
		const first = await seedDemoIfEmpty(fresh, { path: 'test.db', env: {} });
		expect(first?.assets).toBe(demoAssets.length);
		expect(await seedDemoIfEmpty(fresh, { path: 'test.db', env: {} })).toBeNull();
		expect(fresh.select({ n: count() }).from(t.assets).get()!.n).toBe(demoAssets.length);
	});

	it('moves the dates of checks, consent and suggestions to the day it is loaded', async () => {
		const fresh = openDatabase(':memory:').db;
		// 5 January 2027 is 65 days after the demo's reference date, 1 November 2026.
		await seedDemoIfEmpty(fresh, { path: 'test.db', env: { DEMO_TODAY: '2027-01-05' } });
		const checked = demoAssets.find((asset) => asset.lastVerifiedOn && asset.consent)!;
		const row = fresh.select().from(t.assets).where(eq(t.assets.externalId, checked.ref)).get()!;
		expect(row.lastVerifiedOn).toBe(addDays(checked.lastVerifiedOn!, 65));
		expect(row.consentRecordedOn).toBe(addDays(checked.consent!.recordedOn, 65));
		const suggestion = fresh.select().from(t.suggestions).orderBy(t.suggestions.id).get()!;
		expect(suggestion.createdAt.slice(0, 10)).toBe(
			addDays(demoSuggestions[0].createdAt.slice(0, 10), 65)
		);
		expect(suggestion.createdAt.slice(10)).toBe(demoSuggestions[0].createdAt.slice(10));
		// Loaded before the reference date, nothing moves backwards.
		expect(demoDateShift('2026-10-01')).toBe(0);
	});

	it('SEED_DEMO=false leaves a new database empty', async () => {
		const fresh = openDatabase(':memory:').db;
		expect(
			await seedDemoIfEmpty(fresh, { path: 'test.db', env: { SEED_DEMO: 'false' } })
		).toBeNull();
		expect(fresh.select({ n: count() }).from(t.programmes).get()!.n).toBe(0);
	});
});
