import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../db/client';
import {
	claimBlock,
	clearKey,
	countAttempt,
	currentCount,
	limitKey,
	refundAttempt,
	sweepRateLimits
} from './store';

const T0 = 1_800_000_000_000;
const WINDOW = 60_000;
let dir: string;
let opened: OpenedDatabase[];
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'patchwork-limits-'));
	opened = [];
});
afterEach(() => {
	for (const o of opened) o.sqlite.close();
	rmSync(dir, { recursive: true, force: true });
});

/** A connection to one database file, as each process (or a restarted one) has. */
function connect(): OpenedDatabase {
	const o = openDatabase(join(dir, 'limits.db'));
	opened.push(o);
	return o;
}

describe('the rate-limit store', () => {
	it('counts per key and window, and starts a new window when the last is over', () => {
		const { db } = connect();
		expect(countAttempt(db, 'k', WINDOW, T0).count).toBe(1);
		expect(countAttempt(db, 'k', WINDOW, T0 + 10).count).toBe(2);
		expect(countAttempt(db, 'other', WINDOW, T0).count).toBe(1);
		expect(currentCount(db, 'k', WINDOW, T0 + WINDOW - 1)).toBe(2);
		expect(currentCount(db, 'k', WINDOW, T0 + WINDOW)).toBe(0);
		expect(countAttempt(db, 'k', WINDOW, T0 + WINDOW)).toEqual({
			count: 1,
			windowStartedAt: T0 + WINDOW,
			blockedUntil: null
		});
		refundAttempt(db, 'k');
		refundAttempt(db, 'k');
		expect(currentCount(db, 'k', WINDOW, T0 + WINDOW)).toBe(0);
	});

	it('keeps counts across a restart', () => {
		const first = connect();
		for (let i = 0; i < 7; i++) countAttempt(first.db, 'k', WINDOW, T0);
		first.sqlite.close();
		opened = [];
		const restarted = connect();
		expect(countAttempt(restarted.db, 'k', WINDOW, T0 + 1).count).toBe(8);
	});

	it('shares counts and blocks between two processes on one file', () => {
		const one = connect();
		const two = connect();
		for (let i = 0; i < 50; i++) {
			countAttempt(one.db, 'k', WINDOW, T0);
			countAttempt(two.db, 'k', WINDOW, T0);
		}
		expect(currentCount(one.db, 'k', WINDOW, T0)).toBe(100);
		// Of two processes claiming one block at once, one gets it.
		expect(claimBlock(one.db, 'k', T0 + 5_000, T0)).toBe(true);
		expect(claimBlock(two.db, 'k', T0 + 5_000, T0)).toBe(false);
		expect(claimBlock(two.db, 'k', T0 + 10_000, T0 + 5_000)).toBe(true);
		clearKey(two.db, 'k');
		expect(currentCount(one.db, 'k', WINDOW, T0)).toBe(0);
	});

	it('holds no address or email in its keys', () => {
		const key = limitKey('sign-in:account', 'sam@example.org');
		expect(key).toMatch(/^sign-in:account:[\w-]{22}$/);
		expect(key).not.toContain('sam');
		expect(limitKey('sign-in:account', 'sam@example.org')).toBe(key);
		expect(limitKey('sign-in:account', 'sam@example.com')).not.toBe(key);
	});

	it('sweeps keys untouched for two days that are not blocked', () => {
		const { db } = connect();
		countAttempt(db, 'old', WINDOW, T0);
		countAttempt(db, 'blocked', WINDOW, T0);
		claimBlock(db, 'blocked', T0 + 3 * 24 * 3600_000, T0);
		countAttempt(db, 'new', WINDOW, T0 + 2 * 24 * 3600_000);
		expect(sweepRateLimits(db, T0 + 2 * 24 * 3600_000 + 1)).toBe(1);
		expect(currentCount(db, 'new', WINDOW, T0 + 2 * 24 * 3600_000)).toBe(1);
	});
});
