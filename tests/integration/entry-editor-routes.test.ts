/**
 * The entry editor's pages called as SvelteKit calls them: the concurrency conflict, the form's errors
 * and rows, the expired session and the public pages, at the level of the routes. Who may use each
 * page and action is the staff permission table's test (staff-permissions.test.ts).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client';
import * as t from '../../src/lib/server/db/schema';
import { createTestDb } from '../../src/lib/server/auth/test-db';
import { fakeCookies } from '../../src/lib/server/auth/route-test-helpers';
import { dataOf, event, outcome, type Outcome } from './entry-route-helpers';
import { readEntry } from '../../src/lib/server/staff/entries';
import { entryToFields, type FormFields } from '../../src/lib/domain/entries';
import type { SessionUser } from '../../src/lib/server/auth';
import { newGroupForm, seedEntryFixture, users, type EntryFixture } from './entry-fixture';

const state = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock('$lib/server/db', () => ({ getDb: () => state.db }));

const newPage = await import('../../src/routes/entries/new/+page.server');
const editPage = await import('../../src/routes/entries/[id=id]/edit/+page.server');
const assetPage = await import('../../src/routes/assets/[id=id]/+page.server');

let db: Db;
let fixture: EntryFixture;
beforeEach(() => {
	db = createTestDb();
	state.db = db;
	fixture = seedEntryFixture(db);
});

/** Entries and their parts, and the audit log: what a change would touch. */
const directory = () => ({
	assets: db.select().from(t.assets).all(),
	sessions: db.select().from(t.assetSessions).all(),
	contacts: db.select().from(t.assetContacts).all(),
	categories: db.select().from(t.assetCategories).all(),
	links: db.select().from(t.assetPatches).all(),
	audit: db.select().from(t.auditLog).all()
});

/**
 * The edit form as the page renders it for a saved entry, with `changes`. Fields with no value are
 * left out, as a form post carries no value for them.
 */
function editForm(id: number, changes: Record<string, string> = {}): FormFields {
	const entry = readEntry(db, id)!;
	const shown = Object.entries(entryToFields(entry.data)).filter(([, values]) => values.length);
	return {
		...Object.fromEntries(shown),
		version: [String(entry.version)],
		startedFrom: [JSON.stringify(entry.data)],
		...Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, [v]]))
	};
}

describe('two people editing the same entry, through the page', () => {
	it('refuses the second save, shows what the other changed, keeps what was typed, then saves', async () => {
		const path = `/entries/${fixture.group}/edit`;
		const params = { id: String(fixture.group) };
		const open = async (user: SessionUser) => {
			const page = await outcome(() => editPage.load(event(path, user, { params })));
			return dataOf<{ values: FormFields }>(page).values;
		};
		const tracey = await open(users.coordinator);
		const lead = await open(users.council);

		// Tracey renames it and saves first.
		const first = await outcome(() =>
			editPage.actions.save(
				event(path, users.coordinator, {
					params,
					fields: { ...tracey, name: ['Knit and Natter Club'], cost: ['low'] }
				})
			)
		);
		expect(first).toMatchObject({ kind: 'redirect', location: `${path}?done=saved` });

		// The lead, from version 1, changes the cost too and adds a session note.
		const typed = {
			...lead,
			cost: ['paid'],
			costDetail: ['£3 a session'],
			'session-1-note': ['Upstairs']
		};
		const afterFirst = directory();
		const second = await outcome(() =>
			editPage.actions.save(event(path, users.council, { params, fields: typed }))
		);
		expect(second.kind).toBe('fail');
		const failure = second as Extract<Outcome, { kind: 'fail' }>;
		expect(failure.status).toBe(409);
		expect(directory()).toEqual(afterFirst);
		expect(failure.data.conflict).toMatchObject({
			by: 'Tracey, local area coordinator',
			rows: [
				{
					field: 'name',
					label: 'Name in English',
					theirs: 'Knit and Natter Club',
					started: 'Knit and natter',
					yours: null
				},
				{ field: 'cost', label: 'Cost', theirs: 'Low cost', started: 'Free', yours: 'Paid' }
			]
		});
		// The form again: their name (you did not touch it), your cost and note, the new version.
		const values = failure.data.values as FormFields;
		expect(values).toMatchObject({
			name: ['Knit and Natter Club'],
			cost: ['paid'],
			costDetail: ['£3 a session'],
			'session-1-note': ['Upstairs'],
			version: ['2']
		});

		// The second try names version 2 and goes through, keeping both people's changes.
		const retry = await outcome(() =>
			editPage.actions.save(event(path, users.council, { params, fields: values }))
		);
		expect(retry).toMatchObject({ kind: 'redirect', location: `${path}?done=saved` });
		expect(readEntry(db, fixture.group)).toMatchObject({
			version: 3,
			data: {
				name: 'Knit and Natter Club',
				cost: 'paid',
				costDetail: '£3 a session',
				sessions: [expect.objectContaining({ note: 'Upstairs' })]
			}
		});
	});

	it('says so, and changes nothing, when archive is pressed on an older version', async () => {
		const path = `/entries/${fixture.group}/edit`;
		const params = { id: String(fixture.group) };
		await outcome(() =>
			editPage.actions.save(
				event(path, users.coordinator, { params, fields: editForm(fixture.group) })
			)
		);
		const before = directory();
		const result = await outcome(() =>
			editPage.actions.archive(event(path, users.council, { params, fields: { version: ['1'] } }))
		);
		expect(result).toMatchObject({
			kind: 'fail',
			status: 409,
			data: { notice: expect.stringContaining('Someone else changed this entry') }
		});
		expect(directory()).toEqual(before);
	});
});

describe('the form, its errors and its rows', () => {
	it('sends the form back as typed with a message per field, and saves nothing', async () => {
		const path = `/entries/${fixture.group}/edit`;
		const fields = editForm(fixture.group, { 'session-1-end': '09:00', name: '' });
		const before = directory();
		const result = await outcome(() =>
			editPage.actions.save(
				event(path, users.coordinator, { params: { id: String(fixture.group) }, fields })
			)
		);
		expect(result).toMatchObject({
			kind: 'fail',
			status: 400,
			data: {
				errors: {
					name: 'Enter the name in English',
					'session-1-end': 'Enter an end time later than the start time for session 1'
				},
				values: fields
			}
		});
		expect(directory()).toEqual(before);
	});

	it('adds an empty row with everything typed kept', async () => {
		const fields = {
			...newGroupForm({ name: 'Typed so far' }),
			sessionRows: ['2'],
			more: ['session']
		};
		const result = await outcome(() =>
			newPage.actions.more(event('/entries/new', users.coordinator, { fields }))
		);
		const { more: _more, ...kept } = fields;
		void _more;
		expect(result).toEqual({
			kind: 'data',
			value: {
				errors: {},
				values: { ...kept, sessionRows: ['3'] },
				conflict: null,
				notice: null
			}
		});
	});

	it('publishes a draft with the whole form from its Save and publish button', async () => {
		const path = `/entries/${fixture.draft}/edit`;
		const fields = editForm(fixture.draft, { name: 'Repair cafe', status: 'draft' });
		const result = await outcome(() =>
			editPage.actions.publish(
				event(path, users.coordinator, { params: { id: String(fixture.draft) }, fields })
			)
		);
		expect(result).toMatchObject({ kind: 'redirect', location: `${path}?done=published` });
		expect(readEntry(db, fixture.draft)!.data).toMatchObject({
			name: 'Repair cafe',
			status: 'published'
		});
	});
});

describe('a session that runs out mid-form', () => {
	it('keeps what was typed, sends the person to sign in, and gives it back once after', async () => {
		const path = `/entries/${fixture.group}/edit`;
		const params = { id: String(fixture.group) };
		const jar = fakeCookies();
		const typed = editForm(fixture.group, {
			name: 'Typed before the session ran out',
			'session-1-note': 'Bring needles'
		});
		const before = directory();
		const posted = await outcome(() =>
			editPage.actions.save(event(path, null, { params, fields: typed, cookies: jar.cookies }))
		);
		expect(posted).toEqual({
			kind: 'redirect',
			status: 303,
			location: `/login?redirectTo=${encodeURIComponent(path)}`
		});
		expect(directory()).toEqual(before);
		expect(jar.options.get('patchwork_form_draft')).toMatchObject({ httpOnly: true, maxAge: 3600 });

		// Signed in again (as someone allowed to edit it), the page comes back with what was typed.
		const page = await outcome(() =>
			editPage.load(event(path, users.coordinator, { params, cookies: jar.cookies }))
		);
		expect(page).toMatchObject({
			kind: 'data',
			value: { restored: true, values: typed }
		});
		expect(db.select().from(t.formDrafts).all()).toEqual([]);
		const again = await outcome(() =>
			editPage.load(event(path, users.coordinator, { params, cookies: jar.cookies }))
		);
		expect(again).toMatchObject({ kind: 'data', value: { restored: false } });

		// And saving it then works as any save.
		const saved = await outcome(() =>
			editPage.actions.save(event(path, users.coordinator, { params, fields: typed }))
		);
		expect(saved).toMatchObject({ kind: 'redirect', location: `${path}?done=saved` });
		expect(readEntry(db, fixture.group)!.data.name).toBe('Typed before the session ran out');
	});

	it('keeps a draft for a typed form (save, more) and none for a bare button press', async () => {
		const path = `/entries/${fixture.group}/edit`;
		const params = { id: String(fixture.group) };
		const drafts = () => db.select().from(t.formDrafts).all().length;
		const posts: ['save' | 'more' | 'publish' | 'archive' | 'restore', FormFields, number][] = [
			['save', editForm(fixture.group), 1],
			['more', { ...editForm(fixture.group), more: ['session'] }, 1],
			['publish', { version: ['1'] }, 0],
			['archive', { version: ['1'] }, 0],
			['restore', { version: ['1'] }, 0]
		];
		for (const [action, fields, kept] of posts) {
			const before = drafts();
			const result = await outcome(() =>
				editPage.actions[action](event(path, null, { params, fields }))
			);
			expect(result).toMatchObject({
				kind: 'redirect',
				location: `/login?redirectTo=${encodeURIComponent(path)}`
			});
			expect(drafts() - before, action).toBe(kept);
		}
		const created = await outcome(() =>
			newPage.actions.save(event('/entries/new', null, { fields: newGroupForm() }))
		);
		expect(created).toMatchObject({ location: '/login?redirectTo=%2Fentries%2Fnew' });
	});

	it('does not give the draft to someone who may not edit the entry', async () => {
		const path = `/entries/${fixture.group}/edit`;
		const params = { id: String(fixture.group) };
		const jar = fakeCookies();
		await outcome(() =>
			editPage.actions.save(
				event(path, null, { params, fields: editForm(fixture.group), cookies: jar.cookies })
			)
		);
		const page = await outcome(() =>
			editPage.load(event(path, users.otherCoordinator, { params, cookies: jar.cookies }))
		);
		expect(page).toEqual({ kind: 'error', status: 403 });
		expect(db.select().from(t.formDrafts).all()).toHaveLength(1);
	});
});

describe('the public entry page, signed in', () => {
	const load = (id: number, user: SessionUser | null) =>
		outcome(() => assetPage.load(event(`/assets/${id}`, user, { params: { id: String(id) } })));

	it('shows a draft only to those who may edit it, marked as a draft; 404 for everyone else', async () => {
		expect(await load(fixture.draft, null)).toEqual({ kind: 'error', status: 404 });
		expect(await load(fixture.draft, users.otherCoordinator)).toEqual({
			kind: 'error',
			status: 404
		});
		for (const user of [users.coordinator, users.council, users.admin]) {
			expect(await load(fixture.draft, user)).toMatchObject({
				kind: 'data',
				value: {
					asset: { name: 'Draft repair cafe' },
					staff: { status: 'draft', editHref: `/entries/${fixture.draft}/edit` }
				}
			});
		}
	});

	it('shows coordinators-only contacts, marked, to the patch’s coordinator and never to a visitor', async () => {
		type Page = { contacts: { value: string; coordinatorsOnly?: boolean }[]; staff: unknown };
		const visitor = dataOf<Page>(await load(fixture.group, null));
		expect(visitor.contacts.map((c) => c.value)).toEqual(['01632 960190']);
		expect(visitor.staff).toBeNull();
		const other = dataOf<Page>(await load(fixture.group, users.otherCoordinator));
		expect(other.contacts.map((c) => c.value)).toEqual(['01632 960190']);
		const coordinator = dataOf<Page>(await load(fixture.group, users.coordinator));
		expect(coordinator.contacts.map((c) => [c.value, c.coordinatorsOnly])).toEqual([
			['01632 960190', false],
			['ann.private@example.org', true]
		]);
	});

	it('keeps an unchanged entry unchanged by looking at it', async () => {
		const before = db.select().from(t.assets).where(eq(t.assets.id, fixture.group)).get();
		await load(fixture.group, users.coordinator);
		expect(db.select().from(t.assets).where(eq(t.assets.id, fixture.group)).get()).toEqual(before);
	});
});
