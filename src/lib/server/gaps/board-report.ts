/**
 * The printable board report of the gap analysis: its date, the data sets and their dates, the
 * methods, the headline gaps, the patch × category matrix, a map of one category's gap drawn as SVG
 * on the server (so it prints, and works without JavaScript), the time-of-week chart and demand, each
 * chart with its table. The figures are those of runGaps, as on the Gaps page and in `npm run gaps`.
 */
import { count, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { runGaps, type GapRun } from '.';
import { loadDemand } from './demand';
import { listPatchBoundaries, listSmallAreaOutlines } from '../queries/patch-boundaries';
import { demandChart, distanceBand, distanceBands, gapMap, weekChart } from '../charts/gap-charts';
import type { RenderedChart } from '../charts/render';
import { headlineGaps, weekSlotSummary } from '../../domain/gaps/headlines';
import type { GapQuery } from '../../domain/gaps/options';
import { countableAssets } from '../../domain/gaps/countable';
import { SIZING_METHOD_LABELS } from '../../domain/sizing/types';
import { demandView } from '../../components/gaps/demand-view';
import { patchBeyond } from '../../components/gaps/page-view';

/** Small areas drawn on the report's map at most; beyond this the report says why there is no map. */
export const MAP_AREA_LIMIT = 5000;

export interface BoardMap {
	category: { id: string; name: string };
	/** The drawn map, or null with the reason in `fallback`. */
	chart: RenderedChart | null;
	fallback: string | null;
	key: { label: string; colour: string; areas: number }[];
	patches: ReturnType<typeof patchBeyond>;
}

function boardMap(db: Db, run: GapRun, categoryId: string): BoardMap {
	const { report, inputs, programme } = run;
	const category = report.categories.find((c) => c.id === categoryId)!;
	const threshold = report.method.thresholdMetres;
	const distances = report.distances.find((d) => d.categoryId === categoryId)!;
	const metres = inputs.areas.map((_, i) =>
		Number.isFinite(distances.metres[i]) ? Math.round(distances.metres[i]) : null
	);
	const key = distanceBands(threshold).map((band) => ({
		...band,
		areas: metres.filter((m) => distanceBand(m, threshold) === band.label).length
	}));
	const patches = patchBeyond(report, categoryId);
	const base = { category: { id: category.id, name: category.name }, key, patches };
	if (inputs.areas.length === 0) {
		return {
			...base,
			chart: null,
			fallback: 'There are no small areas with population figures to map.'
		};
	}
	const outlines =
		run.populationSetId === null
			? null
			: listSmallAreaOutlines(db, run.populationSetId, MAP_AREA_LIMIT);
	if (!outlines) {
		return {
			...base,
			chart: null,
			fallback: `The programme has ${inputs.areas.length.toLocaleString('en-GB')} small areas, too many to draw in a printed report (at most ${MAP_AREA_LIMIT.toLocaleString('en-GB')}). The table below and the small-area download on the Gaps page have every figure.`
		};
	}
	const geometry = new Map(outlines.map((o) => [o.code, o.geometry]));
	const areas = inputs.areas.flatMap((area, i) => {
		const shape = geometry.get(area.code);
		return shape ? [{ code: area.code, geometry: shape, metres: metres[i] }] : [];
	});
	const boundaries = listPatchBoundaries(db, programme.id).map((p) => ({
		name: p.name,
		geometry: p.boundary
	}));
	return { ...base, chart: gapMap(areas, boundaries, category.name, threshold), fallback: null };
}

/** The data sets the report read, with their dates. */
function dataSets(db: Db, run: GapRun, today: string) {
	const programmeId = run.programme.id;
	const [{ entries }] = db
		.select({ entries: count() })
		.from(t.assets)
		.where(eq(t.assets.programmeId, programmeId))
		.all();
	return {
		population: run.report.method.populationSet,
		smallAreas: run.inputs.areas.length,
		patches: run.inputs.patches.length,
		/** Entries counted (what a visitor can find) out of all the programme's entries, on the day. */
		entriesCounted: countableAssets(run.inputs.assets).length,
		entriesAll: entries,
		directoryOn: today,
		deprivation: run.report.method.deprivation
	};
}

/**
 * Everything the board report shows, or null when there is no programme yet.
 * @param today the London date of the report, YYYY-MM-DD
 */
export function loadBoardReport(
	db: Db,
	query: Pick<GapQuery, 'threshold' | 'method' | 'category'>,
	today: string
) {
	// Every category: the report's matrix and headlines cover them all; `category` picks the map.
	const run = runGaps(db, { threshold: query.threshold, method: query.method });
	if (!run) return null;
	const { report } = run;
	const headlines = headlineGaps(report);
	const categoryIds = report.categories.map((c) => c.id);
	const unknownCategory = query.category !== undefined && !categoryIds.includes(query.category);
	// By default the map shows the widest gap: the reach headlines hold only categories with an entry
	// that has a place (entries online or roaming only would leave every small area "beyond").
	const mapped =
		(query.category && !unknownCategory ? query.category : null) ??
		headlines.reach[0]?.categoryId ??
		categoryIds[0] ??
		null;
	const week = weekSlotSummary(report.timeOfWeek);
	const demand = demandView(loadDemand(db, today), run.inputs.categories);
	return {
		programme: { name: run.programme.name, isFictional: run.programme.isFictional },
		date: today,
		dataSets: dataSets(db, run, today),
		method: {
			...report.method,
			label: SIZING_METHOD_LABELS[report.method.sizing]
		},
		notes: report.notes,
		categoryError: unknownCategory
			? `There is no category "${query.category}", so the map shows the category with the most people beyond reach of an entry with a place.`
			: null,
		headlines,
		matrix: report.matrix,
		map: mapped ? boardMap(db, run, mapped) : null,
		week: {
			slots: week,
			patches: headlines.patches,
			chart: weekChart(week, headlines.patches, 'every category')
		},
		demand: {
			byMonth: demand.byMonth,
			recording: demand.recording,
			chart: demandChart(demand.byMonth)
		}
	};
}

export type BoardReport = NonNullable<ReturnType<typeof loadBoardReport>>;
