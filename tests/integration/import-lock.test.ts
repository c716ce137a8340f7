/**
 * Issue 14, finding 4: a command-line import of 25,000 rows, run beside the site, must not break it.
 * While the import runs in a child process on the same database file, this process keeps using it
 * as the site does (the home page and search loads, the suggestion form and sign-in actions, on a
 * connection opened with the server's settings): no step may fail, and every write the person was
 * told succeeded must be there afterwards. How long reads took meanwhile is measured by
 * `npm run bench:import-lock`, not asserted here.
 */
import { isRedirect, type RequestEvent } from '@sveltejs/kit';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { count, eq, inArray } from 'drizzle-orm';
import { openDatabase } from '../../src/lib/server/db/client';
import { SERVER_BUSY_TIMEOUT_MS } from '../../src/lib/server/db/busy';
import * as t from '../../src/lib/server/db/schema';
import { createUser } from '../../src/lib/server/auth';
import { fakeEvent } from '../../src/lib/server/auth/route-test-helpers';
import {
	runStream,
	startImport,
	writeLargeCsv,
	type StreamStep
} from '../../src/cli/bench/import-beside';
import { SPAWNING_TEST_TIMEOUT_MS } from '../spawn';

vi.setConfig({ testTimeout: SPAWNING_TEST_TIMEOUT_MS });

const state = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock('$lib/server/db', () => ({ getDb: () => state.db }));

const home = await import('../../src/routes/+page.server');
const search = await import('../../src/routes/search/+page.server');
const suggest = await import('../../src/routes/suggest/+page.server');
const login = await import('../../src/routes/login/+page.server');

const ROWS = 25_000;
const folder = mkdtempSync(join(tmpdir(), 'patchwork-lock-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

type Ev = RequestEvent & Parameters<NonNullable<typeof suggest.actions.default>>[0];
const ev = (input: Parameters<typeof fakeEvent>[0]) => fakeEvent(input) as unknown as Ev;

it(`a ${ROWS.toLocaleString('en-GB')}-row import beside the site's reads and writes breaks none of them and loses nothing`, async () => {
	const database = join(folder, 'lock.db');
	const csv = join(folder, 'groups.csv');
	writeLargeCsv(csv, ROWS);
	const { db, sqlite } = openDatabase(database, { busyTimeoutMs: SERVER_BUSY_TIMEOUT_MS });
	state.db = db;
	db.insert(t.programmes).values({ slug: 'lock-test', name: 'Lock test' }).run();
	db.insert(t.categories).values({ id: 'food', name: 'Food and shared meals' }).run();
	const password = 'a long enough password';
	await createUser(db, {
		email: 'sam@example.org',
		displayName: 'Sam',
		role: 'coordinator',
		password
	});

	const suggested: string[] = [];
	let signIns = 0;
	const steps: StreamStep[] = [
		{
			name: 'home page',
			kind: 'read',
			run: async () =>
				Boolean(((await home.load(ev({}) as never)) as { programme?: object }).programme)
		},
		{
			name: 'search',
			kind: 'read',
			run: async (n) => {
				const data = (await search.load(
					ev({ url: `http://localhost/search?q=group+${n % 97}` }) as never
				)) as { search?: object };
				return Boolean(data.search);
			}
		},
		{
			name: 'suggestion',
			kind: 'write',
			run: async (n) => {
				const name = `Beside the import ${n}`;
				const form = {
					name,
					description: 'A group suggested while an import runs',
					whenWhere: 'Saturdays at the hall',
					category: 'food',
					kind: 'group',
					submitterName: 'Ann',
					submitterEmail: 'ann@example.org'
				};
				// A new address each time: the limit is five an hour per address.
				const ip = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
				const result = (await suggest.actions.default!(
					ev({ url: 'http://localhost/suggest', form, ip })
				)) as { sent?: boolean; status?: number };
				if (result.sent !== true) throw new Error(`not sent (${result.status})`);
				suggested.push(name);
				return true;
			}
		},
		{
			name: 'sign-in',
			kind: 'write',
			run: async (n) => {
				const form = { email: 'sam@example.org', password };
				const ip = `172.16.${(n >> 8) & 255}.${n & 255}`;
				try {
					const result = await login.actions.default!(
						ev({ url: 'http://localhost/login', form, ip }) as never
					);
					throw new Error(`not signed in (${JSON.stringify(result)})`);
				} catch (thrown) {
					if (!isRedirect(thrown)) throw thrown;
					signIns++;
					return true;
				}
			}
		}
	];

	const child = startImport(database, csv, { programme: 'Lock test', source: 'lock-test' });
	const stream = await runStream(steps, child.running);
	const { code, output } = await child.done;

	expect(output).toContain('25,000');
	expect(code).toBe(0);
	expect(stream.errors).toEqual([]);
	// The stream did run beside the import, not only after it.
	expect(stream.duringImport).toBeGreaterThan(steps.length);
	expect(stream.acknowledged).toBe(suggested.length + signIns);

	// Every acknowledged write is there, and the whole import.
	const [{ stored }] = db
		.select({ stored: count() })
		.from(t.suggestions)
		.where(inArray(t.suggestions.kind, ['new']))
		.all();
	const names = db
		.select({ details: t.suggestions.details })
		.from(t.suggestions)
		.all()
		.map((row) => (row.details as { name: string }).name);
	expect(stored).toBe(suggested.length);
	expect(new Set(names)).toEqual(new Set(suggested));
	const [{ sessions }] = db.select({ sessions: count() }).from(t.loginSessions).all();
	expect(sessions).toBe(signIns);
	const [{ imported }] = db
		.select({ imported: count() })
		.from(t.assets)
		.where(eq(t.assets.source, 'lock-test'))
		.all();
	expect(imported).toBe(ROWS);
	expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
	console.log(
		`import-lock: ${stream.readMs.length} reads, ${suggested.length} suggestions and ${signIns} sign-ins beside the import, 0 errors`
	);
	sqlite.close();
});
