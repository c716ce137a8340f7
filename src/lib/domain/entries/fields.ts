/**
 * A posted form as plain data: every name with all its string values, in the order sent. This is what
 * the parser reads, what an expired session's draft keeps (form_drafts.data), and what the editor
 * renders from, so a form can go round (typed, kept, shown again) without losing anything.
 */

/** name -> values, e.g. { name: ['Knit and natter'], categories: ['crafts', 'social'] }. */
export type FormFields = Record<string, string[]>;

/** Anything with FormData's entries(), e.g. FormData or URLSearchParams. */
export interface FormLike {
	entries(): IterableIterator<[string, FormDataEntryValue | string]>;
}

/** Names never kept in a draft or echoed back: nothing secret is ever stored from a form. */
const SECRET_NAME = /pass(word)?|token|secret|csrf/i;

/** Longest value kept for one field: anything longer is cut (the parser then says it is too long). */
const MAX_VALUE_LENGTH = 20_000;
/** Most values kept for one name, and most names: a form is small; a flood is cut, not stored. */
const MAX_VALUES_PER_NAME = 100;
const MAX_NAMES = 1_000;

/** The string values of a posted form (files are ignored), with secrets left out. */
export function fieldsFrom(form: FormLike): FormFields {
	const fields: FormFields = {};
	let names = 0;
	for (const [name, value] of form.entries()) {
		if (typeof value !== 'string' || SECRET_NAME.test(name)) continue;
		if (!(name in fields)) {
			if (names >= MAX_NAMES) continue;
			fields[name] = [];
			names++;
		}
		if (fields[name].length < MAX_VALUES_PER_NAME) {
			fields[name].push(value.slice(0, MAX_VALUE_LENGTH));
		}
	}
	return fields;
}

/** The first value of a field, trimmed ('' when missing). */
export function one(fields: FormFields, name: string): string {
	return (fields[name]?.[0] ?? '').trim();
}

/** Every non-blank value of a field, trimmed, without repeats. */
export function many(fields: FormFields, name: string): string[] {
	return [...new Set((fields[name] ?? []).map((value) => value.trim()).filter(Boolean))];
}

/** Whether a value is a plain object of string arrays: a stored draft read back. */
export function isFormFields(value: unknown): value is FormFields {
	return (
		typeof value === 'object' &&
		value !== null &&
		!Array.isArray(value) &&
		Object.values(value).every(
			(values) => Array.isArray(values) && values.every((v) => typeof v === 'string')
		)
	);
}

/** A copy without secret names, for storing. */
export function withoutSecrets(fields: FormFields): FormFields {
	return Object.fromEntries(Object.entries(fields).filter(([name]) => !SECRET_NAME.test(name)));
}
