/**
 * The order of directory results, as one set of rules the plans in src/lib/server/directory follow
 * (and the search page's help explains):
 *
 * - Community first: for equal relevance, groups, informal supports and venues come before services.
 * - Stale entries (not checked for the programme's limit) sink, but only within their band of
 *   distance: bands double from 250 metres (under 250 m, 250 to 500 m, 500 m to 1 km, 1 to 2 km …),
 *   so a stale entry never falls below one more than twice as far away.
 * - "Best match" with words: entries whose name holds the words before those that only mention them.
 */
import type { AssetKind } from '../vocabulary';

/** The first band's outer edge; each band after it is twice as wide as the one before. */
export const FIRST_BAND_METRES = 250;

/**
 * The band of distance a result falls in: 0 under 250 m, then 1, 2, 3 … as the distance doubles.
 * No distance (a search without a place) is band 0.
 * @example distanceBand(100) // 0
 * @example distanceBand(600) // 2 (500 m to 1 km)
 */
export function distanceBand(metres: number | null): number {
	if (metres === null || !(metres >= FIRST_BAND_METRES)) return 0;
	return Math.floor(Math.log2(metres / FIRST_BAND_METRES)) + 1;
}

/**
 * Where a band starts and ends, in metres (the last edge is not in the band).
 * @example bandEdges(2) // [500, 1000]
 */
export function bandEdges(band: number): [number, number] {
	if (band === 0) return [0, FIRST_BAND_METRES];
	return [FIRST_BAND_METRES * 2 ** (band - 1), FIRST_BAND_METRES * 2 ** band];
}

/** 0 for what the community runs or offers (groups, informal supports, venues), 1 for services. */
export function communityRank(kind: AssetKind | string): 0 | 1 {
	return kind === 'service' ? 1 : 0;
}

/** What the ordering rules read of a result. */
export interface RankedEntry {
	id: number;
	kind: AssetKind | string;
	/** 1 when stale (or never checked), else 0. */
	stale: number;
	name: string;
	/** Metres from the search's place, or null without one. */
	dist: number | null;
	/** True when the name (English or Welsh) holds the words. */
	inName: boolean;
	/** Lower is better: the name's rank among name matches, else bm25. */
	score: number;
	checked: string | null;
}

export type RankingSort = 'best' | 'distance' | 'checked' | 'name';

const byName = (a: RankedEntry, b: RankedEntry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Compares two results for a sort. `hasWords` and `hasPlace` say what the search has, so "best"
 * knows whether relevance and bands apply.
 */
export function compareEntries(
	sort: RankingSort,
	{ hasWords, hasPlace }: { hasWords: boolean; hasPlace: boolean }
): (a: RankedEntry, b: RankedEntry) => number {
	const band = (entry: RankedEntry) => (hasPlace ? distanceBand(entry.dist) : 0);
	const nearer = (a: RankedEntry, b: RankedEntry) => (a.dist ?? 0) - (b.dist ?? 0);
	switch (sort) {
		case 'distance':
			return (a, b) =>
				band(a) - band(b) || a.stale - b.stale || nearer(a, b) || byName(a, b) || a.id - b.id;
		case 'checked':
			return (a, b) =>
				a.stale - b.stale ||
				((b.checked ?? '') < (a.checked ?? '') ? -1 : b.checked === a.checked ? 0 : 1) ||
				byName(a, b) ||
				a.id - b.id;
		case 'name':
			return (a, b) => a.stale - b.stale || byName(a, b) || a.id - b.id;
		case 'best':
			return (a, b) =>
				band(a) - band(b) ||
				a.stale - b.stale ||
				(hasWords ? Number(b.inName) - Number(a.inName) : 0) ||
				communityRank(a.kind) - communityRank(b.kind) ||
				(hasPlace ? nearer(a, b) : 0) ||
				(hasWords ? a.score - b.score : byName(a, b)) ||
				a.id - b.id;
	}
}
