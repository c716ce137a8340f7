import { fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { runGaps, UnknownCategoryError } from '$lib/server/gaps';
import { runWhatIf } from '$lib/server/gaps/what-if';
import { listPatchBoundaries } from '$lib/server/queries/patch-boundaries';
import { parseGapQuery } from '$lib/domain/gaps/options';
import { parseWhatIfForm } from '$lib/domain/gaps/what-if-form';
import { SIZING_METHOD_LABELS } from '$lib/domain/sizing/types';
import { matrixRows, parseMatrixSort } from '$lib/components/gaps/matrix-view';
import { areaDistances, patchBeyond, timeOfWeekView } from '$lib/components/gaps/page-view';
import { areasFromPatches } from '$lib/map/geojson';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	requireRole(locals, url, 'council');
	const db = getDb();
	const { query, errors } = parseGapQuery(url.searchParams);
	const sort = parseMatrixSort(url.searchParams);
	let run;
	try {
		run = runGaps(db, query);
	} catch (error) {
		if (!(error instanceof UnknownCategoryError)) throw error;
		errors.push(error.message);
		run = runGaps(db, { ...query, category: undefined });
	}
	if (!run) return { run: null, query, sort, errors };
	const { report, inputs, programme } = run;
	const patches = listPatchBoundaries(db, programme.id);
	const slugs = new Map(patches.map((patch) => [patch.id, patch.slug]));
	const chosen = report.categories.length === 1 ? report.categories[0] : null;
	const mapped = chosen ?? report.categories[0] ?? null;
	// The deprivation filter exists only when deprivation figures do (absent, never zero).
	const hasDeprivation = report.method.deprivation !== null;
	const mostDeprived = hasDeprivation && query.deprivation === 'most';
	const downloadQuery = new URLSearchParams({
		threshold: String(query.threshold),
		method: query.method,
		...(chosen ? { category: chosen.id } : {}),
		...(mostDeprived ? { deprivation: 'most' } : {})
	}).toString();
	const programmeBeyond = mapped && report.programmeBeyond.find((b) => b.categoryId === mapped.id)!;
	return {
		run: {
			programme: { name: programme.name, isFictional: programme.isFictional },
			method: { ...report.method, label: SIZING_METHOD_LABELS[report.method.sizing] },
			notes: report.notes,
			categories: report.matrix.categories,
			allCategories: inputs.categories,
			chosenCategoryId: chosen?.id ?? null,
			rows: matrixRows(report.matrix, report.beyond, slugs, sort),
			mapped: mapped && {
				id: mapped.id,
				name: mapped.name,
				total: report.matrix.categories.find((c) => c.id === mapped.id)!.total,
				beyond: patchBeyond(report, mapped.id, mostDeprived),
				areas: areaDistances(report, inputs.areas, mapped.id, mostDeprived),
				peopleBeyond: programmeBeyond!.people,
				deprivedPeopleBeyond: programmeBeyond!.deprivedPeople
			},
			deprivation: hasDeprivation
				? { name: report.method.deprivation!, people: report.deprivedPeople!, mostDeprived }
				: null,
			timeOfWeek: timeOfWeekView(report),
			hasAreas: inputs.areas.length > 0,
			patchOutlines: areasFromPatches(patches),
			downloadQuery
		},
		query,
		sort,
		errors
	};
};

export const actions: Actions = {
	whatif: async ({ locals, url, request }) => {
		requireRole(locals, url, 'council');
		const db = getDb();
		const { query } = parseGapQuery(url.searchParams);
		// Every category, whatever the page filters by: the candidate may offer any of them.
		const run = runGaps(db, { ...query, category: undefined });
		if (!run) return fail(400, { whatIf: { errors: { where: 'There is no programme yet' } } });
		const form = await request.formData();
		const values = {
			postcode: String(form.get('postcode') ?? '').slice(0, 12),
			lon: String(form.get('lon') ?? '').slice(0, 20),
			lat: String(form.get('lat') ?? '').slice(0, 20),
			categories: form.getAll('categories').map(String).slice(0, 50),
			weekday: String(form.get('weekday') ?? ''),
			frequency: String(form.get('frequency') ?? 'weekly'),
			start: String(form.get('start') ?? '').slice(0, 5),
			end: String(form.get('end') ?? '').slice(0, 5)
		};
		const parsed = parseWhatIfForm(
			form,
			run.inputs.categories.map((c) => c.id)
		);
		if (!parsed.ok) return fail(400, { whatIf: { errors: parsed.errors, values } });
		const outcome = runWhatIf(db, run, parsed.request);
		if (!outcome.ok) return fail(400, { whatIf: { errors: outcome.errors, values } });
		const names = new Map(run.inputs.categories.map((c) => [c.id, c.name]));
		return {
			whatIf: {
				values,
				point: outcome.point,
				patchNames: outcome.patchNames,
				thresholdMetres: run.report.method.thresholdMetres,
				categories: outcome.result.categories.map((c) => ({
					name: names.get(c.categoryId) ?? c.categoryId,
					people: c.people,
					deprivedPeople: c.deprivedPeople,
					areas: c.areaCodes.length,
					byPatch: c.byPatch.map((p) => ({ ...p, people: Math.round(p.people) }))
				})),
				filledSlots: outcome.result.filledSlots.map((slot) => ({
					...slot,
					category: names.get(slot.categoryId) ?? slot.categoryId
				}))
			}
		};
	}
};
