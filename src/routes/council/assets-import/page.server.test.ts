/**
 * The council asset import page's load and actions called directly: who may use them, the check
 * (a dry run that saves nothing but the file), the import, and the errors a person sees.
 */
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import * as t from '$lib/server/db/schema';
import { createTestDb } from '$lib/server/auth/test-db';
import { thrownBy } from '$lib/server/auth/route-test-helpers';
import { readRealData } from '../../../../tests/real-data';
import type { SessionUser } from '$lib/server/auth';

const state = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock('$lib/server/db', () => ({ getDb: () => state.db }));

const page = await import('./+page.server');

const users: Record<'council' | 'admin' | 'coordinator', SessionUser> = {
	council: { id: 1, email: 'lead@example.org', displayName: 'Lead', role: 'council' },
	admin: { id: 2, email: 'admin@example.org', displayName: 'Admin', role: 'admin' },
	coordinator: { id: 3, email: 'sam@example.org', displayName: 'Sam', role: 'coordinator' }
};

const LIBRARIES = readRealData('trafford/assets/trafford_libraries.geojson');

let db: Db;
beforeEach(() => {
	db = createTestDb();
	state.db = db;
	for (const user of Object.values(users)) db.insert(t.users).values(user).run();
	db.insert(t.programmes).values({ slug: 'p', name: 'Test borough' }).run();
});

type Event = Parameters<typeof page.load>[0];
type ActionEvent = Parameters<(typeof page.actions)['check']>[0];

function loadEvent(user: SessionUser | null, url = 'http://localhost/council/assets-import') {
	return { url: new URL(url), locals: { user, session: null } } as unknown as Event;
}

function post(
	action: 'check' | 'import',
	user: SessionUser | null,
	fields: Record<string, string | File>
) {
	const body = new FormData();
	for (const [key, value] of Object.entries(fields)) body.set(key, value);
	const url = `http://localhost/council/assets-import?/${action}`;
	return {
		url: new URL(url),
		locals: { user, session: null },
		request: new Request(url, { method: 'POST', body })
	} as unknown as ActionEvent;
}

const file = (bytes: Uint8Array | string, name: string) =>
	new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name);
const assetCount = () => db.select({ id: t.assets.id }).from(t.assets).all().length;

async function check(user: SessionUser, fields: Record<string, string | File>): Promise<number> {
	const thrown = await thrownBy(() => page.actions.check(post('check', user, fields)));
	if (!isRedirect(thrown)) throw new Error(`expected a redirect, got ${JSON.stringify(thrown)}`);
	return Number(new URL(thrown.location, 'http://localhost').searchParams.get('run'));
}

describe('who may import assets', () => {
	it('sends someone signed out to sign in, and refuses a coordinator, in load and actions', async () => {
		const signedOut = await thrownBy(() => page.load(loadEvent(null)));
		expect(isRedirect(signedOut) && signedOut.location).toBe(
			'/login?redirectTo=%2Fcouncil%2Fassets-import'
		);
		const coordinator = await thrownBy(() => page.load(loadEvent(users.coordinator)));
		expect(isHttpError(coordinator) && coordinator.status).toBe(403);
		for (const action of ['check', 'import'] as const) {
			const refused = await thrownBy(() =>
				page.actions[action](
					post(action, users.coordinator, {
						format: 'geojson',
						status: 'draft',
						run: '1',
						file: file(LIBRARIES, 'l.geojson')
					})
				)
			);
			expect(isHttpError(refused) && refused.status).toBe(403);
		}
		expect(db.select().from(t.assetImportRuns).all()).toEqual([]);
	});

	it('lets council and admin users see the form', async () => {
		for (const user of [users.council, users.admin]) {
			const data = (await page.load(loadEvent(user))) as {
				formats: { value: string }[];
				run: unknown;
			};
			expect(data.formats.map((f) => f.value)).toEqual(['openreferral', 'geojson', 'csv', 'osm']);
			expect(data.run).toBeNull();
		}
	});
});

describe('check, then import', () => {
	it('checks without saving assets, shows the report, then imports it once', async () => {
		const runId = await check(users.council, {
			format: 'geojson',
			status: 'published',
			source: '',
			file: file(LIBRARIES, 'trafford_libraries.geojson')
		});
		expect(assetCount()).toBe(0);
		const checked = (await page.load(
			loadEvent(users.council, `http://localhost/council/assets-import?run=${runId}`)
		)) as {
			run: {
				state: string;
				report: { created: number; total: number; source: string; dryRun: boolean };
			};
		};
		expect(checked.run).toMatchObject({
			state: 'checked',
			report: { created: 13, total: 13, dryRun: true, source: 'geojson:trafford-libraries' }
		});

		// Someone else cannot see (or import) another person's checked file.
		const other = await thrownBy(() =>
			page.load(loadEvent(users.admin, `http://localhost/council/assets-import?run=${runId}`))
		);
		expect(isHttpError(other) && other.status).toBe(404);
		const otherImport = await page.actions.import(
			post('import', users.admin, { run: String(runId) })
		);
		expect(otherImport).toMatchObject({ status: 400 });
		expect(assetCount()).toBe(0);

		const imported = await thrownBy(() =>
			page.actions.import(post('import', users.council, { run: String(runId) }))
		);
		expect(isRedirect(imported) && imported.location).toBe(`/council/assets-import?run=${runId}`);
		expect(assetCount()).toBe(13);
		expect(
			db
				.select()
				.from(t.assets)
				.all()
				.every((a) => a.status === 'published')
		).toBe(true);
		const run = db.select().from(t.assetImportRuns).where(eq(t.assetImportRuns.id, runId)).get()!;
		expect(run).toMatchObject({ state: 'imported', upload: null, createdBy: users.council.id });

		const again = await page.actions.import(post('import', users.council, { run: String(runId) }));
		expect(again).toMatchObject({
			status: 400,
			data: { errors: { form: expect.stringContaining('already been imported') } }
		});
		expect(assetCount()).toBe(13);
		const shown = (await page.load(
			loadEvent(users.admin, `http://localhost/council/assets-import?run=${runId}`)
		)) as { run: { state: string; report: { dryRun: boolean } }; recent: unknown[] };
		expect(shown.run).toMatchObject({ state: 'imported', report: { dryRun: false } });
		expect(shown.recent).toHaveLength(1);
	});

	it('uses a mapping file', async () => {
		const mapping = JSON.stringify({ kind: 'venue', categories: ['Reading and languages'] });
		const runId = await check(users.council, {
			format: 'geojson',
			status: 'draft',
			file: file(LIBRARIES, 'libraries.geojson'),
			mapping: file(mapping, 'mapping.json')
		});
		await thrownBy(() =>
			page.actions.import(post('import', users.council, { run: String(runId) }))
		);
		expect(
			db
				.select()
				.from(t.assetCategories)
				.all()
				.map((c) => c.categoryId)
		).toEqual(Array(13).fill('reading-and-languages'));
	});
});

describe('what a person sees when something is wrong', () => {
	it('says the file could not be kept when the disk is full, and keeps nothing', async () => {
		const sqlite = (db as unknown as { $client: import('better-sqlite3').Database }).$client;
		sqlite.pragma(`max_page_count = ${sqlite.pragma('page_count', { simple: true })}`);
		const result = await page.actions.check(
			post('check', users.council, {
				format: 'geojson',
				status: 'draft',
				source: '',
				file: file(LIBRARIES, 'trafford_libraries.geojson')
			})
		);
		expect(result).toMatchObject({
			status: 503,
			data: {
				errors: {
					form: 'Sorry, the file could not be checked because of a problem with the service. Nothing has been imported. Try again later.'
				},
				values: { format: 'geojson', status: 'draft' }
			}
		});
		expect(db.select().from(t.assetImportRuns).all()).toEqual([]);
		expect(assetCount()).toBe(0);
	});

	it('names each missing or wrong field', async () => {
		const result = await page.actions.check(
			post('check', users.council, { source: 'Not Allowed!' })
		);
		expect(result).toMatchObject({
			status: 400,
			data: {
				errors: {
					format: 'Choose what kind of file it is',
					status: 'Choose whether new assets are drafts or published',
					source: 'The source name can only have lower-case letters, digits and - _ . :',
					file: 'Select a file to import'
				}
			}
		});
	});

	it('says what is wrong with a file it cannot read, and keeps nothing', async () => {
		const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]);
		const result = await page.actions.check(
			post('check', users.council, {
				format: 'openreferral',
				status: 'draft',
				file: file(zip, 'feed.json')
			})
		);
		expect(result).toMatchObject({
			status: 400,
			data: {
				errors: { file: expect.stringContaining('feed.json is a zip file') },
				values: { format: 'openreferral' }
			}
		});
		expect(db.select().from(t.assetImportRuns).all()).toEqual([]);
	});

	it('says what is wrong with a mapping file', async () => {
		const result = await page.actions.check(
			post('check', users.council, {
				format: 'csv',
				status: 'draft',
				file: file('name\nA\n', 'a.csv'),
				mapping: file('{"kind": "castle"}', 'm.json')
			})
		);
		expect(result).toMatchObject({
			status: 400,
			data: { errors: { mapping: expect.stringContaining('m.json: field "kind"') } }
		});
	});
});
