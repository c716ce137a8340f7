/**
 * `npm run gaps` as a person runs it, on the demo borough: its JSON is the analysis the Gaps page
 * shows, its CSV is formula-safe, and bad options get a plain message and exit code 1, never a stack
 * trace. The demo borough shows a gap in each analysis: a category missing from a patch, people
 * beyond 800 m, and empty evening slots. Then: the analysis is cached per state of the data it reads
 * (triggers bump a version on every write to entries, patches, populations or deprivation).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { openDatabase, type Db } from '../../src/lib/server/db/client';
import * as t from '../../src/lib/server/db/schema';
import { gapDataVersion } from '../../src/lib/server/gaps/cache';
import { seedDemoIfEmpty } from '../../src/lib/server/demo/seed';
import { runGaps } from '../../src/lib/server/gaps';
import { gapReportData } from '../../src/lib/domain/gaps/report-output';
import { SPAWN_TIMEOUT_MS, SPAWNING_TEST_TIMEOUT_MS, cli } from '../spawn';

vi.setConfig({ testTimeout: SPAWNING_TEST_TIMEOUT_MS });

const QUERY = { threshold: 800, method: 'areal' as const };
let db: Db;
let dir: string;
let databasePath: string;

function run(...args: string[]) {
	const result = spawnSync(...cli('gaps', ...args), {
		env: { ...process.env, DATABASE_PATH: databasePath, FORCE_COLOR: '0' },
		encoding: 'utf8',
		timeout: SPAWN_TIMEOUT_MS
	});
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'patchwork-gaps-'));
	databasePath = join(dir, 'demo.db');
	const { db, sqlite } = openDatabase(databasePath);
	await seedDemoIfEmpty(db, { path: databasePath });
	sqlite.close();
}, SPAWNING_TEST_TIMEOUT_MS);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run gaps on the demo borough', () => {
	it('prints the same figures as the analysis the page runs, as JSON', () => {
		const { code, stdout } = run('--json', '--threshold', '900');
		expect(code).toBe(0);
		const printed = JSON.parse(stdout);
		const { db, sqlite } = openDatabase(databasePath);
		try {
			const gaps = runGaps(db, { threshold: 900, method: 'areal' })!;
			expect(printed).toEqual(
				JSON.parse(JSON.stringify(gapReportData(gaps.report, gaps.inputs.areas)))
			);
		} finally {
			sqlite.close();
		}
		// A gap of each kind a visitor to the demo should see.
		expect(printed.patches.some((row: { flag: string }) => row.flag === 'none')).toBe(true);
		expect(printed.programmeBeyond.some((row: { people: number }) => row.people > 0)).toBe(true);
		// …including people in the most deprived 20% beyond reach (the demo's made-up deciles).
		expect(printed.mostDeprivedPeople).toBeGreaterThan(0);
		expect(
			printed.patches.some(
				(row: { peopleBeyondMostDeprived: number }) => row.peopleBeyondMostDeprived > 0
			)
		).toBe(true);
		const emptyEvenings = printed.timeOfWeek.flatMap(
			(grid: {
				slots: { weekday: number; part: string; everyWeek: number; someWeeks: number }[];
			}) =>
				grid.slots.filter(
					(s) => s.part === 'evening' && s.weekday <= 5 && s.everyWeek + s.someWeeks === 0
				)
		);
		expect(emptyEvenings.length).toBeGreaterThan(0);
	});

	it('prints one category as text and as formula-safe CSV', () => {
		const text = run('--category', 'food');
		expect(text.code).toBe(0);
		expect(text.stdout).toContain('Food and shared meals (food):');
		expect(text.stdout).toContain('straight line');
		const csv = run('--category', 'food', '--csv');
		expect(csv.code).toBe(0);
		expect(csv.stdout).toContain('People beyond 800 m (straight line)');
		expect(csv.stdout.split('\r\n').filter((l) => l.startsWith('=') || l.startsWith('+'))).toEqual(
			[]
		);
	});

	it('explains bad options with exit code 1 and no stack trace', () => {
		for (const [args, message] of [
			[['--threshold', '5'], 'Threshold must be at least 100 m'],
			[['--category', 'no-such-thing'], 'There is no category "no-such-thing"'],
			[['--json', '--csv'], 'Give --json or --csv, not both.']
		] as const) {
			const result = run(...args);
			expect(result.code).toBe(1);
			expect(result.stderr).toContain(message);
			expect(result.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
		}
	});
});

const libraries = () =>
	runGaps(db, QUERY)!.report.matrix.categories.find((c) => c.id === 'reading-and-languages')!;

describe('the cached gap analysis (after the CLI tests: it changes the demo data)', () => {
	let sqlite: ReturnType<typeof openDatabase>['sqlite'];
	beforeAll(() => {
		({ db, sqlite } = openDatabase(databasePath));
	});
	afterAll(() => sqlite.close());

	it('reuses the run while nothing it reads changes, and not for another threshold', () => {
		const first = runGaps(db, QUERY);
		// A write to a table the analysis does not read leaves it current.
		db.insert(t.jobRuns).values({ job: 'test', summary: {} }).run();
		expect(runGaps(db, QUERY)).toBe(first);
		expect(runGaps(db, { ...QUERY, threshold: 1200 })).not.toBe(first);
	});

	it('runs again after an entry is archived, and counts one fewer', () => {
		const before = libraries().total;
		const version = gapDataVersion(db);
		const library = db
			.select({ id: t.assetCategories.assetId })
			.from(t.assetCategories)
			.innerJoin(t.assets, eq(t.assets.id, t.assetCategories.assetId))
			.where(
				and(
					eq(t.assetCategories.categoryId, 'reading-and-languages'),
					eq(t.assets.status, 'published'),
					eq(t.assets.kind, 'venue')
				)
			)
			.get()!;
		db.update(t.assets).set({ status: 'archived' }).where(eq(t.assets.id, library.id)).run();
		expect(gapDataVersion(db)).toBeGreaterThan(version);
		expect(libraries().total).toBe(before - 1);
	});

	it('runs again after the deprivation figures are removed, and drops the deprivation figures', () => {
		expect(runGaps(db, QUERY)!.report.deprivedPeople).toBeGreaterThan(0);
		db.delete(t.deprivationSets).run();
		const run = runGaps(db, QUERY)!;
		expect(run.report.deprivedPeople).toBeNull();
		expect(run.report.method.deprivation).toBeNull();
	});
});
