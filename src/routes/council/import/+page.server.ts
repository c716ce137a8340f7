/**
 * The council import page: choose a file and what it is, "Check file" (a dry run that keeps the
 * upload server-side, see $lib/server/import/uploads), then "Import". Works without JavaScript.
 */
import { fail, redirect } from '@sveltejs/kit';
import { and, eq, like } from 'drizzle-orm';
import { requireRole } from '$lib/server/auth';
import { requestBodyLimit } from '$lib/server/upload-limit';
import { getDb } from '$lib/server/db';
import { auditLog } from '$lib/server/db/schema';
import { ImportError } from '$lib/domain/import/errors';
import {
	IMPORT_FORM_FIELDS,
	parseImportForm,
	uploadedFileName,
	type ImportFormErrors,
	type ImportFormValues
} from '$lib/domain/import/form';
import { IMPORT_KIND_LABELS, MAX_FILE_BYTES, formatBytes } from '$lib/domain/import/limits';
import type { ImportSummary } from '$lib/domain/import/summary';
import { decodeImportBytes } from '$lib/server/import/files';
import { runImport } from '$lib/server/import/run';
import { deleteUpload, loadUpload, saveUpload } from '$lib/server/import/uploads';
import type { Actions, PageServerLoad } from './$types';

function lastImport(id: string | null): ImportSummary | null {
	if (!id || !/^\d{1,12}$/.test(id)) return null;
	const row = getDb()
		.select({ detail: auditLog.detail })
		.from(auditLog)
		.where(and(eq(auditLog.id, Number(id)), like(auditLog.action, 'import.%')))
		.get();
	const summary = row?.detail?.summary as ImportSummary | undefined;
	return summary && typeof summary.title === 'string' ? summary : null;
}

export const load: PageServerLoad = ({ locals, url }) => {
	requireRole(locals, url, 'council', 'admin');
	const limit = requestBodyLimit();
	return {
		done: lastImport(url.searchParams.get('done')),
		kinds: Object.entries(IMPORT_KIND_LABELS).map(([value, label]) => ({
			value,
			label,
			maxSize: formatBytes(MAX_FILE_BYTES[value as keyof typeof MAX_FILE_BYTES])
		})),
		uploadLimit: Number.isFinite(limit) ? { bytes: limit, text: formatBytes(limit) } : null
	};
};

function formValues(form: FormData): ImportFormValues {
	const values: ImportFormValues = {};
	for (const field of IMPORT_FORM_FIELDS) {
		const value = form.get(field);
		if (typeof value === 'string') values[field] = value.slice(0, 500);
	}
	return values;
}

/** An ImportError's problems beside the file field; anything else is a fault for the error page. */
function fileProblems(error: unknown): { errors: ImportFormErrors; problems: string[] } {
	if (!(error instanceof ImportError)) throw error;
	const problems = error.message.split('\n');
	return { errors: { file: problems[0] }, problems };
}

export const actions: Actions = {
	check: async ({ locals, url, request }) => {
		const user = requireRole(locals, url, 'council', 'admin');
		const form = await request.formData();
		const values = formValues(form);
		const parsed = parseImportForm(values);
		const file = form.get('file');
		const errors: ImportFormErrors = parsed.ok ? {} : { ...parsed.errors };
		if (!(file instanceof File) || (file.size === 0 && file.name === '')) {
			errors.file = 'Select a file to import';
		}
		if (!parsed.ok || errors.file) return fail(400, { errors, values, problems: [] as string[] });

		const upload = file as File;
		const source = uploadedFileName(upload.name);
		const bytes = new Uint8Array(await upload.arrayBuffer());
		try {
			const text = decodeImportBytes(bytes, parsed.request.kind, source);
			const { summary } = runImport(getDb(), parsed.request, {
				source,
				text,
				dryRun: true,
				actorId: user.id,
				via: 'web'
			});
			const uploadId = saveUpload({ userId: user.id, request: parsed.request, source }, bytes);
			return { report: { summary, uploadId, source, kind: parsed.request.kind }, values };
		} catch (error) {
			return fail(400, { ...fileProblems(error), values });
		}
	},

	import: async ({ locals, url, request }) => {
		const user = requireRole(locals, url, 'council', 'admin');
		const form = await request.formData();
		const uploadId = String(form.get('uploadId') ?? '');
		const upload = loadUpload(uploadId, user.id);
		if (!upload) {
			return fail(400, {
				errors: {
					form: 'This file has already been imported, or was checked more than an hour ago. Choose the file and check it again.'
				} as ImportFormErrors,
				values: {} as ImportFormValues,
				problems: [] as string[]
			});
		}
		let auditId: number | null;
		try {
			const text = decodeImportBytes(upload.bytes, upload.request.kind, upload.source);
			({ auditId } = runImport(getDb(), upload.request, {
				source: upload.source,
				text,
				dryRun: false,
				actorId: user.id,
				via: 'web'
			}));
		} catch (error) {
			// The data changed since the check (another import): say why, and keep nothing.
			deleteUpload(uploadId);
			return fail(400, { ...fileProblems(error), values: {} as ImportFormValues });
		}
		deleteUpload(uploadId);
		redirect(303, `/council/import?done=${auditId}`);
	}
};
