/**
 * Residents' suggestions: "suggest a group" (a new asset) and "suggest a change or report it has
 * closed" (about a published asset). Zod schemas with the messages shown next to each field.
 * Suggestions publish nothing: coordinators moderate them.
 */
import { z } from 'zod';
import { ASSET_KINDS } from './vocabulary';

/** The field a person must leave empty; bots fill it. */
export const HONEYPOT_FIELD = 'website_url';

/** The user-facing wording, in one place for a later Welsh pass. */
export const SUGGESTION_MESSAGES = {
	nameRequired: 'Enter the name of the group',
	nameTooLong: 'Name must be 120 characters or fewer',
	whatRequired: 'Enter what the group does',
	whatTooLong: 'What it does must be 2,000 characters or fewer',
	whenWhereRequired: 'Enter when and where it meets',
	whenWhereTooLong: 'When and where must be 1,000 characters or fewer',
	contactTooLong: 'How to get in touch must be 500 characters or fewer',
	categoryChoose: 'Choose a category from the list',
	kindChoose: 'Choose what kind of thing it is',
	submitterNameTooLong: 'Your name must be 100 characters or fewer',
	emailInvalid: 'Enter an email address in the correct format, like name@example.com',
	changeKindChoose: 'Choose whether something has changed or it has closed',
	changeRequired: 'Enter what has changed',
	changeTooLong: 'What has changed must be 2,000 characters or fewer',
	closedTooLong: 'Your note must be 2,000 characters or fewer'
} as const;

const M = SUGGESTION_MESSAGES;

/** Trims, and turns a missing or blank field into '' so "required" messages apply. */
const text = (required: string, max: number, tooLong: string) =>
	z.preprocess(
		(value) => (typeof value === 'string' ? value.trim() : ''),
		z.string().min(1, required).max(max, tooLong)
	);

/** Trims; blank or missing becomes null. */
const optionalText = (max: number, tooLong: string) =>
	z.preprocess(
		(value) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null),
		z.string().max(max, tooLong).nullable()
	);

/** Who sent it: optional, for coordinators to reply. Personal data. */
const submitterFields = {
	submitterName: optionalText(100, M.submitterNameTooLong),
	submitterEmail: z.preprocess(
		(value) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null),
		z.email(M.emailInvalid).max(254, M.emailInvalid).nullable()
	)
};

/**
 * A suggested new group. `categoryIds` is the list of category ids the form offered, so a forged
 * value is refused with the same message as no choice.
 */
export function newAssetSuggestionSchema(categoryIds: readonly string[]) {
	return z.object({
		name: text(M.nameRequired, 120, M.nameTooLong),
		description: text(M.whatRequired, 2000, M.whatTooLong),
		whenWhere: text(M.whenWhereRequired, 1000, M.whenWhereTooLong),
		contact: optionalText(500, M.contactTooLong),
		category: z.preprocess(
			(value) => (typeof value === 'string' && value !== '' ? value : undefined),
			z
				.string({ error: M.categoryChoose })
				.refine((id) => categoryIds.includes(id), M.categoryChoose)
		),
		kind: z.enum(ASSET_KINDS, { error: M.kindChoose }),
		...submitterFields
	});
}

export type NewAssetSuggestion = z.output<ReturnType<typeof newAssetSuggestionSchema>>;

/** A suggested change to a published asset, or a report that it has closed. */
export const assetChangeSuggestionSchema = z
	.object({
		kind: z.enum(['change', 'closed'], { error: M.changeKindChoose }),
		details: optionalText(2000, M.changeTooLong),
		...submitterFields
	})
	.superRefine((value, ctx) => {
		if (value.kind === 'change' && !value.details) {
			ctx.addIssue({ code: 'custom', path: ['details'], message: M.changeRequired });
		}
	});

export type AssetChangeSuggestion = z.output<typeof assetChangeSuggestionSchema>;

/** The first message for each field, for a form: { name: 'Enter the name of the group' }. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= issue.message;
	}
	return errors;
}

/** Whether the honeypot was filled: a bot. A person never sees the field. */
export function isHoneypotFilled(form: Record<string, unknown>): boolean {
	const value = form[HONEYPOT_FIELD];
	return typeof value === 'string' && value.trim() !== '';
}
