/**
 * Telling same-named places apart: "Christ Church" three times in a list means nothing until each
 * says where it is. Only names that repeat in a list get a place beside them: the locality from the
 * entry's address, else its postcode district, else the name of the area it lies in (looked up by
 * the caller). Where that place is the same too (two "Christ Church" in one ward), placesApart goes
 * further: the first line of each address, else each full postcode, else where each is from the
 * others ("30 metres north-west of the other"). Pure: no database; the caller passes the area names
 * it found.
 */
import { bearingDegrees, compassPoint, compassWord } from './compass';
import { haversineMetres } from './directory/distance';
import { formatDistance } from './format';
import { normalisePostcode } from './postcode';
import type { Lang } from './sessions';

/** A list entry as far as telling it apart needs. */
export interface PlacedEntry {
	id: number;
	name: string;
	address?: string | null;
	postcode?: string | null;
	/** Where it is, for same-named entries at the same place. */
	lon?: number | null;
	lat?: number | null;
}

const WORDS = {
	en: {
		fromOther: '{distance} {direction} of the other',
		fromOthers: '{distance} {direction} of the others'
	},
	cy: {
		fromOther: "{distance} i'r {direction} o'r llall",
		fromOthers: "{distance} i'r {direction} o'r lleill"
	}
} as const;

/** Closer than this, two points are one building: no direction tells them apart. */
const SAME_SPOT_METRES = 5;

const POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?)\s*\d[A-Z]{2}$/i;

/**
 * The outward part of a postcode (its district), or null if it is not a postcode.
 * @example postcodeDistrict('m32 0tn') // 'M32'
 */
export function postcodeDistrict(postcode: string | null | undefined): string | null {
	const match = POSTCODE.exec((postcode ?? '').trim());
	return match ? match[1].toUpperCase() : null;
}

/**
 * The locality of an address: its last part that is not a postcode and not the first line.
 * @example addressLocality('12 High Street, Stretford, Manchester M32 0TN') // 'Stretford'
 */
export function addressLocality(address: string | null | undefined): string | null {
	const parts = (address ?? '')
		.split(/[,\n]/)
		.map((part) => part.trim().replace(/\s+[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$/i, ''))
		.filter((part) => part && !POSTCODE.test(part));
	if (parts.length < 2) return null;
	// "Stretford, Manchester": the town is usually the last part; a locality before it is nearer.
	return parts.length >= 3 ? parts[parts.length - 2] : parts[parts.length - 1];
}

/**
 * The first line of an address (the building or the street), or null.
 * @example addressFirstLine('12 High Street, Stretford, Manchester M32 0TN') // '12 High Street'
 */
export function addressFirstLine(address: string | null | undefined): string | null {
	const first = (address ?? '').split(/[,\n]/)[0].trim();
	return first && !POSTCODE.test(first) ? first : null;
}

/** A name as compared for repeats: case, spaces and punctuation aside. */
function nameKey(name: string): string {
	return name
		.toLocaleLowerCase('en-GB')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/** The ids of entries whose name appears more than once in the list. */
export function repeatedNameIds(entries: readonly PlacedEntry[]): Set<number> {
	const counts = new Map<string, number>();
	for (const entry of entries) {
		const key = nameKey(entry.name);
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	return new Set(
		entries.filter((entry) => (counts.get(nameKey(entry.name)) ?? 0) > 1).map((e) => e.id)
	);
}

/**
 * Where each entry with a repeated name is, by id: its address's locality, else its postcode
 * district, else the area name the caller found for it (`areaNames`). Entries whose name is unique
 * in the list, or with no place to give, are left out.
 * @example placesForRepeatedNames([{ id: 1, name: 'Christ Church' }, { id: 2, name: 'Christ Church', postcode: 'M33 3AB' }], new Map([[1, 'Flixton']]))
 * // Map { 1 => 'Flixton', 2 => 'M33' }
 */
export function placesForRepeatedNames(
	entries: readonly PlacedEntry[],
	areaNames: ReadonlyMap<number, string> = new Map()
): Map<number, string> {
	const repeated = repeatedNameIds(entries);
	const places = new Map<number, string>();
	for (const entry of entries) {
		if (!repeated.has(entry.id)) continue;
		const place =
			addressLocality(entry.address) ?? postcodeDistrict(entry.postcode) ?? areaNames.get(entry.id);
		if (place) places.set(entry.id, place);
	}
	return places;
}

/**
 * For entries whose name and place (from placesForRepeatedNames) are both the same, what tells them
 * apart, by id, in the page's language (see detailsApart). Shown after the place: "Lostock & Barton,
 * 30 metres north-west of the other".
 */
export function placesApart(
	entries: readonly PlacedEntry[],
	places: ReadonlyMap<number, string>,
	lang: Lang = 'en'
): Map<number, string> {
	const repeated = repeatedNameIds(entries);
	const samePlace = new Map<string, PlacedEntry[]>();
	for (const entry of entries) {
		if (!repeated.has(entry.id)) continue;
		const key = `${nameKey(entry.name)}|${nameKey(places.get(entry.id) ?? '')}`;
		samePlace.set(key, [...(samePlace.get(key) ?? []), entry]);
	}
	return new Map([...samePlace.values()].flatMap((group) => [...detailsApart(group, lang)]));
}

/** Whether every value is there and no two are the same. */
function allDistinct(values: readonly (string | null)[]): values is string[] {
	const keys = values.map((value) => (value ? nameKey(value) : ''));
	return !keys.includes('') && new Set(keys).size === keys.length;
}

const pointOf = (entry: PlacedEntry): [number, number] | null =>
	typeof entry.lon === 'number' && typeof entry.lat === 'number' ? [entry.lon, entry.lat] : null;

/**
 * What tells apart entries with the same name at the same place, by id: each one's first address
 * line if they all differ, else each full postcode if they all differ, else where each lies from the
 * middle of the others (left out for one with no point, or in the same spot as the others).
 * @example detailsApart([{ id: 1, name: 'Christ Church', lon: -2.3453, lat: 53.45758 }, { id: 2, name: 'Christ Church', lon: -2.34497, lat: 53.45746 }])
 * // Map { 1 => '30 metres north-west of the other', 2 => '30 metres south-east of the other' }
 */
export function detailsApart(
	group: readonly PlacedEntry[],
	lang: Lang = 'en'
): Map<number, string> {
	if (group.length < 2) return new Map();
	const lines = group.map((entry) => addressFirstLine(entry.address));
	if (allDistinct(lines)) return new Map(group.map((entry, i) => [entry.id, lines[i]]));
	const postcodes = group.map((entry) => normalisePostcode(entry.postcode ?? ''));
	if (allDistinct(postcodes)) return new Map(group.map((entry, i) => [entry.id, postcodes[i]]));

	const located = group.flatMap((entry) => {
		const point = pointOf(entry);
		return point ? [{ id: entry.id, point }] : [];
	});
	const details = new Map<number, string>();
	if (located.length < 2) return details;
	for (const { id, point } of located) {
		const others = located.filter((other) => other.id !== id);
		const middle: [number, number] = [
			others.reduce((sum, other) => sum + other.point[0], 0) / others.length,
			others.reduce((sum, other) => sum + other.point[1], 0) / others.length
		];
		const metres = haversineMetres(middle, point);
		const bearing = bearingDegrees(middle, point);
		if (bearing === null || metres < SAME_SPOT_METRES) continue;
		const words = WORDS[lang][others.length === 1 ? 'fromOther' : 'fromOthers'];
		details.set(
			id,
			words
				.replace('{distance}', formatDistance(metres, lang))
				.replace('{direction}', compassWord(compassPoint(bearing), lang))
		);
	}
	return details;
}
