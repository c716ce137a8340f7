/**
 * Moderating residents' suggestions: the fields a moderator can set from a change suggestion, how the
 * current entry and the suggestion compare field by field, the forms' schemas, and reading a postcode
 * and contacts out of what a resident typed. Pure: no database, no SvelteKit.
 *
 * A change suggestion from the public form is free text (`details.details`); one that names values
 * (`details.fields`, e.g. from a group's own "Something has changed" link) is shown as suggested
 * values. Either way the moderator decides the values that are applied.
 */
import { z } from 'zod';
import { normalisePostcode } from '../postcode';
import { ASSET_KINDS, COST_KINDS, SERVICE_SECTORS } from '../vocabulary';

/** The fields of an entry a change suggestion can set here (location and sessions: the entry editor). */
export const MODERATED_FIELDS = [
	{ key: 'name', label: 'Name', multiline: false },
	{ key: 'nameCy', label: 'Name in Welsh', multiline: false },
	{ key: 'description', label: 'Description', multiline: true },
	{ key: 'descriptionCy', label: 'Description in Welsh', multiline: true },
	{ key: 'cost', label: 'Cost', multiline: false },
	{ key: 'costDetail', label: 'Cost details', multiline: false },
	{ key: 'phone', label: 'Phone (public)', multiline: false },
	{ key: 'email', label: 'Email (public)', multiline: false },
	{ key: 'website', label: 'Website (public)', multiline: false }
] as const;

export type ModeratedField = (typeof MODERATED_FIELDS)[number]['key'];
export const MODERATED_FIELD_KEYS = MODERATED_FIELDS.map((f) => f.key) as ModeratedField[];

/** An entry's moderated fields as a form holds them: every value a string, '' for none. */
export type EntryValues = Record<ModeratedField, string>;

/** One row of the field-by-field comparison. */
export interface FieldComparison {
	key: ModeratedField;
	label: string;
	current: string;
	suggested: string;
	differs: boolean;
}

const same = (a: string, b: string) =>
	a.trim().replace(/\r\n/g, '\n') === b.trim().replace(/\r\n/g, '\n');

/**
 * The suggested values: the entry's current values, overridden by any the suggestion names.
 * Unknown keys and non-text values in `details.fields` are ignored.
 */
export function suggestedValues(
	current: EntryValues,
	details: Record<string, unknown>
): EntryValues {
	const fields = details.fields;
	const values = { ...current };
	if (fields && typeof fields === 'object') {
		for (const key of MODERATED_FIELD_KEYS) {
			const value = (fields as Record<string, unknown>)[key];
			if (typeof value === 'string') values[key] = value;
		}
	}
	return values;
}

/** Every moderated field, the current and suggested value side by side, and whether they differ. */
export function compareEntryValues(
	current: EntryValues,
	suggested: EntryValues
): FieldComparison[] {
	return MODERATED_FIELDS.map(({ key, label }) => ({
		key,
		label,
		current: current[key],
		suggested: suggested[key],
		differs: !same(current[key], suggested[key])
	}));
}

/** The keys whose values differ. */
export function changedFields(current: EntryValues, next: EntryValues): ModeratedField[] {
	return MODERATED_FIELD_KEYS.filter((key) => !same(current[key], next[key]));
}

export const MODERATION_MESSAGES = {
	nameRequired: 'Enter the name',
	nameTooLong: 'Name must be 120 characters or fewer',
	descriptionRequired: 'Enter a description',
	textTooLong: 'This must be 5,000 characters or fewer',
	shortTooLong: 'This must be 200 characters or fewer',
	costChoose: 'Choose a cost from the list',
	phoneInvalid: 'Enter a phone number, like 01632 960123',
	emailInvalid: 'Enter an email address in the correct format, like name@example.com',
	websiteInvalid: 'Enter a website address starting with https:// or http://',
	reasonRequired: 'Enter why you are rejecting this suggestion',
	reasonTooLong: 'The reason must be 1,000 characters or fewer',
	kindChoose: 'Choose what kind of entry it is',
	sectorChoose: 'Choose the sector of the service',
	categoryChoose: 'Choose a category from the list',
	whereChoose: 'Choose where it is',
	postcodeRequired: 'Enter the postcode where it meets',
	postcodeInvalid: 'Enter a real postcode, like FV1 0LW',
	patchChoose: 'Choose at least one neighbourhood it serves',
	statusChoose: 'Choose whether to publish it now or keep it as a draft'
} as const;

const M = MODERATION_MESSAGES;
const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const requiredText = (required: string, max: number, tooLong: string) =>
	z.preprocess(trimmed, z.string().min(1, required).max(max, tooLong));
const optionalText = (max: number, tooLong: string) =>
	z.preprocess(trimmed, z.string().max(max, tooLong));

const EMAIL = /^[^\s@<>()"']+@[^\s@<>()"']+\.[A-Za-z]{2,}$/;
const PHONE = /^\+?[\d\s()-]{8,20}$/;

function isWebAddress(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'https:' || url.protocol === 'http:';
	} catch {
		return false;
	}
}

const contactFields = {
	phone: optionalText(30, M.phoneInvalid).refine((v) => v === '' || PHONE.test(v), M.phoneInvalid),
	email: optionalText(254, M.emailInvalid).refine((v) => v === '' || EMAIL.test(v), M.emailInvalid),
	website: optionalText(500, M.websiteInvalid).refine(
		(v) => v === '' || isWebAddress(v),
		M.websiteInvalid
	)
};

/** The values a moderator applies to an entry (approve, or edit then approve). */
export const entryValuesSchema = z.object({
	name: requiredText(M.nameRequired, 120, M.nameTooLong),
	nameCy: optionalText(120, M.nameTooLong),
	description: requiredText(M.descriptionRequired, 5000, M.textTooLong),
	descriptionCy: optionalText(5000, M.textTooLong),
	cost: z.preprocess(
		trimmed,
		z.union([z.literal(''), z.enum(COST_KINDS)], { error: M.costChoose })
	),
	costDetail: optionalText(200, M.shortTooLong),
	...contactFields
});

/** The reason a moderator gives for rejecting a suggestion (stored in review_note). */
export const rejectSchema = z.object({
	reason: requiredText(M.reasonRequired, 1000, M.reasonTooLong)
});

export const NEW_ENTRY_WHERE = ['place', 'online', 'roaming'] as const;

/**
 * A new entry from a "suggest a group" suggestion, as the moderator completes it. `categoryIds` are the
 * categories the form offered; `patchIds` the neighbourhoods it offered for an online or roaming entry.
 */
export function newEntrySchema(categoryIds: readonly string[], patchIds: readonly number[]) {
	return z
		.object({
			kind: z.enum(ASSET_KINDS, { error: M.kindChoose }),
			sector: z.preprocess(
				(v) => (v === '' ? undefined : v),
				z.enum(SERVICE_SECTORS, { error: M.sectorChoose }).optional()
			),
			name: requiredText(M.nameRequired, 120, M.nameTooLong),
			description: requiredText(M.descriptionRequired, 5000, M.textTooLong),
			category: z.preprocess(
				(v) => (typeof v === 'string' && v !== '' ? v : undefined),
				z
					.string({ error: M.categoryChoose })
					.refine((id) => categoryIds.includes(id), M.categoryChoose)
			),
			where: z.enum(NEW_ENTRY_WHERE, { error: M.whereChoose }),
			postcode: optionalText(10, M.postcodeInvalid),
			address: optionalText(200, M.shortTooLong),
			patches: z
				.array(z.coerce.number().int())
				.default([])
				.refine((ids) => ids.every((id) => patchIds.includes(id)), M.patchChoose),
			...contactFields,
			status: z.enum(['draft', 'published'], { error: M.statusChoose })
		})
		.superRefine((value, ctx) => {
			if (value.kind === 'service' && !value.sector) {
				ctx.addIssue({ code: 'custom', path: ['sector'], message: M.sectorChoose });
			}
			if (value.where === 'place') {
				if (!value.postcode) {
					ctx.addIssue({ code: 'custom', path: ['postcode'], message: M.postcodeRequired });
				} else if (!normalisePostcode(value.postcode)) {
					ctx.addIssue({ code: 'custom', path: ['postcode'], message: M.postcodeInvalid });
				}
			} else if (value.where && value.patches.length === 0) {
				ctx.addIssue({ code: 'custom', path: ['patches'], message: M.patchChoose });
			}
		});
}

export type NewEntryValues = z.output<ReturnType<typeof newEntrySchema>>;

/** The first message for each field: { name: 'Enter the name' }. */
export function firstErrors(error: z.ZodError): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const issue of error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
	return errors;
}

// A UK postcode anywhere in a text, with or without its space.
const POSTCODE_IN_TEXT = /\b([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})\b/i;

/**
 * The first thing shaped like a UK postcode in a text, normalised, or null.
 * @example findPostcode('Tuesdays at the library, fv1 0lw') // 'FV1 0LW'
 */
export function findPostcode(text: string): string | null {
	const match = POSTCODE_IN_TEXT.exec(text);
	return match ? normalisePostcode(`${match[1]} ${match[2]}`) : null;
}

/**
 * A phone number, an email address and a website found in "how to get in touch" as a resident wrote
 * it, for the moderator to check ('' where there is none).
 * @example guessContacts('Call Jean on 01632 960123 or jean@example.org') // { phone: '01632 960123', email: 'jean@example.org', website: '' }
 */
export function guessContacts(text: string | null | undefined): {
	phone: string;
	email: string;
	website: string;
} {
	const source = text ?? '';
	const email = /[^\s@<>()"',;]+@[^\s@<>()"',;]+\.[A-Za-z]{2,}/.exec(source)?.[0] ?? '';
	const website = /https?:\/\/[^\s<>"']+[^\s<>"'.,;)]/i.exec(source)?.[0] ?? '';
	const phone = /(?:\+44\s?|0)\d[\d\s-]{8,12}\d/.exec(source)?.[0]?.replace(/\s+/g, ' ') ?? '';
	return { phone, email, website };
}

/** What a "suggest a group" suggestion holds, read defensively (older rows may lack fields). */
export interface NewEntryDetails {
	name: string;
	description: string;
	whenWhere: string;
	contact: string;
	category: string;
	kind: string;
}

export function readNewEntryDetails(details: Record<string, unknown>): NewEntryDetails {
	const text = (key: string) => (typeof details[key] === 'string' ? (details[key] as string) : '');
	return {
		name: text('name'),
		description: text('description'),
		whenWhere: text('whenWhere'),
		contact: text('contact'),
		category: text('category'),
		kind: text('kind')
	};
}

/**
 * Where a new-entry suggestion says it is: a point it carries (`lon`, `lat`), else a postcode it
 * carries or that appears in what the resident wrote; null when it says nowhere we can place.
 */
export function suggestedPlace(
	details: Record<string, unknown>
): { point: [number, number] } | { postcode: string } | null {
	const { lon, lat } = details;
	if (typeof lon === 'number' && typeof lat === 'number' && Number.isFinite(lon + lat)) {
		return { point: [lon, lat] };
	}
	for (const key of ['postcode', 'whenWhere', 'description', 'contact']) {
		const value = details[key];
		const postcode = typeof value === 'string' ? findPostcode(value) : null;
		if (postcode) return { postcode };
	}
	return null;
}
