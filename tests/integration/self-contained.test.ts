/**
 * A fresh clone must pass its tests on its own: nothing in the project reads the steering folder that
 * sits beside this checkout on the developers' machines, and the real data in tests/data is exactly
 * what its publishers published (each file's SHA-256 is in tests/data/SHA256SUMS).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REAL_DATA } from '../real-data';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// Folders that tools make (not the project's own text), and the data itself.
const NOT_OURS = new Set([
	'node_modules',
	'build',
	'.svelte-kit',
	'test-results',
	'.git',
	'paraglide'
]);

function* projectFiles(dir: string): Generator<string> {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (NOT_OURS.has(entry.name)) continue;
		const path = join(dir, entry.name);
		if (entry.isDirectory()) {
			if (path !== join(ROOT, 'tests', 'data')) yield* projectFiles(path);
		} else if (entry.isFile() && !/\.(db|db-wal|db-shm|png|jpg|pmtiles|gz)$/.test(entry.name)) {
			yield path;
		}
	}
}

describe('a fresh clone needs nothing beside it', () => {
	it('no code, test, script or document names the folder beside the checkout', () => {
		// Spelled in two pieces so this file does not find itself.
		const outside = new RegExp(['\\.\\./', 'shared\\b'].join(''));
		const offenders = [...projectFiles(ROOT)]
			.filter((path) => statSync(path).size < 5_000_000)
			.filter((path) => outside.test(readFileSync(path, 'utf8')))
			.map((path) => relative(ROOT, path));
		expect(offenders).toEqual([]);
	});
});

describe('tests/data holds the real files unchanged', () => {
	const listed = new Map(
		readFileSync(join(REAL_DATA, 'SHA256SUMS'), 'utf8')
			.trim()
			.split('\n')
			.map((line) => {
				const [sum, path] = line.split(/\s+\*?/, 2);
				return [path, sum] as const;
			})
	);

	it('lists every data file, with its licence beside it', () => {
		const present = [...walk(REAL_DATA)]
			.map((path) => relative(REAL_DATA, path))
			.filter((path) => path !== 'SHA256SUMS' && path !== 'README.md')
			.sort();
		expect(present).toEqual([...listed.keys()].sort());
		expect(present).toContain('trafford/LICENSE_open_data_OGL.txt');
		expect(present).toContain('trafford/LICENSE_spatial_data_OGL.txt');
		expect(present).toContain('openreferral/LICENSE_CC-BY-SA-4.0.txt');
		expect(readFileSync(join(REAL_DATA, 'README.md'), 'utf8')).toContain(
			'Open Government Licence v3.0'
		);
	});

	it('every file is byte for byte as published', () => {
		const changed = [...listed]
			.filter(([path, sum]) => sha256(join(REAL_DATA, path)) !== sum)
			.map(([path]) => path);
		expect(changed).toEqual([]);
	});
});

function* walk(dir: string): Generator<string> {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) yield* walk(path);
		else yield path;
	}
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
