/**
 * Neighbourhood names across the borough, and patch names built from them. Each patch is split into
 * two neighbourhoods (three where it holds two town centres) and named after them, as real patches
 * usually are; the strip outside every patch gets neighbourhoods of its own.
 */
import type { SmallArea } from './borough';
import { LOCALITY_NAMES, TOWN_NAMES, slugify, type LocalityName } from './names';
import { distance2, type XY } from './plane';

export interface Locality extends LocalityName {
	centre: XY;
}

export interface PatchName {
	slug: string;
	name: string;
	nameCy?: string;
	description: string;
}

export interface Places {
	localities: Locality[];
	/** Index of each small area's locality. */
	areaLocality: number[];
	/** Name of each patch, by patch index. */
	patchNames: PatchName[];
}

/**
 * Splits each patch (and the uncovered strip) into neighbourhoods by population-weighted k-means, with
 * town centres pinned, then names neighbourhoods north to south and patches after them.
 * @param own the small areas each patch alone is responsible for
 */
export function placeLocalities(
	areas: readonly SmallArea[],
	own: readonly (readonly number[])[],
	uncovered: readonly number[],
	townCentres: readonly XY[]
): Places {
	const townArea = townCentres.map(
		(c) =>
			areas.reduce((best, a) => (distance2(a.centre, c) < distance2(best.centre, c) ? a : best))
				.index
	);
	const groups = [...own, uncovered].filter((ids) => ids.length > 0);
	const localities: (Locality & { town: number })[] = [];
	const areaLocality = new Array<number>(areas.length).fill(-1);
	for (const ids of groups) {
		const towns = townArea.map((a, t) => (ids.includes(a) ? t : -1)).filter((t) => t >= 0);
		const k = Math.max(towns.length, ids.length >= 10 ? 2 : 1);
		const clusters = kMeans(
			areas,
			ids,
			towns.map((t) => townCentres[t]),
			k
		);
		clusters.centres.forEach((centre, c) => {
			const index = localities.length;
			localities.push({ name: '', centre, town: c < towns.length ? towns[c] : -1 });
			ids.forEach((i, n) => {
				if (clusters.member[n] === c) areaLocality[i] = index;
			});
		});
	}
	const others = localities
		.filter((l) => l.town < 0)
		.sort((a, b) => b.centre[1] - a.centre[1] || a.centre[0] - b.centre[0]);
	if (others.length > LOCALITY_NAMES.length) throw new Error('not enough neighbourhood names');
	others.forEach((l, k) => Object.assign(l, LOCALITY_NAMES[k]));
	for (const l of localities) if (l.town >= 0) Object.assign(l, TOWN_NAMES[l.town]);

	const patchNames = own.map((ids) => namePatch(ids, areas, areaLocality, localities));
	return {
		localities: localities.map(({ name, nameCy, centre }) => ({
			name,
			...(nameCy ? { nameCy } : {}),
			centre
		})),
		areaLocality,
		patchNames
	};
}

/** k-means over small-area centres weighted by population; the first centres stay where they are. */
function kMeans(
	areas: readonly SmallArea[],
	ids: readonly number[],
	pinned: readonly XY[],
	k: number
): { centres: XY[]; member: number[] } {
	const centres: XY[] = [...pinned];
	while (centres.length < k) {
		const far = ids.reduce((best, i) =>
			nearest(areas[i].centre, centres) * areas[i].population >
			nearest(areas[best].centre, centres) * areas[best].population
				? i
				: best
		);
		centres.push(centres.length === 0 ? [...areas[ids[0]].centre] : [...areas[far].centre]);
	}
	let member = ids.map((i) => closest(areas[i].centre, centres));
	for (let step = 0; step < 20; step++) {
		for (let c = pinned.length; c < k; c++) {
			const mine = ids.filter((_, n) => member[n] === c);
			const people = mine.reduce((s, i) => s + areas[i].population, 0);
			if (people === 0) continue;
			centres[c] = [
				mine.reduce((s, i) => s + areas[i].centre[0] * areas[i].population, 0) / people,
				mine.reduce((s, i) => s + areas[i].centre[1] * areas[i].population, 0) / people
			];
		}
		member = ids.map((i) => closest(areas[i].centre, centres));
	}
	return { centres, member };
}

function nearest(p: XY, centres: readonly XY[]): number {
	return centres.length === 0 ? 1 : Math.min(...centres.map((c) => distance2(p, c)));
}

function closest(p: XY, centres: readonly XY[]): number {
	let best = 0;
	for (let c = 1; c < centres.length; c++) {
		if (distance2(p, centres[c]) < distance2(p, centres[best])) best = c;
	}
	return best;
}

/** Joins Welsh names with "a", or "ac" before a vowel. */
function joinCy(a: string, b: string): string {
	return `${a} ${/^[aeiouwyâêîôûŵŷ]/i.test(b) ? 'ac' : 'a'} ${b}`;
}

function namePatch(
	ids: readonly number[],
	areas: readonly SmallArea[],
	areaLocality: readonly number[],
	localities: readonly (Locality & { town: number })[]
): PatchName {
	const people = new Map<number, number>();
	for (const i of ids)
		people.set(areaLocality[i], (people.get(areaLocality[i]) ?? 0) + areas[i].population);
	// Towns first, then by population.
	const ranked = [...people.keys()].sort(
		(a, b) =>
			(localities[a].town < 0 ? 9 : localities[a].town) -
				(localities[b].town < 0 ? 9 : localities[b].town) ||
			(people.get(b) ?? 0) - (people.get(a) ?? 0) ||
			a - b
	);
	const [first, second] = ranked.map((l) => localities[l]);
	let name: string;
	let nameCy: string | undefined;
	if (first.town === 0) {
		name = `${first.name} Town Centre`;
		nameCy = `Canol Tref ${first.nameCy ?? first.name}`;
	} else if (second) {
		name = `${first.name} and ${second.name}`;
		// Welsh usage keeps an English place name as it is, so a Welsh first name is enough.
		nameCy = first.nameCy ? joinCy(first.nameCy, second.nameCy ?? second.name) : undefined;
	} else {
		[name, nameCy] = [first.name, first.nameCy];
	}
	const places = ranked.map((l) => localities[l].name);
	const listed =
		places.length === 1 ? places[0] : `${places.slice(0, -1).join(', ')} and ${places.at(-1)}`;
	return {
		slug: slugify(name),
		name,
		...(nameCy ? { nameCy } : {}),
		description: `The neighbourhoods of ${listed}.`
	};
}
