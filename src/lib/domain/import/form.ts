/**
 * The council import page's form fields, parsed by the same option schemas as the command line, with
 * each message keyed by the field it belongs beside (GOV.UK error pattern).
 */
import { z } from 'zod';
import { IMPORT_KINDS } from './limits';
import {
	patchImportOptionsSchema,
	populationImportOptionsSchema,
	smallAreaImportOptionsSchema,
	type ImportRequest
} from './options';

/** The form's text fields (the file is handled apart). */
export const IMPORT_FORM_FIELDS = [
	'kind',
	'codeProperty',
	'areaKind',
	'setName',
	'referenceDate',
	'source',
	'makeDefault',
	'nameProperty'
] as const;
export type ImportFormField = (typeof IMPORT_FORM_FIELDS)[number];
export type ImportFormValues = Partial<Record<ImportFormField, string>>;
export type ImportFormErrors = Partial<Record<ImportFormField | 'file' | 'form', string>>;

const kindSchema = z.enum(IMPORT_KINDS, { error: 'Choose what you are importing' });

/** Maps each option schema's keys to the form's field names. */
const FIELD_OF: Record<string, ImportFormField> = {
	codeProperty: 'codeProperty',
	kind: 'areaKind',
	name: 'setName',
	referenceDate: 'referenceDate',
	source: 'source',
	nameProperty: 'nameProperty'
};

function errorsOf(error: z.ZodError): ImportFormErrors {
	const errors: ImportFormErrors = {};
	for (const issue of error.issues) {
		const field = FIELD_OF[String(issue.path[0])] ?? 'form';
		errors[field] ??= issue.message;
	}
	return errors;
}

/**
 * The kind of import and its options from the form's fields, or a message per field. Options for
 * the other kinds are ignored, so a person who changes their mind is not held up by them.
 */
export function parseImportForm(
	values: ImportFormValues
): { ok: true; request: ImportRequest } | { ok: false; errors: ImportFormErrors } {
	const kind = kindSchema.safeParse(values.kind);
	if (!kind.success) return { ok: false, errors: { kind: kind.error.issues[0].message } };
	if (kind.data === 'small-areas') {
		const parsed = smallAreaImportOptionsSchema.safeParse({
			codeProperty: values.codeProperty,
			kind: values.areaKind
		});
		return parsed.success
			? { ok: true, request: { kind: 'small-areas', options: parsed.data } }
			: { ok: false, errors: errorsOf(parsed.error) };
	}
	if (kind.data === 'population') {
		const parsed = populationImportOptionsSchema.safeParse({
			name: values.setName,
			referenceDate: values.referenceDate,
			source: values.source,
			makeDefault: values.makeDefault === 'yes'
		});
		return parsed.success
			? { ok: true, request: { kind: 'population', options: parsed.data } }
			: { ok: false, errors: errorsOf(parsed.error) };
	}
	const parsed = patchImportOptionsSchema.safeParse({ nameProperty: values.nameProperty });
	return parsed.success
		? { ok: true, request: { kind: 'patches', options: parsed.data } }
		: { ok: false, errors: errorsOf(parsed.error) };
}

/**
 * A file name safe to show and log: the last part of the path, no control characters, not too long.
 * @example uploadedFileName('C:\\fakepath\\oa.geojson') // 'oa.geojson'
 */
export function uploadedFileName(name: string): string {
	const base = name.split(/[\\/]/).pop() ?? '';
	const clean = [...base]
		.filter((char) => char.charCodeAt(0) > 0x1f && char.charCodeAt(0) !== 0x7f)
		.join('')
		.trim()
		.slice(0, 120);
	return clean || 'the file';
}
