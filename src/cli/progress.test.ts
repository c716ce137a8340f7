import { describe, expect, it } from 'vitest';
import { createProgress } from './progress';

function stream(isTTY: boolean) {
	const written: string[] = [];
	return { isTTY, written, write: (text: string) => written.push(text) };
}

describe('createProgress', () => {
	it('prints a line every tenth of the way in a log', () => {
		const out = stream(false);
		const progress = createProgress({ stream: out, minTotal: 10 });
		for (let done = 0; done <= 1000; done += 25) progress.update('Reading', done, 1000);
		progress.end();
		expect(out.written).toEqual(
			[10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map(
				(p) => `Reading: ${p}% (${(p * 10).toLocaleString('en-GB')} of 1,000)\n`
			)
		);
	});

	it('redraws one line on a terminal, and ends it', () => {
		const out = stream(true);
		const progress = createProgress({ stream: out, minTotal: 10 });
		progress.update('Saving', 0, 200);
		progress.update('Saving', 200, 200);
		progress.end();
		expect(out.written).toEqual([
			'\rSaving [------------------------]   0% 0 of 200',
			'\rSaving [########################] 100% 200 of 200',
			'\n'
		]);
	});

	it('shows nothing for short files', () => {
		const out = stream(false);
		createProgress({ stream: out, minTotal: 500 }).update('Reading', 10, 20);
		expect(out.written).toEqual([]);
	});
});
