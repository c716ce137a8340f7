import { describe, expect, it } from 'vitest';
import { freshnessLabel, isStale } from '../format';
import {
	DEFAULT_FRESHNESS,
	checkedSince,
	importedOn,
	freshnessCutoffs,
	freshnessState,
	isStaleState,
	monthsBefore,
	type FreshnessSettings
} from './index';
import { FRESHNESS_MESSAGES, freshnessSettingsSchema } from './settings';

function addDays(iso: string, days: number): string {
	const [y, m, d] = iso.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

describe('monthsBefore', () => {
	it('is the same day N months earlier, kept inside shorter months', () => {
		expect(monthsBefore('2026-11-25', 6)).toBe('2026-05-25');
		expect(monthsBefore('2026-08-31', 6)).toBe('2026-02-28');
		expect(monthsBefore('2028-08-31', 6)).toBe('2028-02-29');
		expect(monthsBefore('2026-01-15', 18)).toBe('2024-07-15');
		expect(monthsBefore('2026-03-31T10:00:00Z', 1)).toBe('2026-02-28');
	});

	it('refuses months that are not whole', () => {
		expect(() => monthsBefore('2026-01-01', 1.5)).toThrow(RangeError);
		expect(() => monthsBefore('not a date', 1)).toThrow(RangeError);
	});
});

describe('freshnessState with the default 6, 12 and 18 months', () => {
	const today = '2026-11-25';
	const state = (checked: string | null, created?: string) =>
		freshnessState(checked, DEFAULT_FRESHNESS, today, created);

	it('turns at each month edge the day after the same date', () => {
		expect(state('2026-11-25')).toBe('fresh');
		expect(state('2026-05-25')).toBe('fresh');
		expect(state('2026-05-24')).toBe('due');
		expect(state('2025-11-25')).toBe('due');
		expect(state('2025-11-24')).toBe('stale');
		expect(state('2025-05-25')).toBe('stale');
		expect(state('2025-05-24')).toBe('archive');
	});

	it('keeps month ends inside shorter months', () => {
		// 31 August less 6 months is 28 February (2026 is not a leap year).
		const s = (checked: string) => freshnessState(checked, DEFAULT_FRESHNESS, '2026-08-31');
		expect(s('2026-02-28')).toBe('fresh');
		expect(s('2026-02-27')).toBe('due');
	});

	it('calls a never-checked entry stale, and archives it only once its record is old enough', () => {
		expect(state(null)).toBe('stale');
		expect(state('')).toBe('stale');
		expect(state(null, '2026-11-01T09:00:00.000Z')).toBe('stale');
		expect(state(null, '2025-05-25T09:00:00.000Z')).toBe('stale');
		expect(state(null, '2025-05-24T23:00:00.000Z')).toBe('archive');
		expect(isStaleState(state(null))).toBe(true);
		expect(isStaleState('due')).toBe(false);
	});

	it('agrees with the public stale label (isStale) every day around the cutoff', () => {
		for (let t = 0; t < 730; t += 5) {
			const day = addDays('2025-01-01', t);
			const cutoff = freshnessCutoffs(DEFAULT_FRESHNESS, day).stale;
			for (let k = -3; k <= 3; k++) {
				const checked = addDays(cutoff, k);
				expect(isStaleState(freshnessState(checked, DEFAULT_FRESHNESS, day))).toBe(
					isStale(checked, day, DEFAULT_FRESHNESS.checkStaleMonths)
				);
			}
		}
	});
});

describe('when the council changes the settings', () => {
	it('moves every state with them, for the same entry on the same day', () => {
		const checked = '2026-02-10';
		const today = '2026-11-25';
		const strict: FreshnessSettings = {
			checkDueMonths: 3,
			checkStaleMonths: 6,
			archiveAfterMonths: 9
		};
		const relaxed: FreshnessSettings = {
			checkDueMonths: 12,
			checkStaleMonths: 24,
			archiveAfterMonths: 36
		};
		expect(freshnessState(checked, DEFAULT_FRESHNESS, today)).toBe('due');
		expect(freshnessState(checked, strict, today)).toBe('archive');
		expect(freshnessState(checked, relaxed, today)).toBe('fresh');
		expect(isStale(checked, today, strict.checkStaleMonths)).toBe(true);
		expect(isStale(checked, today, relaxed.checkStaleMonths)).toBe(false);
	});
});

describe('the settings form', () => {
	const parse = (values: Record<string, string>) => freshnessSettingsSchema.safeParse(values);

	it('takes whole months from 1 to 60 with due < stale < archive', () => {
		const result = parse({
			checkDueMonths: ' 3 ',
			checkStaleMonths: '9',
			archiveAfterMonths: '60'
		});
		expect(result.success && result.data).toEqual({
			checkDueMonths: 3,
			checkStaleMonths: 9,
			archiveAfterMonths: 60
		});
	});

	it('refuses 0, 61, decimals, words and a wrong order, each with its message', () => {
		const messages = (values: Record<string, string>) => {
			const result = parse(values);
			const first: Record<string, string> = {};
			if (!result.success)
				for (const i of result.error.issues) first[String(i.path[0])] ??= i.message;
			return first;
		};
		expect(
			messages({ checkDueMonths: '0', checkStaleMonths: '61', archiveAfterMonths: '2.5' })
		).toEqual({
			checkDueMonths: FRESHNESS_MESSAGES.checkDueMonths,
			checkStaleMonths: FRESHNESS_MESSAGES.checkStaleMonths,
			archiveAfterMonths: FRESHNESS_MESSAGES.archiveAfterMonths
		});
		expect(
			messages({ checkDueMonths: 'six', checkStaleMonths: '', archiveAfterMonths: '18' })
		).toMatchObject({
			checkDueMonths: FRESHNESS_MESSAGES.checkDueMonths,
			checkStaleMonths: FRESHNESS_MESSAGES.checkStaleMonths
		});
		expect(
			messages({ checkDueMonths: '12', checkStaleMonths: '12', archiveAfterMonths: '11' })
		).toEqual({
			checkStaleMonths: FRESHNESS_MESSAGES.staleAfterDue,
			archiveAfterMonths: FRESHNESS_MESSAGES.archiveAfterStale
		});
	});
});

describe('imported entries never checked', () => {
	it('count from the day they were imported, in the label and in the stale rule alike', () => {
		const imported = importedOn({
			source: 'trafford-places-of-worship',
			createdAt: '2026-11-25T10:00:00.000Z'
		});
		expect(imported).toBe('2026-11-25');
		expect(freshnessLabel(null, '2026-12-06', 'en', 12, imported)).toBe(
			'Imported on 25 November 2026, not checked since'
		);
		expect(freshnessLabel(null, '2026-12-06', 'cy', 12, imported)).toBe(
			'Mewnforiwyd ar 25 Tachwedd 2026, heb ei wirio ers hynny'
		);
		expect(isStale(null, '2026-12-06', 12, imported)).toBe(false);
		// Stale the day after 12 months have passed since the import, as for a check on that day.
		expect(isStale(null, '2027-11-25', 12, imported)).toBe(false);
		expect(isStale(null, '2027-11-26', 12, imported)).toBe(true);
		expect(isStale('2026-11-25', '2027-11-26', 12)).toBe(true);
	});

	it('a later check wins over the import date; entries made in Patchwork are not imports', () => {
		expect(freshnessLabel('2026-12-01', '2026-12-06', 'en', 12, '2025-01-01')).toBe(
			'Last checked 1 December 2026'
		);
		expect(importedOn({ source: 'patchwork', createdAt: '2026-11-25T10:00:00.000Z' })).toBeNull();
		expect(freshnessLabel(null, '2026-12-06', 'en', 12, null)).toBe('Not checked yet');
		expect(isStale(null, '2026-12-06', 12, null)).toBe(true);
		expect(checkedSince(null, '2026-11-25')).toBe('2026-11-25');
		expect(checkedSince('2026-12-01', '2026-11-25')).toBe('2026-12-01');
	});
});
