/**
 * The printable board report on the demo borough, called as the server calls it and rendered as the
 * server renders it: its date, data sets and methods; headline gaps that agree with the figures
 * `npm run gaps --json` prints (gapReportData); a gap of each kind a visitor to the demo should see;
 * and charts that are accessible SVG (role="img", named, described, every colour also in words) made
 * on the server, each with its table. Also the Gaps page's demand and time-of-week charts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'svelte/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Db } from '../../src/lib/server/db/client';
import * as t from '../../src/lib/server/db/schema';
import { seedDemoIfEmpty } from '../../src/lib/server/demo/seed';
import { runGaps } from '../../src/lib/server/gaps';
import { gapReportData } from '../../src/lib/domain/gaps/report-output';
import { formatDate, formatNumber } from '../../src/lib/domain/format';
import { londonDate } from '../../src/lib/domain/sessions';
import type { SessionUser } from '../../src/lib/server/auth/roles';
import { outcomeOf, staffEvent } from './staff-helpers';

const state = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock('$lib/server/db', () => ({ getDb: () => state.db }));

const reportRoute = await import('../../src/routes/council/gaps/report/+page.server');
const gapsRoute = await import('../../src/routes/council/gaps/+page.server');
const ReportPage = (await import('../../src/routes/council/gaps/report/+page.svelte')).default;

const H = 'http://localhost';
const council: SessionUser = { id: 1, email: 'c@example.org', displayName: 'C', role: 'council' };
const coordinator: SessionUser = { ...council, role: 'coordinator' };
let dir: string;
let db: Db;
let close: () => void;

// Demand a coordinator and the directory recorded this month and last month.
const today = londonDate(new Date());
const thisMonth = `${today.slice(0, 7)}-01`;
const [y, m] = today.split('-').map(Number);
const lastMonth = new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 10);

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'patchwork-gap-report-'));
	const path = join(dir, 'demo.db');
	const opened = openDatabase(path);
	({ db } = opened);
	close = () => opened.sqlite.close();
	await seedDemoIfEmpty(db, { path });
	state.db = db;
	// The demo's own made-up demand is taken out, so the sums below are the test's rows alone.
	db.delete(t.connections).run();
	db.delete(t.emptySearches).run();
	const nothing = { kind: 'nothing_suitable' as const, theme: 'food' };
	db.insert(t.connections)
		.values([
			{ ...nothing, madeOn: lastMonth },
			{ ...nothing, madeOn: thisMonth },
			{ ...nothing, madeOn: thisMonth }
		])
		.run();
	db.insert(t.emptySearches)
		.values([
			{ searchedOn: lastMonth, category: 'food', count: 4 },
			{ searchedOn: thisMonth, day: '2', count: 1 }
		])
		.run();
});
afterAll(() => {
	close();
	rmSync(dir, { recursive: true, force: true });
});

async function loadReport(query = '') {
	const outcome = await outcomeOf(() =>
		reportRoute.load(staffEvent(`${H}/council/gaps/report${query}`, council))
	);
	expect(outcome.kind).toBe('ok');
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	return (outcome as { data: any }).data;
}

/** The report page as the server renders it, as text (tags dropped, spaces collapsed). */
async function reportText(query = '') {
	const { body } = render(ReportPage, { props: { data: await loadReport(query) } as never });
	return { body, text: body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ') };
}

/** The SVG's opening tag's attributes. */
const svgTag = (svg: string) => svg.slice(0, svg.indexOf('>') + 1);

function expectAccessibleSvg(
	chart: { title: string; summary: string; svg: string },
	summaryId: string
) {
	const tag = svgTag(chart.svg);
	expect(tag).toMatch(/^<svg /);
	expect(tag).toContain('role="img"');
	expect(tag).toContain(`aria-label="${chart.title}"`);
	expect(tag).toContain(`aria-describedby="${summaryId}"`);
	expect(chart.svg).not.toContain('aria-description');
	// Named once, on the <svg>: labels on its groups would be prohibited ARIA inside role="img".
	expect(chart.svg.match(/aria-label=/g)).toHaveLength(1);
	expect(chart.svg).toContain(`<title>${chart.title}</title>`);
	// Drawn on the server, whole: no script, nothing to load.
	expect(chart.svg).not.toMatch(/<script|<foreignObject|href="http/);
}

describe('the board report', () => {
	it('is for the council and admins only', async () => {
		const outcome = await outcomeOf(() =>
			reportRoute.load(staffEvent(`${H}/council/gaps/report`, coordinator))
		);
		expect(outcome).toEqual({ kind: 'error', status: 403 });
	});

	it('dates itself and names its data sets and methods', async () => {
		const { report } = await loadReport('?threshold=900&method=centroid');
		expect(report.date).toBe(today);
		expect(report.dataSets.smallAreas).toBe(312);
		expect(report.dataSets.patches).toBe(8);
		expect(report.dataSets.population).toMatch(/\(\d{4}-\d{2}-\d{2}\)$/);
		expect(report.dataSets.deprivation).toMatch(/imported \d{4}-\d{2}-\d{2}/);
		expect(report.method).toMatchObject({
			sizing: 'centroid',
			thresholdMetres: 900,
			distance: 'straight line'
		});
		const { text } = await reportText();
		expect(text).toContain(`Report for the board, ${formatDate(today)}`);
		expect(text).toContain('Areal weighting');
		expect(text).toContain('straight-line distance');
		expect(text).toContain('Near means within 800 m');
		expect(text).toContain('deciles 1 and 2');
	});

	it('has a gap of each kind, with the figures the CLI prints', async () => {
		const { report } = await loadReport();
		const run = runGaps(db, { threshold: 800, method: 'areal' })!;
		const printed = JSON.parse(JSON.stringify(gapReportData(run.report, run.inputs.areas)));
		// A category missing from a patch, as the CLI flags it.
		const noneInCli = printed.patches.filter(
			(row: { flag: string; categoryId: string }) =>
				row.flag === 'none' &&
				printed.categories.find((c: { id: string }) => c.id === row.categoryId).total > 0
		);
		expect(report.headlines.missing.length).toBe(noneInCli.length);
		expect(report.headlines.missing.length).toBeGreaterThan(0);
		// People beyond reach, and people in the most deprived 20% beyond reach.
		const top = report.headlines.reach[0];
		const cli = printed.programmeBeyond.find(
			(row: { categoryId: string }) => row.categoryId === top.categoryId
		);
		expect(top.people).toBe(Math.round(cli.people));
		expect(top.deprivedPeople).toBe(Math.round(cli.deprivedPeople));
		expect(top.deprivedPeople).toBeGreaterThan(0);
		// Categories whose entries have no place are named apart, never counted as everyone beyond.
		expect(report.headlines.unplaced).toContain('Getting about');
		expect(report.headlines.reach.map((gap: { category: string }) => gap.category)).not.toContain(
			'Getting about'
		);
		// An evening gap.
		expect(report.headlines.evenings.length).toBeGreaterThan(0);
		// The map's patch table is its category's column of the CLI's figures.
		for (const row of report.map.patches) {
			const same = printed.patches.find(
				(p: { patchId: number; categoryId: string }) =>
					p.patchId === row.patchId && p.categoryId === report.map.category.id
			);
			expect(row.beyond).toBe(same.peopleBeyond);
		}
		const { text } = await reportText();
		expect(text).toContain(`${formatNumber(top.people)} people live farther than 800 m`);
		expect(text).toContain(
			`${report.headlines.evenings.length} of 8 patches have an evening with nothing meeting`
		);
	});

	it('draws the map of small areas as accessible SVG, with its key in words and its table', async () => {
		const { report } = await loadReport('?category=food');
		expect(report.map.category.id).toBe('food');
		expect(report.map.fallback).toBeNull();
		expectAccessibleSvg(report.map.chart, 'gap-map-summary');
		expect(report.map.chart.title).toContain('straight-line distance to the nearest food');
		// One shape per small area, and the patches outlined.
		expect(report.map.chart.svg.match(/<path /g)!.length).toBeGreaterThanOrEqual(312 + 8);
		expect(
			report.map.key.reduce((sum: number, band: { areas: number }) => sum + band.areas, 0)
		).toBe(312);
		for (const band of report.map.key) {
			expect(report.map.chart.summary).toContain(
				`${band.label}, ${formatNumber(band.areas)} small areas`
			);
		}
		const { body } = await reportText('?category=food');
		expect(body).toContain('Food and shared meals: people farther than 800 m by patch');
		expect(body).toContain('id="gap-map-summary"');
	});

	it('says which category the map shows when asked for one that does not exist', async () => {
		const data = await loadReport('?category=no-such-thing');
		expect(data.errors).toEqual([
			'There is no category "no-such-thing", so the map shows the category with the most people beyond reach of an entry with a place.'
		]);
		// The widest gap among categories with an entry that has a place (not the online-only ones).
		expect(data.report.map.category.id).toBe(data.report.headlines.reach[0].categoryId);
		expect(data.report.map.key.at(-1)).toMatchObject({
			label: 'No entry with a place in this category',
			areas: 0
		});
	});

	it('charts the time of week and demand, each with its table', async () => {
		const { report } = await loadReport();
		expectAccessibleSvg(report.week.chart, 'week-chart-summary');
		// Every one of the 21 cells carries its count in words, not only a shade.
		expect(report.week.chart.svg.match(/>\d+ of 8</g)).toHaveLength(21);
		expectAccessibleSvg(report.demand.chart, 'demand-chart-summary');
		expect(
			report.demand.byMonth.map((row: { nothingSuitable: number }) => row.nothingSuitable)
		).toEqual([1, 2]);
		expect(
			report.demand.byMonth.map((row: { emptySearches: number }) => row.emptySearches)
		).toEqual([4, 1]);
		expect(report.demand.chart.summary).toContain('3 connections where nothing suitable was found');
		expect(report.demand.chart.summary).toContain('5 directory searches found nothing');
		const { body } = await reportText();
		expect(body).toContain('<caption>Demand by month</caption>');
		expect(body).toContain('Patches with nothing meeting, of 8');
		expect(body).toContain('id="week-chart-summary"');
	});
});

describe('the Gaps page charts', () => {
	it('draws the demand and time-of-week charts on the server, for the chosen category', async () => {
		const outcome = await outcomeOf(() =>
			gapsRoute.load(staffEvent(`${H}/council/gaps?category=food`, council))
		);
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		const run = (outcome as { data: any }).data.run;
		expectAccessibleSvg(run.charts.demand, 'demand-chart-summary');
		expectAccessibleSvg(run.charts.week, 'week-chart-summary');
		expect(run.charts.week.title).toBe(
			'Patches with nothing meeting, by time of week (food and shared meals)'
		);
		expect(run.weekSlots).toHaveLength(21);
	});
});
