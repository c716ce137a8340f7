/**
 * Telling same-named places apart: "Christ Church" three times in a list means nothing until each
 * says where it is. Only names that repeat in a list get a place beside them: the locality from the
 * entry's address, else its postcode district, else the name of the area it lies in (looked up by
 * the caller). Pure: no database; the caller passes the area names it found.
 */

/** A list entry as far as telling it apart needs. */
export interface PlacedEntry {
	id: number;
	name: string;
	address?: string | null;
	postcode?: string | null;
}

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
