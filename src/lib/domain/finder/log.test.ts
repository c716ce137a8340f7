import { describe, expect, it } from 'vitest';
import { countRows, countsCsv, monthLabel, shownCount } from './log';

describe('small counts', () => {
	it('hides 1-4 outside one’s own patches, never 0 or 5', () => {
		expect([0, 1, 4, 5, 1234].map((n) => shownCount(n, false))).toEqual([
			'0',
			'fewer than 5',
			'fewer than 5',
			'5',
			'1,234'
		]);
		expect(shownCount(1, true)).toBe('1');
		expect(monthLabel('2026-02')).toBe('February 2026');
	});
});

describe('countsCsv', () => {
	it('neutralises a patch or theme name that a spreadsheet would run as a formula', () => {
		const rows = countRows(
			[
				{
					patchId: 1,
					patchName: '=HYPERLINK("http://x")',
					theme: 't',
					themeName: '@SUM(A1)',
					month: '2026-11',
					kind: 'connected',
					count: 3
				}
			],
			[]
		);
		expect(countsCsv(rows)).toBe(
			'\uFEFFpatch,theme,month,outcome,count\r\n"\'=HYPERLINK(""http://x"")",\'@SUM(A1),November 2026,Connected,fewer than 5\r\n'
		);
	});
});
