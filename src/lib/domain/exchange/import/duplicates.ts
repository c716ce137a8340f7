/**
 * Possible duplicates, flagged for a coordinator to review and never merged by the import: two
 * assets are possibly the same when their names match once normalised and they are within 100
 * metres, or when they share a postcode and one normalised name contains the other ("Sale Library"
 * and "Sale Library and Information Centre"). A shared postcode alone is not enough: a community
 * centre's postcode is shared by every group that meets there, and a postcode covers about 15
 * addresses.
 */
import { distance } from '@turf/turf';

/** How close two same-named assets must be to be flagged. */
export const DUPLICATE_DISTANCE_METRES = 100;
/**
 * Each record is compared with at most this many neighbours in its group, so a hostile file of
 * 100,000 rows with one name and one postcode costs seconds, not hours.
 */
const MAX_NEIGHBOURS = 50;

export interface DuplicateItem {
	/** A draft's ref in the file, or an existing asset's id. */
	key: string;
	name: string;
	point: [number, number] | null;
	postcode: string | null;
}

export interface DuplicatePair {
	a: DuplicateItem;
	b: DuplicateItem;
	reason: string;
}

/**
 * A name as compared for duplicates: lower case, accents and punctuation dropped, "&" as "and",
 * a leading "the" dropped, "saint" as "st".
 * @example normaliseName("The St. Mary's Church  Hall") // 'st marys church hall'
 */
export function normaliseName(name: string): string {
	return name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/&/g, ' and ')
		.replace(/['’`]/g, '')
		.replace(/[^a-z0-9]+/g, ' ')
		.replace(/\bsaint\b/g, 'st')
		.trim()
		.replace(/^the /, '');
}

function metresBetween(a: [number, number], b: [number, number]): number {
	return distance(a, b, { units: 'kilometers' }) * 1000;
}

function contains(longer: string, shorter: string): boolean {
	return ` ${longer} `.includes(` ${shorter} `);
}

function groupBy(
	items: DuplicateItem[],
	key: (item: DuplicateItem) => string | null
): Map<string, DuplicateItem[]> {
	const groups = new Map<string, DuplicateItem[]>();
	for (const item of items) {
		const k = key(item);
		if (!k) continue;
		const group = groups.get(k);
		if (group) group.push(item);
		else groups.set(k, [item]);
	}
	return groups;
}

/**
 * Pairs of possible duplicates among `incoming` (this import's records) and between them and
 * `existing` (assets already stored, minus those this import updates). Pairs of two existing
 * assets are not reported: this import did not make them.
 */
export function findPossibleDuplicates(
	incoming: DuplicateItem[],
	existing: DuplicateItem[]
): DuplicatePair[] {
	const isIncoming = new Set(incoming.map((item) => item.key));
	const all = [...existing, ...incoming];
	const names = new Map(all.map((item) => [item.key, normaliseName(item.name)]));
	const pairs: DuplicatePair[] = [];
	const seen = new Set<string>();
	const add = (a: DuplicateItem, b: DuplicateItem, reason: string) => {
		if (!isIncoming.has(a.key) && !isIncoming.has(b.key)) return;
		const id = a.key < b.key ? `${a.key}\u0000${b.key}` : `${b.key}\u0000${a.key}`;
		if (seen.has(id)) return;
		seen.add(id);
		// The incoming record is named first, so a report reads "this record may be that asset".
		pairs.push(
			isIncoming.has(b.key) && !isIncoming.has(a.key) ? { a: b, b: a, reason } : { a, b, reason }
		);
	};
	for (const group of groupBy(all, (item) => names.get(item.key) || null).values()) {
		const placed = group.filter((item) => item.point).sort((a, b) => a.point![1] - b.point![1]);
		for (let i = 0; i < placed.length; i++) {
			// Sorted by latitude: once a neighbour is over 0.001 degrees (111 m) north, none further can be close.
			for (let j = i + 1; j < placed.length && j - i <= MAX_NEIGHBOURS; j++) {
				const [a, b] = [placed[i], placed[j]];
				if (b.point![1] - a.point![1] > 0.001) break;
				const metres = metresBetween(a.point!, b.point!);
				if (metres <= DUPLICATE_DISTANCE_METRES)
					add(a, b, `the same name, ${Math.round(metres)} metres apart`);
			}
		}
	}
	for (const [postcode, group] of groupBy(all, (item) => item.postcode)) {
		// Sorted by name, a name and the names that start with it are neighbours.
		group.sort((a, b) => names.get(a.key)!.localeCompare(names.get(b.key)!));
		for (let i = 0; i < group.length; i++) {
			for (let j = i + 1; j < group.length && j - i <= MAX_NEIGHBOURS; j++) {
				const [a, b] = [group[i], group[j]];
				const [na, nb] = [names.get(a.key)!, names.get(b.key)!];
				if (!na || !nb) continue;
				if (na === nb) add(a, b, `the same name and postcode (${postcode})`);
				else if (contains(na, nb) || contains(nb, na))
					add(a, b, `the same postcode (${postcode}) and one name contains the other`);
			}
		}
	}
	return pairs;
}
