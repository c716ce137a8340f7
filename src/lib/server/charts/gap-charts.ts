/**
 * The Gaps page's and board report's charts, drawn by Observable Plot (see render.ts): demand by
 * month, patches with nothing meeting by time of week, and the map of small areas by straight-line
 * distance to the nearest entry with the patches outlined. Each has a title and a summary in words,
 * and every colour is also written as text (bar and cell labels, the map's key and its table).
 */
import * as Plot from '@observablehq/plot';
import { rewind } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { formatNumber } from '../../domain/format';
import { timeOfDayLabel, weekdayName } from '../../domain/sessions';
import { joinList } from '../../domain/phrases';
import type { WeekSlotSummary } from '../../domain/gaps/headlines';
import type { AreaGeometry } from '../../domain/geometry';
import { renderChart, type RenderedChart } from './render';

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
const n = (value: number) => formatNumber(value);

export const DEMAND_SERIES = {
	nothingSuitable: 'Nothing suitable found (connections)',
	emptySearches: 'Searches that found nothing'
} as const;

/**
 * Demand by month: one row of bars per kind of demand, each bar labelled with its count.
 * Null when there is nothing to draw (the page says so in words instead).
 */
export function demandChart(
	byMonth: readonly { month: string; nothingSuitable: number; emptySearches: number }[],
	describedBy = 'demand-chart-summary'
): RenderedChart | null {
	if (byMonth.length === 0) return null;
	const rows = byMonth.flatMap((row) => [
		{ month: row.month, series: DEMAND_SERIES.nothingSuitable, count: row.nothingSuitable },
		{ month: row.month, series: DEMAND_SERIES.emptySearches, count: row.emptySearches }
	]);
	const total = (key: 'nothingSuitable' | 'emptySearches') =>
		byMonth.reduce((sum, row) => sum + row[key], 0);
	const busiest = [...byMonth].sort(
		(a, b) => b.nothingSuitable + b.emptySearches - (a.nothingSuitable + a.emptySearches)
	)[0];
	const months = byMonth.map((row) => row.month);
	const summary =
		`Over ${months.length === 1 ? '1 month' : `${months.length} months`} (${months[0]}` +
		`${months.length > 1 ? ` to ${months.at(-1)}` : ''}), coordinators recorded ` +
		`${n(total('nothingSuitable'))} ${total('nothingSuitable') === 1 ? 'connection' : 'connections'} ` +
		`where nothing suitable was found, and ${n(total('emptySearches'))} directory ` +
		`${total('emptySearches') === 1 ? 'search' : 'searches'} found nothing. The most were in ` +
		`${busiest.month} (${n(busiest.nothingSuitable + busiest.emptySearches)}).`;
	return renderChart(
		{ title: 'Demand by month: what people looked for and did not find', summary, describedBy },
		{
			width: 640,
			height: 130 + 110 * 2,
			marginLeft: 40,
			marginTop: 24,
			marginBottom: months.length > 4 ? 80 : 40,
			style: { fontFamily: FONT, fontSize: '12px' },
			x: { domain: months, label: null, tickRotate: months.length > 4 ? -30 : 0 },
			y: { label: null, grid: true, ticks: 4 },
			fy: { domain: Object.values(DEMAND_SERIES), label: null, axis: null, padding: 0.3 },
			color: { domain: Object.values(DEMAND_SERIES), range: ['#1d70b8', '#d4351c'] },
			marks: [
				Plot.barY(rows, { x: 'month', y: 'count', fy: 'series', fill: 'series' }),
				Plot.text(rows, {
					x: 'month',
					y: 'count',
					fy: 'series',
					text: (d: { count: number }) => n(d.count),
					dy: -7,
					fill: '#0b0c0c'
				}),
				// Each row's name, written above it: the colour is never the only key.
				Plot.text(Object.values(DEMAND_SERIES), {
					fy: (d: string) => d,
					text: (d: string) => d,
					frameAnchor: 'top-left',
					dy: -18,
					fontWeight: 'bold',
					fill: '#0b0c0c'
				}),
				Plot.ruleY([0])
			]
		}
	);
}

/** Week chart cells: a count of patches in every slot, dark where most patches have nothing. */
export function weekChart(
	slots: readonly WeekSlotSummary[],
	patches: number,
	what: string,
	describedBy = 'week-chart-summary'
): RenderedChart | null {
	if (patches === 0) return null;
	const cells = slots.map((slot) => ({
		day: weekdayName(slot.weekday),
		part: timeOfDayLabel(slot.part),
		empty: slot.empty
	}));
	const most = Math.max(...cells.map((cell) => cell.empty));
	const worst = cells.filter((cell) => cell.empty === most);
	const times = worst.map((cell) => `${cell.day} ${cell.part.toLowerCase()}`);
	const emptiest =
		worst.length === 1
			? `The emptiest time is ${times[0]}`
			: worst.length <= 3
				? `The emptiest times are ${joinList(times)}`
				: `${n(worst.length)} of the 21 times are the emptiest`;
	const allFull = cells.every((cell) => cell.empty === 0);
	const eveningsEmpty = slots
		.filter((slot) => slot.part === 'evening' && slot.weekday <= 5)
		.reduce((sum, slot) => sum + slot.empty, 0);
	const summary = allFull
		? `Something meets in every patch at every time of the week (${what}).`
		: `Patches where nothing meets, out of ${n(patches)}, for each morning, afternoon and evening ` +
			`of the week (${what}). ${emptiest}, with nothing in ${n(most)} of ${n(patches)} ` +
			`patches. Counting each patch's 5 weekday ` +
			`evenings, ${n(eveningsEmpty)} of ${n(patches * 5)} have nothing meeting.`;
	return renderChart(
		{ title: `Patches with nothing meeting, by time of week (${what})`, summary, describedBy },
		{
			width: 420,
			height: 300,
			marginLeft: 90,
			marginTop: 30,
			style: { fontFamily: FONT, fontSize: '12px' },
			x: { domain: ['Morning', 'Afternoon', 'Evening'], label: null, axis: 'top' },
			y: { domain: [1, 2, 3, 4, 5, 6, 7].map((d) => weekdayName(d)), label: null },
			color: { type: 'linear', domain: [0, patches], range: ['#ffffff', '#942514'] },
			marks: [
				Plot.cell(cells, { x: 'part', y: 'day', fill: 'empty', inset: 1, stroke: '#b1b4b6' }),
				Plot.text(cells, {
					x: 'part',
					y: 'day',
					text: (d: { empty: number }) => `${n(d.empty)} of ${n(patches)}`,
					fill: (d: { empty: number }) => (d.empty / patches > 0.5 ? '#ffffff' : '#0b0c0c')
				})
			]
		}
	);
}

export interface MapArea {
	code: string;
	geometry: AreaGeometry;
	/** Straight-line metres to the nearest entry, or null when the category has none. */
	metres: number | null;
}

/** The map's bands, nearest first: their words are the map's key. */
export function distanceBands(thresholdMetres: number) {
	const t = n(thresholdMetres);
	const t2 = n(thresholdMetres * 2);
	return [
		{ label: `Within ${t} m`, colour: '#e8f1f8' },
		{ label: `${t} m to ${t2} m`, colour: '#f4a582' },
		{ label: `Over ${t2} m`, colour: '#b2182b' },
		{ label: 'No entry with a place in this category', colour: '#505a5f' }
	];
}

/** The band's label for a distance. */
export function distanceBand(metres: number | null, thresholdMetres: number): string {
	const bands = distanceBands(thresholdMetres);
	if (metres === null) return bands[3].label;
	if (metres <= thresholdMetres) return bands[0].label;
	return metres <= thresholdMetres * 2 ? bands[1].label : bands[2].label;
}

/** GeoJSON winds outer rings anticlockwise; d3-geo (under Plot) reads them clockwise. */
const forD3 = <P extends Record<string, unknown>>(
	features: Feature<Geometry, P>[]
): FeatureCollection<Geometry, P> =>
	rewind({ type: 'FeatureCollection', features }, { reverse: true }) as FeatureCollection<
		Geometry,
		P
	>;

/**
 * The gap map: small areas shaded by straight-line distance to the nearest entry of a category,
 * patches outlined and named.
 */
export function gapMap(
	areas: readonly MapArea[],
	patches: readonly { name: string; geometry: AreaGeometry }[],
	category: string,
	thresholdMetres: number,
	describedBy = 'gap-map-summary'
): RenderedChart {
	const bands = distanceBands(thresholdMetres);
	const shaded = forD3(
		areas.map((area) => ({
			type: 'Feature' as const,
			geometry: area.geometry as Geometry,
			properties: { band: distanceBand(area.metres, thresholdMetres) }
		}))
	);
	const outlines = forD3(
		patches.map((patch) => ({
			type: 'Feature' as const,
			geometry: patch.geometry as Geometry,
			properties: { name: patch.name }
		}))
	);
	const beyond = areas.filter((area) => area.metres === null || area.metres > thresholdMetres);
	const summary =
		`${n(beyond.length)} of ${n(areas.length)} small areas are farther than ${n(thresholdMetres)} m ` +
		`in a straight line from the nearest ${category.toLowerCase()} entry. Key: ` +
		bands
			.map(
				(band) =>
					`${band.label}, ${n(areas.filter((a) => distanceBand(a.metres, thresholdMetres) === band.label).length)} small areas`
			)
			.join('; ') +
		'.';
	return renderChart(
		{
			title: `Map: straight-line distance to the nearest ${category.toLowerCase()} entry, by small area, with patches outlined`,
			summary,
			describedBy
		},
		{
			width: 640,
			height: 560,
			margin: 8,
			style: { fontFamily: FONT, fontSize: '11px' },
			projection: { type: 'mercator', domain: shaded },
			color: {
				type: 'ordinal',
				domain: bands.map((b) => b.label),
				range: bands.map((b) => b.colour)
			},
			marks: [
				Plot.geo(shaded, {
					fill: (d: { properties: { band: string } }) => d.properties.band,
					stroke: '#ffffff',
					strokeWidth: 0.4
				}),
				Plot.geo(outlines, { stroke: '#0b0c0c', strokeWidth: 2, fill: 'none' }),
				Plot.text(
					outlines.features,
					Plot.centroid({
						text: (d: { properties: { name: string } }) => d.properties.name,
						fill: '#0b0c0c',
						stroke: '#ffffff',
						strokeWidth: 3,
						fontWeight: 'bold',
						lineWidth: 10
					})
				)
			]
		}
	);
}
