/**
 * The duplicate review page's load and actions called directly: what the comparison shows and what
 * each decision does. Who may use them is the staff permission table's test
 * (tests/integration/staff-permissions.test.ts).
 */
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as t from '$lib/server/db/schema';
import type { Db } from '$lib/server/db/client';
import type { SessionUser } from '$lib/server/auth/roles';
import { createDuplicatesFixture } from '$lib/server/staff/duplicates-fixture';

const state = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock('$lib/server/db', () => ({ getDb: () => state.db }));

const page = await import('./+page.server');

let fixture: ReturnType<typeof createDuplicatesFixture>;
let db: Db;
beforeEach(() => {
	fixture = createDuplicatesFixture();
	db = fixture.db;
	state.db = db;
});

type LoadEvent = Parameters<typeof page.load>[0];
type ActionEvent = Parameters<(typeof page.actions)['merge']>[0];

const path = () => `http://localhost/staff/duplicates/${fixture.flagId}`;
const loadEvent = (user: SessionUser | null) =>
	({
		url: new URL(path()),
		params: { id: String(fixture.flagId) },
		locals: { user, session: null }
	}) as unknown as LoadEvent;

function post(
	action: 'merge' | 'keepBoth',
	user: SessionUser | null,
	fields: Record<string, string>
) {
	const body = new FormData();
	for (const [key, value] of Object.entries(fields)) body.set(key, value);
	const url = `${path()}?/${action}`;
	return {
		url: new URL(url),
		params: { id: String(fixture.flagId) },
		locals: { user, session: null },
		request: new Request(url, { method: 'POST', body })
	} as unknown as ActionEvent;
}

/** Everything a decision could change. */
const snapshot = () =>
	JSON.stringify([
		db.select().from(t.assets).all(),
		db.select().from(t.assetDuplicateFlags).all(),
		db.select().from(t.auditLog).all()
	]);

const mergeFields = { keep: 'a', versionA: '1', versionB: '1', 'field.description': 'b' };

/** What a role gets from a load or an action: 'ok', a redirect, 'sign in', or the refusal's status. */
async function outcome(run: () => unknown): Promise<string> {
	try {
		await run();
		return 'ok';
	} catch (thrown) {
		if (isRedirect(thrown)) {
			return thrown.location.startsWith('/login') ? 'sign in' : `redirect ${thrown.location}`;
		}
		if (isHttpError(thrown)) return String(thrown.status);
		throw thrown;
	}
}

describe('the comparison', () => {
	it('lists the fields that differ with both values in words, and the same ones apart', async () => {
		const data = (await page.load(loadEvent(fixture.users.coordinator))) as {
			fields: { key: string; differs: boolean; a: string[]; b: string[] }[];
		};
		const differing = data.fields.filter((field) => field.differs).map((field) => field.key);
		expect(differing).toEqual([
			'name',
			'description',
			'where',
			'categories',
			'sessions',
			'contacts'
		]);
		const categories = data.fields.find((field) => field.key === 'categories')!;
		expect(categories.a).toEqual(['Not given']);
		expect(categories.b).toEqual(['Faith']);
	});

	it('merges: the pair is resolved and the list says so', async () => {
		expect(
			await outcome(() => page.actions.merge(post('merge', fixture.users.coordinator, mergeFields)))
		).toBe('redirect /staff/duplicates?done=merged');
		expect(db.select().from(t.assetDuplicateFlags).get()?.status).toBe('resolved');
	});

	it('keeps both: the pair is closed and the list says so', async () => {
		expect(
			await outcome(() => page.actions.keepBoth(post('keepBoth', fixture.users.council, {})))
		).toBe('redirect /staff/duplicates?done=kept');
		expect(db.select().from(t.assetDuplicateFlags).get()?.status).toBe('not_duplicate');
	});

	it('refuses a merge chosen on an older view of the entries, with a message and no change', async () => {
		const before = snapshot();
		const result = await page.actions.merge(
			post('merge', fixture.users.coordinator, { ...mergeFields, versionA: '0' })
		);
		expect(result).toMatchObject({
			status: 409,
			data: { message: expect.stringContaining('Someone changed one of these entries') }
		});
		expect(snapshot()).toBe(before);
	});
});
