/**
 * A session rule as it arrives at an edge (a form, an import, an API body), checked with zod. Kept
 * apart from sessions.ts, which every public page loads for its dates and words: zod is about 25 KB
 * of JavaScript that those pages do not need.
 */
import { z } from 'zod';
import { SESSION_FREQUENCIES } from './vocabulary';
import { CLOCK_TIME, isIsoDate, toDay, weekdayName, weekdayOf } from './sessions';

const blankToNull = (value: unknown) => (value === '' || value === undefined ? null : value);
const numeric = (value: unknown) =>
	typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

/**
 * A session rule from a form, import or API body. Numbers may arrive as strings (form fields). Fields
 * that do not apply to the frequency are cleared to null rather than rejected, so a form's hidden
 * inputs cannot block saving.
 */
export const sessionRuleSchema = z
	.object({
		frequency: z.enum(SESSION_FREQUENCIES, { error: 'Choose how often it meets' }),
		weekday: z.preprocess(
			numeric,
			z.literal([1, 2, 3, 4, 5, 6, 7], { error: 'Choose a day of the week' })
		),
		weekOfMonth: z.preprocess(
			(value) => numeric(blankToNull(value)),
			z.literal([1, 2, 3, 4, -1], { error: 'Choose which week of the month' }).nullable()
		),
		anchorDate: z.preprocess(
			blankToNull,
			z
				.string({ error: 'Enter a date it meets on, like 2026-11-25' })
				.refine(isIsoDate, 'Enter a real date it meets on, like 2026-11-25')
				.nullable()
		),
		startTime: z
			.string({ error: 'Enter a start time, like 09:30' })
			.regex(CLOCK_TIME, 'Enter a start time, like 09:30'),
		endTime: z
			.string({ error: 'Enter an end time, like 11:00' })
			.regex(CLOCK_TIME, 'Enter an end time, like 11:00')
	})
	.superRefine(
		(rule, ctx) => {
			// Runs even when a field failed, so a form shows every problem at once; hence the type checks.
			const problem = (field: string, message: string) =>
				ctx.addIssue({ code: 'custom', path: [field], message });
			const times = [rule.startTime, rule.endTime];
			if (times.every((t) => typeof t === 'string' && CLOCK_TIME.test(t)) && times[1] <= times[0]) {
				problem('endTime', 'End time must be after the start time');
			}
			if (rule.frequency === 'monthly' && rule.weekOfMonth == null) {
				problem('weekOfMonth', 'Choose which week of the month');
			}
			if (rule.frequency !== 'fortnightly') return;
			if (rule.anchorDate == null) {
				problem('anchorDate', 'Enter a date it meets on, so we know which weeks it meets');
			} else if (isIsoDate(rule.anchorDate) && typeof rule.weekday === 'number') {
				if (weekdayOf(toDay(rule.anchorDate)) !== rule.weekday) {
					problem('anchorDate', `The date it meets on must be a ${weekdayName(rule.weekday)}`);
				}
			}
		},
		{ when: () => true }
	)
	.transform((rule) => ({
		...rule,
		weekOfMonth: rule.frequency === 'monthly' ? rule.weekOfMonth : null,
		anchorDate: rule.frequency === 'fortnightly' ? rule.anchorDate : null
	}));

/** A session rule that has passed sessionRuleSchema. */
export type ValidSessionRule = z.output<typeof sessionRuleSchema>;
