/**
 * The council asset import page: choose a file, its format and (optionally) a mapping, "Check
 * file" (a dry run; the file is kept server-side for a day), read the report, then "Import". Each
 * step redirects to ?run=ID, so reloading never repeats it. Works without JavaScript.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth';
import { requestBodyLimit } from '$lib/server/upload-limit';
import { getDb } from '$lib/server/db';
import { ImportError } from '$lib/domain/import/errors';
import { formatBytes } from '$lib/domain/import/limits';
import { ASSET_FORMAT_LABELS, ASSET_IMPORT_FORMATS } from '$lib/domain/exchange/import/kinds';
import { MAX_ASSET_FILE_BYTES } from '$lib/domain/exchange/import/limits';
import { parseAssetMapping } from '$lib/domain/exchange/import/prepare';
import {
	parseAssetImportForm,
	type AssetImportFormErrors,
	type AssetImportFormValues
} from '$lib/domain/exchange/import/form';
import {
	checkUpload,
	getRun,
	importCheckedRun,
	listRecentRuns
} from '$lib/server/exchange/import/runs';
import { isDatabaseError, logWriteFailure } from '$lib/server/db/write';
import type { Actions, PageServerLoad } from './$types';

const CHECK_NOT_STORED =
	'Sorry, the file could not be checked because of a problem with the service. Nothing has been imported. Try again later.';

/** A file name as people know it, without any folders a browser sent. */
function fileNameOf(file: File): string {
	return file.name.split(/[\\/]/).pop()!.slice(0, 200) || 'upload';
}

export const load: PageServerLoad = ({ locals, url }) => {
	const user = requireRole(locals, url, 'council', 'admin');
	const db = getDb();
	const id = url.searchParams.get('run');
	let run = null;
	if (id !== null) {
		if (!/^\d{1,12}$/.test(id)) error(404, 'There is no such import');
		run = getRun(db, Number(id));
		// A checked file is only shown to the person who checked it: it may hold anything.
		if (!run || (run.state === 'checked' && run.createdBy !== user.id))
			error(404, 'There is no such import');
	}
	// The page never offers more than the importer itself accepts.
	const limit = Math.min(requestBodyLimit(), MAX_ASSET_FILE_BYTES);
	return {
		run,
		formats: ASSET_IMPORT_FORMATS.map((value) => ({ value, label: ASSET_FORMAT_LABELS[value] })),
		uploadLimit: { bytes: limit, text: formatBytes(limit) },
		recent: listRecentRuns(db)
	};
};

function formValues(form: FormData): AssetImportFormValues {
	const values: AssetImportFormValues = {};
	for (const field of ['format', 'status', 'source'] as const) {
		const value = form.get(field);
		if (typeof value === 'string') values[field] = value.slice(0, 200);
	}
	return values;
}

function chosenFile(value: FormDataEntryValue | null): File | null {
	return value instanceof File && (value.size > 0 || value.name !== '') ? value : null;
}

export const actions: Actions = {
	check: async ({ locals, url, request }) => {
		const user = requireRole(locals, url, 'council', 'admin');
		const form = await request.formData();
		const values = formValues(form);
		const parsed = parseAssetImportForm(values);
		const errors: AssetImportFormErrors = parsed.ok ? {} : { ...parsed.errors };
		const file = chosenFile(form.get('file'));
		const mappingFile = chosenFile(form.get('mapping'));
		if (!file) errors.file = 'Select a file to import';
		let mapping = null;
		if (mappingFile) {
			try {
				mapping = parseAssetMapping(await mappingFile.text(), fileNameOf(mappingFile));
			} catch (caught) {
				if (!(caught instanceof ImportError)) throw caught;
				errors.mapping = caught.message;
			}
		}
		if (!parsed.ok || Object.keys(errors).length) return fail(400, { errors, values });
		let runId: number;
		try {
			({ runId } = checkUpload(getDb(), {
				bytes: new Uint8Array(await file!.arrayBuffer()),
				file: fileNameOf(file!),
				format: parsed.form.format,
				mapping,
				status: parsed.form.status,
				source: parsed.form.source,
				userId: user.id
			}));
		} catch (caught) {
			if (isDatabaseError(caught)) {
				logWriteFailure('a checked import file', caught);
				return fail(503, { errors: { form: CHECK_NOT_STORED } as AssetImportFormErrors, values });
			}
			if (!(caught instanceof ImportError)) throw caught;
			return fail(400, { errors: { file: caught.message } as AssetImportFormErrors, values });
		}
		redirect(303, `/council/assets-import?run=${runId}`);
	},

	import: async ({ locals, url, request }) => {
		const user = requireRole(locals, url, 'council', 'admin');
		const form = await request.formData();
		const id = String(form.get('run') ?? '');
		const report = /^\d{1,12}$/.test(id) ? importCheckedRun(getDb(), Number(id), user.id) : null;
		if (!report) {
			return fail(400, {
				errors: {
					form: 'This file has already been imported, or was checked more than a day ago. Choose the file and check it again.'
				} as AssetImportFormErrors,
				values: {} as AssetImportFormValues
			});
		}
		redirect(303, `/council/assets-import?run=${id}`);
	}
};
