/**
 * "Something has changed", as the people who run an entry answer it from an emailed link: the entry's
 * main details prefilled for them to correct, and a box for anything else. What they send becomes a
 * change suggestion (details.fields holds only the values they changed), which a moderator approves
 * or rejects: nothing is published from here. Pure: no database, no SvelteKit.
 */
import { z } from 'zod';
import type { EntryValues } from '../moderation';

/** The details the form offers, in the order it shows them. */
export const GROUP_CHANGE_FIELDS = [
	{ key: 'name', label: 'Name', multiline: false, max: 120 },
	{ key: 'description', label: 'What it does', multiline: true, max: 5000 },
	{ key: 'phone', label: 'Phone number', multiline: false, max: 30 },
	{ key: 'email', label: 'Email address', multiline: false, max: 254 },
	{ key: 'website', label: 'Website', multiline: false, max: 500 }
] as const satisfies readonly {
	key: keyof EntryValues;
	label: string;
	multiline: boolean;
	max: number;
}[];

export type GroupChangeField = (typeof GROUP_CHANGE_FIELDS)[number]['key'];

/** Every field the form posts: the details and the free-text box. */
export const GROUP_CHANGE_FORM_FIELDS = [
	...GROUP_CHANGE_FIELDS.map((f) => f.key),
	'details'
] as const;

export const GROUP_CHANGE_MESSAGES = {
	nameRequired: 'Enter the name',
	tooLong: (label: string, max: number) =>
		`${label} must be ${max.toLocaleString('en-GB')} characters or fewer`,
	detailsTooLong: 'What else has changed must be 2,000 characters or fewer',
	nothingChanged:
		'Change at least one of the details above, or say what else has changed (for example, when it meets now)'
} as const;

const M = GROUP_CHANGE_MESSAGES;
const trimmed = (value: unknown) =>
	typeof value === 'string' ? value.trim().replace(/\r\n/g, '\n') : '';

/** A detail of at most `max` characters, named in its message; blank allowed unless `required`. */
function detail(key: GroupChangeField, required = '') {
	const { label, max } = GROUP_CHANGE_FIELDS.find((f) => f.key === key)!;
	const text = z.string().max(max, M.tooLong(label, max));
	return z.preprocess(trimmed, required ? text.min(1, required) : text);
}

const schema = z.object({
	name: detail('name', M.nameRequired),
	description: detail('description'),
	phone: detail('phone'),
	email: detail('email'),
	website: detail('website'),
	details: z.preprocess(trimmed, z.string().max(2000, M.detailsTooLong))
});

/** What the moderator receives: only the changed values, and the free text (or null). */
export interface GroupChange {
	fields: Partial<Record<GroupChangeField, string>>;
	details: string | null;
}

/**
 * Read the form against the entry's current values.
 * @returns the change, or the messages to show next to each field ('form' when nothing changed)
 */
export function readGroupChange(
	current: EntryValues,
	form: Record<string, string>
): { ok: true; change: GroupChange } | { ok: false; errors: Record<string, string> } {
	const parsed = schema.safeParse(form);
	if (!parsed.success) {
		const errors: Record<string, string> = {};
		for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
		return { ok: false, errors };
	}
	const fields: GroupChange['fields'] = {};
	for (const { key } of GROUP_CHANGE_FIELDS) {
		if (parsed.data[key] !== trimmed(current[key])) fields[key] = parsed.data[key];
	}
	const details = parsed.data.details || null;
	if (Object.keys(fields).length === 0 && !details) {
		return { ok: false, errors: { details: M.nothingChanged } };
	}
	return { ok: true, change: { fields, details } };
}
