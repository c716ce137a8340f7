/** The council asset import form's fields, parsed by one zod schema with the page's wording. */
import { z } from 'zod';
import { ASSET_IMPORT_FORMATS } from './kinds';

export const assetImportFormSchema = z.object({
	format: z.enum(ASSET_IMPORT_FORMATS, { error: 'Choose what kind of file it is' }),
	status: z.enum(['draft', 'published'], {
		error: 'Choose whether new assets are drafts or published'
	}),
	source: z
		.string()
		.trim()
		.max(80, 'The source name must be 80 characters or fewer')
		.regex(
			/^([a-z0-9][a-z0-9:._-]*)?$/,
			'The source name can only have lower-case letters, digits and - _ . :'
		)
		.optional()
		.transform((value) => value || undefined)
});

export type AssetImportForm = z.output<typeof assetImportFormSchema>;
export type AssetImportFormErrors = Partial<
	Record<'format' | 'status' | 'source' | 'file' | 'mapping' | 'form', string>
>;
export type AssetImportFormValues = Partial<Record<'format' | 'status' | 'source', string>>;

/**
 * The form's values, or a message for each field that is wrong.
 * @example parseAssetImportForm({ format: 'csv', status: 'draft' }) // { ok: true, form: { format: 'csv', status: 'draft' } }
 */
export function parseAssetImportForm(
	values: AssetImportFormValues
): { ok: true; form: AssetImportForm } | { ok: false; errors: AssetImportFormErrors } {
	const parsed = assetImportFormSchema.safeParse(values);
	if (parsed.success) return { ok: true, form: parsed.data };
	const errors: AssetImportFormErrors = {};
	for (const issue of parsed.error.issues) {
		const field = issue.path[0] as keyof AssetImportFormErrors;
		errors[field] ??= issue.message;
	}
	return { ok: false, errors };
}
