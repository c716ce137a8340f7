/**
 * The demo borough for directory tests, with an independent oracle: what each filter should return,
 * worked out from data/demo/*.json in plain JavaScript (Turf for geometry), never from the query.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { booleanPointInPolygon, distance } from '@turf/turf';
import { parseCsv } from '../../src/lib/domain/csv';
import { emptySearch, type DirectorySearch } from '../../src/lib/domain/directory';
import { normalisePostcode } from '../../src/lib/domain/postcode';
import {
	demoAssetsSchema,
	demoCategoriesSchema,
	demoPatchesSchema
} from '../../src/lib/domain/schemas/demo-borough';
import { isVisibleToVisitors } from '../../src/lib/demo/keeping-true';
import { openDatabase, type Db } from '../../src/lib/server/db/client';
import { loadDemoBorough } from '../../src/lib/server/demo/seed';
import { searchDirectory, type DirectoryResult } from '../../src/lib/server/queries/directory';

/** A fixed today, so freshness does not depend on the day the tests run. */
export const TODAY = '2026-11-25';
export const CUTOFF = '2025-11-25';

export const demoAssets = demoAssetsSchema.parse(
	JSON.parse(readFileSync('data/demo/assets.json', 'utf8'))
);
export type DemoAsset = (typeof demoAssets)[number];
/** What a visitor may see: published, and an informal support only with consent to be shown. */
export const visible = demoAssets.filter(isVisibleToVisitors);
export const demoPatches = demoPatchesSchema.parse(
	JSON.parse(readFileSync('data/demo/patches.geojson', 'utf8'))
).features;
export const demoCategories = demoCategoriesSchema.parse(
	JSON.parse(readFileSync('data/demo/categories.json', 'utf8'))
);
export const demoPostcodes = new Map(
	parseCsv(readFileSync('data/demo/postcodes.csv', 'utf8')).rows.map(({ values }) => [
		normalisePostcode(values.pcds)!,
		[Number(values.long), Number(values.lat)] as [number, number]
	])
);

export const isStaleRef = (a: DemoAsset) => !a.lastVerifiedOn || a.lastVerifiedOn < CUTOFF;

/** Opens a fresh in-memory database with the demo borough, and maps ids to demo refs. */
export async function openDemo(): Promise<{ db: Db; refOf: (id: number) => string }> {
	const { db } = openDatabase(':memory:');
	await loadDemoBorough(db);
	const refs = new Map(
		db
			.all<{ id: number; ref: string }>(sql`SELECT id, external_id AS ref FROM assets`)
			.map(({ id, ref }) => [id, ref])
	);
	return { db, refOf: (id) => refs.get(id)! };
}

/** Every row of a search, on one page. */
export function searchAll(
	db: Db,
	changes: Partial<DirectorySearch>,
	options = {}
): DirectoryResult {
	return searchDirectory(
		db,
		{ ...emptySearch(), ...changes },
		{ today: TODAY, perPage: 1000, ...options }
	);
}

/** Words as FTS5's unicode61 tokenizer with remove_diacritics sees them. */
export function wordsOf(asset: DemoAsset): string[] {
	return [asset.name, asset.nameCy, asset.description, asset.descriptionCy]
		.join(' ')
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);
}

export function inPatch(asset: DemoAsset, slug: string): boolean {
	const patch = demoPatches.find((p) => p.properties.slug === slug)!;
	return !!asset.point && booleanPointInPolygon(asset.point, patch.geometry as GeoJSON.Polygon);
}

export function metresFrom(origin: [number, number], asset: DemoAsset): number {
	return distance(origin, asset.point!, { units: 'meters' });
}

/** The category and its children. */
export function categoryTree(id: string): string[] {
	return [id, ...demoCategories.filter((c) => c.parentId === id).map((c) => c.id)];
}
