/**
 * The command line, run as a person runs it: `npm run assets -- import FILE …` against a database
 * file, with its exit code, report and messages.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/client';
import * as t from '../../src/lib/server/db/schema';
import { dataFile } from './asset-import-fixtures';
import { SPAWN_TIMEOUT_MS, SPAWNING_TEST_TIMEOUT_MS, cli } from '../spawn';

vi.setConfig({ testTimeout: SPAWNING_TEST_TIMEOUT_MS });

const run = promisify(execFile);
const folder = mkdtempSync(join(tmpdir(), 'patchwork-assets-'));
const database = join(folder, 'cli.db');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function assets(
	...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
	try {
		const { stdout, stderr } = await run(...cli('assets', ...args), {
			env: { ...process.env, DATABASE_PATH: database },
			timeout: SPAWN_TIMEOUT_MS
		});
		return { code: 0, stdout, stderr };
	} catch (error) {
		const failed = error as { code: number; stdout: string; stderr: string };
		return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
	}
}

function storedAssets() {
	const { db, sqlite } = openDatabase(database);
	try {
		return db.select({ name: t.assets.name, status: t.assets.status }).from(t.assets).all();
	} finally {
		sqlite.close();
	}
}

describe('npm run assets -- import', () => {
	const libraries = dataFile('trafford/assets/trafford_libraries.geojson');
	const mapping = join(folder, 'libraries.json');
	writeFileSync(
		mapping,
		JSON.stringify({
			source: 'trafford-libraries',
			kind: 'venue',
			categories: ['Reading and languages']
		})
	);

	it('checks a file with --dry-run and saves nothing', async () => {
		const result = await assets(
			'import',
			libraries,
			'--format',
			'geojson',
			'--mapping',
			mapping,
			'--dry-run',
			'--programme',
			'Trafford'
		);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain(
			`Checked ${libraries}: 13 records (nothing has been saved yet)`
		);
		expect(result.stdout).toContain('13 new assets would be created (as drafts).');
		expect(result.stdout).toContain('Run the same command without --dry-run to import it.');
		expect(storedAssets()).toEqual([]);
	});

	it('imports, then imports again without duplicating anything', async () => {
		const first = await assets(
			'import',
			libraries,
			'--format',
			'geojson',
			'--mapping',
			mapping,
			'--status',
			'published',
			'--programme',
			'Trafford'
		);
		expect(first.code).toBe(0);
		expect(first.stdout).toContain('13 new assets were created (as published).');
		const again = await assets(
			'import',
			libraries,
			'--format',
			'geojson',
			'--mapping',
			mapping,
			'--json'
		);
		expect(again.code).toBe(0);
		expect(JSON.parse(again.stdout)).toMatchObject({
			created: 0,
			unchanged: 13,
			source: 'trafford-libraries',
			dryRun: false
		});
		const stored = storedAssets();
		expect(stored).toHaveLength(13);
		expect(new Set(stored.map((a) => a.status))).toEqual(new Set(['published']));
	});

	it('refuses a bad file with a plain message and exit code 1, changing nothing', async () => {
		const result = await assets(
			'import',
			'tests/fixtures/hostile/zip-renamed.json',
			'--format',
			'openreferral'
		);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain(
			'Nothing was imported.\ntests/fixtures/hostile/zip-renamed.json is a zip file'
		);
		expect(result.stderr).not.toContain('    at ');
		expect(storedAssets()).toHaveLength(13);
	});

	it('explains how to type the command', async () => {
		const noFormat = await assets('import', libraries);
		expect(noFormat.code).toBe(1);
		expect(noFormat.stderr).toContain('Give --format: openreferral, geojson, csv, osm.');
		const badMapping = join(folder, 'bad.json');
		writeFileSync(badMapping, '{"kind": "castle"}');
		const mappingError = await assets(
			'import',
			libraries,
			'--format',
			'geojson',
			'--mapping',
			badMapping
		);
		expect(mappingError.code).toBe(1);
		expect(mappingError.stderr).toContain(`${badMapping}: field "kind"`);
	});
});
