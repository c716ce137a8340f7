import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { actorFor } from '$lib/server/staff/entry-patches';
import { loadDemand, setEmptySearchRecording } from '$lib/server/gaps/demand';
import { demandView } from '$lib/components/gaps/demand-view';
import { londonDate } from '$lib/domain/sessions';
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
import { demandChart, weekChart } from '$lib/server/charts/gap-charts';
import { weekSlotSummary } from '$lib/domain/gaps/headlines';
import type { Actions, PageServerLoad } from './$types';

const demandSettingSchema = z.object({ record: z.enum(['on', 'off']) });

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
	const demand = demandView(loadDemand(db, londonDate(new Date())), inputs.categories);
	const weekSlots = weekSlotSummary(report.timeOfWeek);
	// Charts are drawn here, on the server, so the chart library never reaches the browser.
	const charts = {
		demand: demandChart(demand.byMonth),
		week: weekChart(
			weekSlots,
			report.timeOfWeek.length,
			chosen ? chosen.name.toLowerCase() : 'every category'
		)
	};
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
			weekSlots,
			charts,
			hasAreas: inputs.areas.length > 0,
			patchOutlines: areasFromPatches(patches),
			demand,
			demandSaved: url.searchParams.get('demand') === 'saved',
			downloadQuery
		},
		query,
		sort,
		errors
	};
};

export const actions: Actions = {
	demand: async ({ locals, url, request }) => {
		const user = requireRole(locals, url, 'council');
		const form = await request.formData();
		const parsed = demandSettingSchema.safeParse({ record: form.get('record') ?? '' });
		if (!parsed.success) return fail(400, { demand: { error: 'Choose on or off' } });
		const db = getDb();
		setEmptySearchRecording(db, actorFor(db, user), parsed.data.record === 'on');
		// Back to the page with its filters, without the action's own "/demand" key.
		const back = new URLSearchParams(
			[...url.searchParams].filter(([key]) => !key.startsWith('/') && key !== 'demand')
		);
		back.set('demand', 'saved');
		redirect(303, `/council/gaps?${back}#demand`);
	},
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
