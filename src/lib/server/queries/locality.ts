/**
 * The names of the areas entries lie in, for telling same-named entries apart in a list
 * (placesForRepeatedNames() in domain/locality): the neighbourhood (patch) a point is in, or the
 * named small area. Only for the few entries that need it: one box query per point.
 */
import { and, gte, isNotNull, lte } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { pointInArea } from '../../domain/point-in-area';
import {
	placesApart,
	placesForRepeatedNames,
	repeatedNameIds,
	type PlacedEntry
} from '../../domain/locality';
import type { Lang } from '../../domain/sessions';
import { findPatchesContaining } from './patches';

interface Located {
	id: number;
	lon: number | null;
	lat: number | null;
}

/** The named small area containing a point, or null. */
function smallAreaNameAt(db: Db, point: [number, number]): string | null {
	const [lon, lat] = point;
	const candidates = db
		.select({ name: t.smallAreas.name, geometry: t.smallAreas.geometry })
		.from(t.smallAreas)
		.where(
			and(
				isNotNull(t.smallAreas.name),
				lte(t.smallAreas.minLon, lon),
				gte(t.smallAreas.maxLon, lon),
				lte(t.smallAreas.minLat, lat),
				gte(t.smallAreas.maxLat, lat)
			)
		)
		.all();
	return candidates.find((area) => pointInArea(point, area.geometry))?.name ?? null;
}

/**
 * By id, the name of the area each entry lies in: its neighbourhood first (unless `skipPatches`, as
 * on a patch's own page where every entry shares it), else its named small area.
 */
export function areaNamesAt(
	db: Db,
	entries: readonly Located[],
	{ skipPatches = false }: { skipPatches?: boolean } = {}
): Map<number, string> {
	const names = new Map<number, string>();
	for (const entry of entries) {
		if (entry.lon === null || entry.lat === null) continue;
		const point: [number, number] = [entry.lon, entry.lat];
		const patch = skipPatches ? undefined : findPatchesContaining(db, point)[0];
		const name = patch?.name ?? smallAreaNameAt(db, point);
		if (name) names.set(entry.id, name);
	}
	return names;
}

/** By id, where entries with repeated names are, and what tells apart those at the same place. */
export interface ListPlaces {
	/** Place names (localities, postcode districts, areas): English, whatever the page's language. */
	places: Map<number, string>;
	/** A street, a postcode, or where one lies from the others, in the page's language. */
	apart: Map<number, string>;
}

/**
 * Where each entry whose name repeats in the list is, by id (see placesForRepeatedNames() and
 * placesApart()): area names are looked up only for those with no address or postcode.
 */
export function placesForList(
	db: Db,
	entries: readonly (PlacedEntry & Located)[],
	options: { skipPatches?: boolean; lang?: Lang } = {}
): ListPlaces {
	const repeated = repeatedNameIds(entries);
	if (repeated.size === 0) return { places: new Map(), apart: new Map() };
	const unplaced = entries.filter(
		(entry) => repeated.has(entry.id) && !entry.address && !entry.postcode
	);
	const places = placesForRepeatedNames(entries, areaNamesAt(db, unplaced, options));
	return { places, apart: placesApart(entries, places, options.lang) };
}
