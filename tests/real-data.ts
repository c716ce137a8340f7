/**
 * The real public data the tests read: Trafford's census areas, populations and asset layers, and the
 * Open Referral UK profile with two councils' feeds, kept in tests/data exactly as published (see its
 * README and SHA256SUMS). A missing file fails the test that needs it, loudly: a test of real data must
 * never pass by skipping.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REAL_DATA = fileURLToPath(new URL('./data/', import.meta.url));

/**
 * The absolute path of a file or folder in tests/data.
 * @example realDataPath('trafford/boundaries/trafford_2021_oa_generalised.geojson')
 */
export function realDataPath(...parts: string[]): string {
	const full = resolve(REAL_DATA, ...parts);
	if (!existsSync(full)) {
		throw new Error(
			`The real data file ${full} is missing. It belongs in tests/data, listed in tests/data/SHA256SUMS; ` +
				'restore it from git (git checkout -- tests/data).'
		);
	}
	return full;
}

/** A file of tests/data as bytes. */
export const readRealData = (...parts: string[]): Buffer => readFileSync(realDataPath(...parts));

/** A JSON file of tests/data, parsed. */
export const readRealJson = (...parts: string[]): unknown =>
	JSON.parse(readFileSync(realDataPath(...parts), 'utf8'));
