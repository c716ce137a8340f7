/**
 * A programme's design limits as a person types them (a settings form or file), checked with zod.
 * Apart from bands.ts, which public pages load for their band labels and need no zod.
 */
import { z } from 'zod';
import { isPeople, type DesignLimits } from './bands';
import { formatNumber } from './format';

/** Accepts 15000, '15000' or '15,000' (a person typing into a settings form). */
const people = (label: string, example: string) =>
	z.preprocess(
		(value) =>
			typeof value === 'string' && /^\s*\d{1,3}(,\d{3})*\s*$|^\s*\d+\s*$/.test(value)
				? Number(value.replace(/[\s,]/g, ''))
				: value,
		z
			.number({ error: `Enter ${label} as a number of people, like ${example}` })
			.positive(`Enter ${label} as a number of people above 0, like ${example}`)
			// A refinement rather than .int(), which would stop the cross-field checks from running.
			.refine(Number.isInteger, `Enter ${label} as a whole number of people, like ${example}`)
	);

/** A programme's design limits from a settings form or file: positive whole numbers, each above the last. */
export const designLimitsSchema = z
	.object({
		smallMin: people('the smallest size', '8,000'),
		usualMin: people('where the usual size starts', '10,000'),
		usualMax: people('where the usual size ends', '12,000'),
		max: people('the limit', '15,000')
	})
	.superRefine(
		(limits, ctx) => {
			// Runs even when a field failed, so a form shows every problem at once.
			const order: [keyof DesignLimits, keyof DesignLimits, string][] = [
				['smallMin', 'usualMin', 'The usual size must start above the smallest size'],
				['usualMin', 'usualMax', 'The usual size must end above where it starts'],
				['usualMax', 'max', 'The limit must be above where the usual size ends']
			];
			for (const [lower, higher, message] of order) {
				const [a, b] = [limits[lower], limits[higher]];
				if (isPeople(a) && isPeople(b) && b <= a) {
					ctx.addIssue({
						code: 'custom',
						path: [higher],
						message: `${message} (${formatNumber(a)})`
					});
				}
			}
		},
		{ when: () => true }
	);
