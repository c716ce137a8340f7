/**
 * The "Suggest a change" form action called directly, on a database whose disk is full: the
 * resident must be told their suggestion was not sent, keep what they typed, and nothing is claimed.
 */
import { isActionFailure } from '@sveltejs/kit';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '$lib/server/db/client';
import * as t from '$lib/server/db/schema';
import { createTestDb } from '$lib/server/auth/test-db';
import { fakeEvent } from '$lib/server/auth/route-test-helpers';
import { countRealSuggestions, fillDiskForSuggestions } from '$lib/server/db/test-full-disk';

const state = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock('$lib/server/db', () => ({ getDb: () => state.db }));

const { actions } = await import('./+page.server');

let db: Db;
let assetId: number;
let n = 0;
beforeEach(() => {
	db = createTestDb();
	state.db = db;
	db.insert(t.programmes).values({ slug: 'p', name: 'P' }).run();
	const { lastInsertRowid } = db
		.insert(t.assets)
		.values({
			programmeId: 1,
			kind: 'group',
			name: 'Knit and natter',
			status: 'published',
			locationKind: 'online'
		})
		.run();
	assetId = Number(lastInsertRowid);
});

type Ev = Parameters<NonNullable<typeof actions.default>>[0];
// A new address each time: the suggestions limiter lives as long as the module.
const suggest = (form: Record<string, string>) => {
	const url = `http://localhost/assets/${assetId}/suggest`;
	const event = fakeEvent({ url, form, ip: `198.51.100.${++n}` });
	return actions.default!({ ...event, params: { id: String(assetId) } } as unknown as Ev);
};

const FORM = { kind: 'change', details: 'It meets on Thursdays now', submitterName: 'Ann' };

describe('suggesting a change to an entry', () => {
	it('thanks the resident and stores the suggestion', async () => {
		expect(await suggest(FORM)).toEqual({ sent: true });
		expect(countRealSuggestions(db)).toBe(1);
	});

	// Issue 14, finding 5: `__proto__=x` in the body made the answer impossible to send (a 500).
	it('keeps only its own fields, so a field called __proto__ is dropped', async () => {
		const result = await suggest({
			['__proto__']: 'x',
			hasOwnProperty: 'y',
			kind: 'change'
		} as Record<string, string>);
		if (!isActionFailure(result))
			throw new Error(`expected a failure, got ${JSON.stringify(result)}`);
		expect(result.status).toBe(400);
		const values = (result.data as unknown as { values: object }).values;
		expect(Object.keys(values)).not.toContain('__proto__');
		expect(Object.keys(values)).not.toContain('hasOwnProperty');
		expect(values).toMatchObject({ kind: 'change' });
		expect(countRealSuggestions(db)).toBe(0);
	});

	it('says the suggestion was not sent, keeps what was typed, and stores nothing, when the disk is full', async () => {
		fillDiskForSuggestions(db);
		const result = await suggest(FORM);
		if (!isActionFailure(result))
			throw new Error(`expected a failure, got ${JSON.stringify(result)}`);
		expect(result.status).toBe(503);
		expect(result.data).toMatchObject({
			errors: {
				form: 'Sorry, your suggestion could not be sent because of a problem with the service. Try again later.'
			},
			values: { kind: 'change', details: 'It meets on Thursdays now' }
		});
		expect(countRealSuggestions(db)).toBe(0);
	});
});
