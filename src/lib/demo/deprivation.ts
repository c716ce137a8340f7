/**
 * Deprivation deciles for the demo borough, made up but fixed: small areas are taken in groups of
 * eight in code order (like the Output Areas of one LSOA, which are neighbours in the demo's tiling)
 * and each group gets a decile from a fixed hash of its number, so about a fifth of the borough is in
 * the most deprived 20% and the gap page has something to show.
 */

/** Output Areas per made-up LSOA. */
const AREAS_PER_LSOA = 8;

/** A fixed 32-bit hash (FNV-1a) of a whole number. */
function hash(n: number): number {
	let h = 0x811c9dc5;
	for (const char of String(n)) {
		h ^= char.charCodeAt(0);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h;
}

/**
 * The made-up LSOA and decile of the demo's small area at `position` (0-based, in code order).
 * @example demoDeprivation(0) // { lsoaCode: 'FVL00001', decile: … }
 */
export function demoDeprivation(position: number): { lsoaCode: string; decile: number } {
	const group = Math.floor(position / AREAS_PER_LSOA);
	return {
		lsoaCode: `FVL${String(group + 1).padStart(5, '0')}`,
		decile: 1 + (hash(group) % 10)
	};
}

/** The name the demo's deprivation set is shown under. */
export const DEMO_DEPRIVATION_NAME = 'Made-up deprivation deciles for the demo borough';
