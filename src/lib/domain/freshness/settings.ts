/**
 * The council's freshness settings form, parsed at the edge: whole months from 1 to 60, and due for a
 * check < stale < archive. Kept apart from ./index.ts so public pages that label freshness load no zod.
 */
import { z } from 'zod';

/** The messages the settings form shows next to each field. */
export const FRESHNESS_MESSAGES = {
	checkDueMonths:
		'Enter the months after which an entry is due for a check, a whole number from 1 to 60',
	checkStaleMonths: 'Enter the months after which an entry is stale, a whole number from 1 to 60',
	archiveAfterMonths:
		'Enter the months after which an entry is archived, a whole number from 1 to 60',
	staleAfterDue: 'Stale must be more months than due for a check',
	archiveAfterStale: 'Archive must be more months than stale'
} as const;

const months = (message: string) =>
	z.preprocess(
		(value) => (typeof value === 'string' ? value.trim() : value),
		z
			.string({ error: message })
			.regex(/^\d{1,2}$/, message)
			.transform(Number)
			.pipe(z.number().int().min(1, message).max(60, message))
	);

/** The council's freshness settings form: whole months from 1 to 60, due < stale < archive. */
export const freshnessSettingsSchema = z
	.object({
		checkDueMonths: months(FRESHNESS_MESSAGES.checkDueMonths),
		checkStaleMonths: months(FRESHNESS_MESSAGES.checkStaleMonths),
		archiveAfterMonths: months(FRESHNESS_MESSAGES.archiveAfterMonths)
	})
	.superRefine((value, ctx) => {
		// Zod runs this even when a field failed: compare only months that parsed.
		const whole = (n: unknown) => typeof n === 'number' && Number.isInteger(n);
		if (!whole(value.checkDueMonths) || !whole(value.checkStaleMonths)) return;
		if (value.checkStaleMonths <= value.checkDueMonths) {
			ctx.addIssue({
				code: 'custom',
				path: ['checkStaleMonths'],
				message: FRESHNESS_MESSAGES.staleAfterDue
			});
		}
		if (whole(value.archiveAfterMonths) && value.archiveAfterMonths <= value.checkStaleMonths) {
			ctx.addIssue({
				code: 'custom',
				path: ['archiveAfterMonths'],
				message: FRESHNESS_MESSAGES.archiveAfterStale
			});
		}
	});
