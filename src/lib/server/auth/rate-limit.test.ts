import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { createTestDb } from './test-db';
import { SIGN_IN_LIMITS, accountWaitMs, admitSignIn, settleSignIn, waitWords } from './rate-limit';

const T0 = 1_800_000_000_000;
let db: Db;
beforeEach(() => {
	db = createTestDb();
});

const attempt = (email: string, address: string, now = T0) =>
	admitSignIn(db, { email, address, now });

describe('admitSignIn: per address', () => {
	it('admits 10 attempts, then one per 10 seconds, with the wait in the message', () => {
		for (let i = 0; i < 10; i++) expect(attempt(`a${i}@example.org`, '192.0.2.1').ok).toBe(true);
		expect(attempt('b@example.org', '192.0.2.1').ok).toBe(true); // the slow lane
		const refused = attempt('c@example.org', '192.0.2.1', T0 + 4_000);
		expect(refused).toEqual({
			ok: false,
			refusal: {
				scope: 'address',
				retryAfterMs: 6_000,
				message: 'Too many attempts from your network. Wait 6 seconds and try again.'
			}
		});
		expect(attempt('c@example.org', '192.0.2.1', T0 + 10_000).ok).toBe(true);
		expect(attempt('d@example.org', '192.0.2.2').ok).toBe(true);
	});

	it('starts again after 15 minutes', () => {
		for (let i = 0; i < 12; i++) attempt(`a${i}@example.org`, '192.0.2.1');
		const later = T0 + SIGN_IN_LIMITS.addressWindowMs + 1;
		for (let i = 0; i < 10; i++)
			expect(attempt(`e${i}@example.org`, '192.0.2.1', later).ok).toBe(true);
	});

	it('gives back the attempt of a sign-in, so a shared address is not used up by its own staff', () => {
		for (let i = 0; i < 20; i++) {
			const admitted = attempt(`staff${i}@example.org`, '192.0.2.1');
			expect(admitted.ok, `attempt ${i}`).toBe(true);
			if (admitted.ok) settleSignIn(db, admitted.ticket, true);
		}
	});
});

describe('admitSignIn: per account', () => {
	it('admits 5, then one per wait, the waits doubling to 5 minutes at most', () => {
		const admitted = () =>
			attempt('sam@example.org', `10.0.0.${Math.floor(Math.random() * 250)}`, now);
		let now = T0;
		for (let i = 0; i < 6; i++) expect(admitted().ok).toBe(true);
		expect(admitted().ok).toBe(false);
		const waits: number[] = [];
		for (let i = 0; i < 10; i++) {
			const refused = admitted();
			if (refused.ok) throw new Error('expected a refusal');
			waits.push(refused.refusal.retryAfterMs);
			now += refused.refusal.retryAfterMs;
			expect(admitted().ok).toBe(true);
		}
		expect(waits).toEqual([2, 4, 8, 16, 32, 64, 128, 256, 300, 300].map((s) => s * 1000));
	});

	it('starts the account again at a sign-in', () => {
		for (let i = 0; i < 6; i++) attempt('sam@example.org', `10.0.0.${i}`);
		expect(attempt('sam@example.org', '10.0.1.1').ok).toBe(false);
		const after = T0 + 2_000;
		const admitted = attempt('sam@example.org', '10.0.1.1', after);
		if (!admitted.ok) throw new Error('expected admission');
		settleSignIn(db, admitted.ticket, true);
		for (let i = 0; i < 5; i++)
			expect(attempt('SAM@example.org ', '10.0.2.1', after).ok).toBe(true);
	});
});

describe('waitWords and accountWaitMs', () => {
	it('says a wait in plain words, rounded up', () => {
		expect(waitWords(1)).toBe('1 second');
		expect(waitWords(9_001)).toBe('10 seconds');
		expect(waitWords(60_000)).toBe('1 minute');
		expect(waitWords(64_000)).toBe('2 minutes');
	});

	it('doubles from 2 seconds and stops at 5 minutes', () => {
		expect([6, 7, 8, 13, 14, 40].map(accountWaitMs)).toEqual([
			2_000, 4_000, 8_000, 256_000, 300_000, 300_000
		]);
	});
});
