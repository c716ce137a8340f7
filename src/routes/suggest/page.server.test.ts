/**
 * The "Suggest a group" form action called directly, on a database whose disk is full: the resident
 * must be told their suggestion was not sent, keep what they typed, and nothing may be claimed.
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
let n = 0;
beforeEach(() => {
	db = createTestDb();
	state.db = db;
	db.insert(t.categories).values({ id: 'food', name: 'Food and shared meals' }).run();
});

const FORM = {
	name: 'Repair cafe',
	description: 'Fixing things together',
	whenWhere: 'Saturdays at the hall',
	category: 'food',
	kind: 'group',
	submitterName: 'Ann',
	submitterEmail: 'ann@example.org'
};

type Ev = Parameters<NonNullable<typeof actions.default>>[0];
// A new address each time: the suggestions limiter lives as long as the module.
const suggest = (form: Record<string, string>) =>
	actions.default!(
		fakeEvent({ url: 'http://localhost/suggest', form, ip: `192.0.2.${++n}` }) as unknown as Ev
	);

describe('suggesting a group', () => {
	it('thanks the resident and stores the suggestion', async () => {
		const result = await suggest(FORM);
		expect(result).toEqual({ sent: true, name: 'Repair cafe' });
		expect(countRealSuggestions(db)).toBe(1);
	});

	// Issue 14, finding 5: `__proto__=x` in the body made the answer impossible to send (a 500).
	it('keeps only its own fields, so a field called __proto__ is dropped', async () => {
		const result = await suggest({
			['__proto__']: 'x',
			constructor: 'y',
			toString: 'z',
			name: 'Repair cafe'
		} as Record<string, string>);
		if (!isActionFailure(result))
			throw new Error(`expected a failure, got ${JSON.stringify(result)}`);
		expect(result.status).toBe(400);
		const values = (result.data as unknown as { values: object }).values;
		expect(Object.keys(values)).not.toContain('__proto__');
		expect(Object.keys(values)).not.toContain('constructor');
		expect(values).toMatchObject({ name: 'Repair cafe' });
		expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
		expect(countRealSuggestions(db)).toBe(0);
	});

	it('stores a good suggestion sent with those fields too', async () => {
		const result = await suggest({ ...FORM, constructor: 'y', toString: 'z', valueOf: 'v' });
		expect(result).toEqual({ sent: true, name: 'Repair cafe' });
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
			values: { name: 'Repair cafe', whenWhere: 'Saturdays at the hall' }
		});
		expect(result.data).not.toHaveProperty('sent');
		expect(countRealSuggestions(db)).toBe(0);
	});
});
