/**
 * Residents' suggestions: "suggest a group" (a new asset) and "suggest a change or report it has
 * closed" (about a published asset). Zod schemas with the messages shown next to each field, built for
 * the page's language (English or Welsh).
 * Suggestions publish nothing: coordinators moderate them.
 */
import { z } from 'zod';
import type { Lang } from './sessions';
import { ASSET_KINDS } from './vocabulary';

/** The field a person must leave empty; bots fill it. */
export const HONEYPOT_FIELD = 'website_url';

/** The messages shown next to each field, in English and Welsh. */
export const SUGGESTION_MESSAGES = {
	en: {
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
		changeTooLong: 'What has changed must be 2,000 characters or fewer'
	},
	cy: {
		nameRequired: "Rhowch enw'r grŵp",
		nameTooLong: "Rhaid i'r enw fod yn 120 nod neu lai",
		whatRequired: "Dywedwch beth mae'r grŵp yn ei wneud",
		whatTooLong: "Rhaid i'r disgrifiad fod yn 2,000 nod neu lai",
		whenWhereRequired: "Dywedwch pryd a ble mae'n cyfarfod",
		whenWhereTooLong: "Rhaid i'r manylion pryd a ble fod yn 1,000 nod neu lai",
		contactTooLong: "Rhaid i'r manylion cysylltu fod yn 500 nod neu lai",
		categoryChoose: "Dewiswch gategori o'r rhestr",
		kindChoose: 'Dewiswch pa fath o beth ydyw',
		submitterNameTooLong: "Rhaid i'ch enw fod yn 100 nod neu lai",
		emailInvalid: 'Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com',
		changeKindChoose: 'Dewiswch a oes rhywbeth wedi newid neu a yw wedi cau',
		changeRequired: 'Dywedwch beth sydd wedi newid',
		changeTooLong: "Rhaid i'r hyn sydd wedi newid fod yn 2,000 nod neu lai"
	}
} as const satisfies Record<Lang, Record<string, string>>;

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
function submitterFields(lang: Lang) {
	const M = SUGGESTION_MESSAGES[lang];
	return {
		submitterName: optionalText(100, M.submitterNameTooLong),
		submitterEmail: z.preprocess(
			(value) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null),
			z.email(M.emailInvalid).max(254, M.emailInvalid).nullable()
		)
	};
}

/**
 * A suggested new group, with its messages in `lang`. `categoryIds` is the list of category ids the
 * form offered, so a forged value is refused with the same message as no choice.
 */
export function newAssetSuggestionSchema(categoryIds: readonly string[], lang: Lang = 'en') {
	const M = SUGGESTION_MESSAGES[lang];
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
		...submitterFields(lang)
	});
}

export type NewAssetSuggestion = z.output<ReturnType<typeof newAssetSuggestionSchema>>;

/** A suggested change to a published asset, or a report that it has closed, with messages in `lang`. */
export function assetChangeSuggestionSchema(lang: Lang = 'en') {
	const M = SUGGESTION_MESSAGES[lang];
	return z
		.object({
			kind: z.enum(['change', 'closed'], { error: M.changeKindChoose }),
			details: optionalText(2000, M.changeTooLong),
			...submitterFields(lang)
		})
		.superRefine((value, ctx) => {
			if (value.kind === 'change' && !value.details) {
				ctx.addIssue({ code: 'custom', path: ['details'], message: M.changeRequired });
			}
		});
}

export type AssetChangeSuggestion = z.output<ReturnType<typeof assetChangeSuggestionSchema>>;

/** The first message for each field, for a form: { name: 'Enter the name of the group' }. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= issue.message;
	}
	return errors;
}

/** The fields of "Suggest a group", with the submitter's and the honeypot. */
export const NEW_ASSET_FIELDS = [
	'name',
	'description',
	'whenWhere',
	'contact',
	'category',
	'kind',
	'submitterName',
	'submitterEmail',
	HONEYPOT_FIELD
] as const;

/** The fields of "Suggest a change", with the submitter's and the honeypot. */
export const ASSET_CHANGE_FIELDS = [
	'kind',
	'details',
	'submitterName',
	'submitterEmail',
	HONEYPOT_FIELD
] as const;

/**
 * A form's own fields, as text (a file sent in a text field counts as ''; a field not sent is left
 * out). Nothing else is read, so a field called "__proto__" or "constructor" never becomes a key of
 * the values sent back with the page (issue 14, finding 5: `__proto__=x` made the answer a 500).
 */
export function readFormFields(
	form: { get(name: string): unknown },
	fields: readonly string[]
): Record<string, string> {
	const values: Record<string, string> = {};
	for (const field of fields) {
		const value = form.get(field);
		if (value === null || value === undefined) continue;
		values[field] = typeof value === 'string' ? value : '';
	}
	return values;
}

/** Whether the honeypot was filled: a bot. A person never sees the field. */
export function isHoneypotFilled(form: Record<string, unknown>): boolean {
	const value = form[HONEYPOT_FIELD];
	return typeof value === 'string' && value.trim() !== '';
}
