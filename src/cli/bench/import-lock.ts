/**
 * How a command-line import affects the running site: a 25,000-row CSV import runs in a child
 * process while this process reads (the home page's and a search's queries) and writes (a
 * suggestion, a sign-in's writes) on the same file through the server's functions, on a
 * connection with the server's settings. Prints read latency during the import (p50, p95, max),
 * writes, errors and peak memory. Target: reads under 500 ms, 0 errors.
 *
 *   npm run bench:import-lock [-- --rows 25000 --runs 3]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../lib/server/db/client';
import { SERVER_BUSY_TIMEOUT_MS, whenWritable, writeTransaction } from '../../lib/server/db/busy';
import * as t from '../../lib/server/db/schema';
import { countPublicAssetsByKind } from '../../lib/server/queries/assets';
import { getProgramme, listPatches } from '../../lib/server/queries/patches';
import { searchDirectory } from '../../lib/server/queries/directory';
import { parseDirectorySearch } from '../../lib/domain/directory';
import { countSuggestion, createNewAssetSuggestion } from '../../lib/server/queries/suggestions';
import { createLoginSession } from '../../lib/server/auth';
import { admitSignIn, settleSignIn } from '../../lib/server/auth/rate-limit';
import { median, memory, percentile, sampleMemory } from './measure';
import { runStream, startImport, writeLargeCsv, type StreamStep } from './import-beside';

const { values } = parseArgs({
	options: { rows: { type: 'string', default: '25000' }, runs: { type: 'string', default: '3' } }
});
const ROWS = Number(values.rows);
const RUNS = Number(values.runs);

const ms = (n: number) => `${n.toFixed(1)} ms`;

async function oneRun(folder: string, run: number) {
	const database = join(folder, `lock-${run}.db`);
	const csv = join(folder, 'groups.csv');
	const { db, sqlite } = openDatabase(database, { busyTimeoutMs: SERVER_BUSY_TIMEOUT_MS });
	const programmeId = db
		.insert(t.programmes)
		.values({ slug: 'lock-bench', name: 'Lock bench' })
		.returning({ id: t.programmes.id })
		.all()[0].id;
	db.insert(t.categories).values({ id: 'food', name: 'Food and shared meals' }).run();
	const userId = db
		.insert(t.users)
		.values({ email: 'sam@example.org', displayName: 'Sam', role: 'coordinator' })
		.returning({ id: t.users.id })
		.all()[0].id;
	const steps: StreamStep[] = [
		{
			name: 'home page',
			kind: 'read',
			run: async () => {
				const programme = getProgramme(db);
				listPatches(db, programmeId);
				countPublicAssetsByKind(db, programmeId);
				return programme !== undefined;
			}
		},
		{
			name: 'search',
			kind: 'read',
			run: async (n) => {
				const { search } = parseDirectorySearch(new URLSearchParams({ q: `group ${n % 97}` }));
				searchDirectory(db, search, { today: '2026-12-07', perPage: 20, lang: 'en' });
				return true;
			}
		},
		{
			name: 'suggestion',
			kind: 'write',
			run: async (n) => {
				const address = `10.0.${(n >> 8) & 255}.${n & 255}`;
				await whenWritable(() => countSuggestion(db, address));
				await whenWritable(() =>
					createNewAssetSuggestion(db, {
						name: `Beside ${n}`,
						description: 'Suggested during an import',
						whenWhere: 'Saturdays',
						category: 'food',
						kind: 'group',
						submitterName: 'Ann',
						submitterEmail: 'ann@example.org'
					} as Parameters<typeof createNewAssetSuggestion>[1])
				);
				return true;
			}
		},
		{
			name: 'sign-in writes',
			kind: 'write',
			run: async (n) => {
				const email = 'sam@example.org';
				const address = `172.16.${(n >> 8) & 255}.${n & 255}`;
				const admission = await whenWritable(() =>
					writeTransaction(db, () => admitSignIn(db, { email, address }))
				);
				if (!admission.ok) return false;
				await whenWritable(() =>
					writeTransaction(db, () => {
						settleSignIn(db, admission.ticket, true);
						return createLoginSession(db, userId);
					})
				);
				return true;
			}
		}
	];
	const timer = setInterval(sampleMemory, 100);
	const started = performance.now();
	const child = startImport(database, csv, { programme: 'Lock bench', source: 'lock-bench' });
	const stream = await runStream(steps, child.running);
	const { code } = await child.done;
	clearInterval(timer);
	sqlite.close();
	return { stream, code, seconds: (performance.now() - started) / 1000 };
}

const folder = mkdtempSync(join(tmpdir(), 'patchwork-lock-bench-'));
try {
	writeLargeCsv(join(folder, 'groups.csv'), ROWS);
	console.log(
		`Import of ${ROWS.toLocaleString('en-GB')} rows beside the site's reads and writes, ${RUNS} runs (server busy_timeout ${SERVER_BUSY_TIMEOUT_MS} ms)`
	);
	const p50s: number[] = [];
	const p95s: number[] = [];
	const maxes: number[] = [];
	const writeMaxes: number[] = [];
	for (let run = 1; run <= RUNS; run++) {
		const { stream, code, seconds } = await oneRun(folder, run);
		const p50 = median(stream.readMs);
		const p95 = percentile(stream.readMs, 0.95);
		const max = Math.max(...stream.readMs);
		p50s.push(p50);
		p95s.push(p95);
		maxes.push(max);
		writeMaxes.push(Math.max(...stream.writeMs));
		console.log(
			`run ${run}: import exit ${code} in ${seconds.toFixed(1)} s; ${stream.readMs.length} reads p50 ${ms(p50)}, p95 ${ms(p95)}, max ${ms(max)}; ` +
				`${stream.writeMs.length} writes (${stream.acknowledged} acknowledged) p50 ${ms(median(stream.writeMs))}, max ${ms(Math.max(...stream.writeMs))}; errors ${stream.errors.length}` +
				(stream.errors.length ? ` (${stream.errors.slice(0, 3).join('; ')})` : '')
		);
	}
	console.log(
		`median of ${RUNS} runs: reads p50 ${ms(median(p50s))}, p95 ${ms(median(p95s))}, max ${ms(median(maxes))}; ` +
			`write max ${ms(median(writeMaxes))}; target: reads under 500 ms`
	);
	console.log(
		`peak memory (this process): rss ${(memory.rss / 2 ** 20).toFixed(0)} MB, heap ${(memory.heapUsed / 2 ** 20).toFixed(0)} MB`
	);
} finally {
	rmSync(folder, { recursive: true, force: true });
}
