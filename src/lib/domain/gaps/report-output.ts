/**
 * The gap report as plain data (JSON), CSV and GeoJSON, so the CLI, the page and the downloads give
 * the same figures. CSV cells are formula-safe (csvCell): patch and entry names come from people.
 */
import { csvCell } from '../sizing-report';
import { SIZING_METHOD_LABELS } from '../sizing/types';
import type { AreaGeometry } from '../geometry';
import type { GapReport } from './report';
import type { GapSmallArea } from './types';

const FLAG_WORDS = { none: 'None', low: 'Under a quarter of the median' } as const;

/** One row per patch and category: the matrix and the people beyond the threshold together. */
export interface PatchCategoryRow {
	patchId: number;
	patch: string;
	categoryId: string;
	category: string;
	population: number | null;
	entries: number;
	per1000: number | null;
	medianPer1000: number | null;
	flag: 'none' | 'low' | null;
	peopleBeyond: number;
	shareBeyond: number | null;
	/** Of the people beyond, those in the most deprived 20%; null without deprivation data. */
	peopleBeyondMostDeprived: number | null;
}

/** The matrix and the distance figures flattened to one row per patch and category. */
export function patchCategoryRows(report: GapReport): PatchCategoryRow[] {
	return report.matrix.rows.flatMap((row, r) =>
		row.cells.map((cell, c) => ({
			patchId: row.patchId,
			patch: row.patchName,
			categoryId: cell.categoryId,
			category: report.matrix.categories[c].name,
			population: row.population,
			entries: cell.count,
			per1000: cell.per1000,
			medianPer1000: report.matrix.categories[c].medianPer1000,
			flag: cell.flag,
			peopleBeyond: report.beyond[r].cells[c].people,
			shareBeyond: report.beyond[r].cells[c].share,
			peopleBeyondMostDeprived: report.beyond[r].cells[c].deprivedPeople
		}))
	);
}

const round = (value: number | null, places: number) =>
	value === null || !Number.isFinite(value) ? null : Number(value.toFixed(places));

/** The report as JSON-ready data (Infinity becomes null: "no entry of this category at all"). */
export function gapReportData(report: GapReport, areas: readonly GapSmallArea[]) {
	return {
		method: report.method,
		notes: report.notes,
		categories: report.matrix.categories,
		patches: patchCategoryRows(report).map((row) => ({
			...row,
			per1000: round(row.per1000, 3),
			medianPer1000: round(row.medianPer1000, 3),
			peopleBeyond: Math.round(row.peopleBeyond),
			shareBeyond: round(row.shareBeyond, 4),
			peopleBeyondMostDeprived:
				row.peopleBeyondMostDeprived === null ? null : Math.round(row.peopleBeyondMostDeprived)
		})),
		mostDeprivedPeople: report.deprivedPeople,
		programmeBeyond: report.programmeBeyond,
		timeOfWeek: report.timeOfWeek.map((grid) => ({
			patchId: grid.patchId,
			patch: grid.patchName,
			slots: grid.slots.map((slot) => ({
				weekday: slot.weekday,
				part: slot.part,
				everyWeek: slot.everyWeek.length,
				someWeeks: slot.someWeeks.length
			}))
		})),
		smallAreas: areas.map((area, i) => ({
			code: area.code,
			population: area.population,
			decile: area.decile ?? null,
			nearestMetres: Object.fromEntries(
				report.distances.map((d) => [d.categoryId, round(d.metres[i], 1)])
			)
		}))
	};
}

const csvLines = (rows: (string | number)[][]) =>
	'\ufeff' + rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';

const blank = (value: number | null, places = 3) =>
	value === null || !Number.isFinite(value) ? '' : Number(value.toFixed(places));

/** Where the figures come from, as the first lines of every CSV. */
function provenance(report: GapReport): (string | number)[][] {
	return [
		['Population method', SIZING_METHOD_LABELS[report.method.sizing]],
		['Population set', report.method.populationSet ?? 'none'],
		['Distance', `straight line, threshold ${report.method.thresholdMetres} m`],
		['Deprivation', report.method.deprivation ?? 'none imported'],
		[]
	];
}

/** The patch × category table as CSV. */
export function patchCategoryCsv(report: GapReport): string {
	const threshold = report.method.thresholdMetres;
	const deprived = report.method.deprivation !== null;
	return csvLines([
		...provenance(report),
		[
			'Patch',
			'Category',
			'Population',
			'Entries',
			'Entries per 1,000 residents',
			'Programme median per 1,000',
			'Flag',
			`People beyond ${threshold} m (straight line)`,
			`Share beyond ${threshold} m`,
			...(deprived ? [`Of them in the most deprived 20%`] : [])
		],
		...patchCategoryRows(report).map((row) => [
			row.patch,
			row.category,
			row.population === null ? 'no estimate' : Math.round(row.population),
			row.entries,
			blank(row.per1000),
			blank(row.medianPer1000),
			row.flag ? FLAG_WORDS[row.flag] : '',
			Math.round(row.peopleBeyond),
			blank(row.shareBeyond, 4),
			...(deprived ? [Math.round(row.peopleBeyondMostDeprived ?? 0)] : [])
		])
	]);
}

/** The time-of-week grids as CSV: one row per patch, day and part of the day. */
export function timeOfWeekCsv(report: GapReport): string {
	return csvLines([
		['Patch', 'Weekday (1 = Monday)', 'Part of day', 'Entries every week', 'Entries some weeks'],
		...report.timeOfWeek.flatMap((grid) =>
			grid.slots.map((slot) => [
				grid.patchName,
				slot.weekday,
				slot.part,
				slot.everyWeek.length,
				slot.someWeeks.length
			])
		)
	]);
}

/** Small areas with their nearest distances as CSV (empty where a category has no entry). */
export function smallAreasCsv(report: GapReport, areas: readonly GapSmallArea[]): string {
	return csvLines([
		...provenance(report),
		[
			'Small area',
			'Population',
			'IMD decile',
			...report.categories.map((c) => `Nearest ${c.name} (m, straight line)`)
		],
		...areas.map((area, i) => [
			area.code,
			area.population,
			area.decile ?? '',
			...report.distances.map((d) => blank(d.metres[i], 1))
		])
	]);
}

/**
 * Small areas as GeoJSON with population and nearest distances (null where a category has none), for
 * a GIS and the page's choropleth: their boundaries when `boundaryOf` knows them, else their
 * representative points.
 */
export function smallAreasGeoJson(
	report: GapReport,
	areas: readonly GapSmallArea[],
	boundaryOf: (code: string) => AreaGeometry | undefined = () => undefined,
	keep: (area: GapSmallArea) => boolean = () => true
): GeoJSON.FeatureCollection {
	return {
		type: 'FeatureCollection',
		features: areas
			.flatMap((area, i) => (keep(area) ? [{ area, i }] : []))
			.map(({ area, i }) => ({
				type: 'Feature',
				geometry: boundaryOf(area.code) ?? { type: 'Point', coordinates: area.point },
				properties: {
					code: area.code,
					population: area.population,
					point: area.point,
					imd_decile: area.decile ?? null,
					threshold_m: report.method.thresholdMetres,
					...Object.fromEntries(
						report.distances.flatMap((d) => [
							[`nearest_${d.categoryId}_m`, round(d.metres[i], 1)],
							[`beyond_${d.categoryId}`, d.metres[i] > report.method.thresholdMetres]
						])
					)
				}
			}))
	};
}
