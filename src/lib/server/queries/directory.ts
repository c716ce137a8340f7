/**
 * The public directory's search, and the two look-ups "find my neighbourhood" needs. Everything here
 * returns only what a visitor may see (./visibility.ts): visible entries, no contacts. See ../directory/plans.ts for
 * how each kind of search runs quickly on hundreds of thousands of entries.
 */
import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import {
	DEFAULT_RADIUS_KM,
	boxAround,
	effectiveSort,
	isOnGlobe,
	makeNotice,
	staleCutoff,
	type DirectorySearch,
	type DirectorySort,
	type Notice
} from '../../domain/directory';
import { toFtsQuery } from '../../domain/fts-query';
import type { AreaGeometry, BoundingBox } from '../../domain/geometry';
import { pointInArea } from '../../domain/point-in-area';
import { normalisePostcode } from '../../domain/postcode';
import { londonDate, type Lang } from '../../domain/sessions';
import { boxSql, type ResolvedSearch } from '../directory/filters';
import { browsePlan, placePlan, textPlan, type PagePlan } from '../directory/plans';
import { loadDirectoryRows, type DirectoryRow } from '../directory/rows';
import { entryVisibleSql, patchVisibleToVisitors } from './visibility';

export type { DirectoryRow } from '../directory/rows';

export interface DirectorySearchOptions {
	/** Today's London date ('YYYY-MM-DD'), for freshness; defaults to the real today. */
	today?: string;
	/** The programme's check_stale_months: checked longer ago than this is stale (default 12). */
	staleMonths?: number;
	perPage?: number;
	/** Totals above this are reported as "more than" (counting further costs time). */
	countLimit?: number;
	/** Language of the notices. */
	lang?: Lang;
}

export interface PatchSummary {
	id: number;
	slug: string;
	name: string;
	nameCy: string | null;
}

export interface DirectoryResult {
	rows: DirectoryRow[];
	/** Entries that match; at most countLimit when totalIsExact is false ("more than 1,000"). */
	total: number;
	totalIsExact: boolean;
	page: number;
	pageCount: number;
	perPage: number;
	/** The sort used (the default for the search when none, or an impossible one, was asked for). */
	sort: DirectorySort;
	/** The place distances are measured from, and the postcode it came from, if any. */
	origin: { lon: number; lat: number; postcode: string | null } | null;
	radiusMetres: number | null;
	patch: PatchSummary | null;
	category: { id: string; name: string; nameCy: string | null } | null;
	/** Parts of the search that could not be used, in plain words (add the parser's notices to these). */
	notices: Notice[];
}

export interface PostcodePoint {
	postcode: string;
	lon: number;
	lat: number;
}

/**
 * The point of a postcode typed any way ("fv1 0lw", "FV10LW"), or null when it is not a postcode or
 * not in the postcodes table.
 */
export function lookupPostcode(db: Db, text: string): PostcodePoint | null {
	const postcode = normalisePostcode(text.slice(0, 20));
	if (!postcode) return null;
	return (
		db
			.select({ postcode: t.postcodes.postcode, lon: t.postcodes.lon, lat: t.postcodes.lat })
			.from(t.postcodes)
			.where(eq(t.postcodes.postcode, postcode))
			.get() ?? null
	);
}

/**
 * The published patch a [lon, lat] point lies in (bounding boxes first, then the exact polygon test);
 * null when it is in none or is not a place on Earth. With `planned` (staff pages), planned patches
 * count too, after published ones where they overlap.
 */
export function findPatchForPoint(
	db: Db,
	[lon, lat]: [number, number],
	{ planned = false } = {}
): PatchSummary | null {
	if (!isOnGlobe([lon, lat])) return null;
	const candidates = db
		.select({
			id: t.patches.id,
			slug: t.patches.slug,
			name: t.patches.name,
			nameCy: t.patches.nameCy,
			boundary: t.patches.boundary
		})
		.from(t.patches)
		.where(
			and(
				planned ? inArray(t.patches.status, ['active', 'planned']) : patchVisibleToVisitors,
				lte(t.patches.minLon, lon),
				gte(t.patches.maxLon, lon),
				lte(t.patches.minLat, lat),
				gte(t.patches.maxLat, lat)
			)
		)
		.orderBy(desc(sql`${t.patches.status} = 'active'`), asc(t.patches.id))
		.all();
	const found = candidates.find((patch) => pointInArea([lon, lat], patch.boundary as AreaGeometry));
	return found ? { id: found.id, slug: found.slug, name: found.name, nameCy: found.nameCy } : null;
}

function intersect(a: BoundingBox | null, b: BoundingBox | null): BoundingBox | null {
	if (!a || !b) return a ?? b;
	return {
		minLon: Math.max(a.minLon, b.minLon),
		minLat: Math.max(a.minLat, b.minLat),
		maxLon: Math.min(a.maxLon, b.maxLon),
		maxLat: Math.min(a.maxLat, b.maxLat)
	};
}

/**
 * Searches the entries a visitor may see. Never throws for anything a visitor can send: names that are
 * not found (category, patch, postcode) are left out with a notice, and a page past the end shows the
 * last page. Every sort ranks stale entries below fresh ones.
 */
export function searchDirectory(
	db: Db,
	search: DirectorySearch,
	options: DirectorySearchOptions = {}
): DirectoryResult {
	const { perPage = 20, countLimit = 1000, lang = 'en' } = options;
	const today = options.today ?? londonDate(new Date());
	const notices: Notice[] = [];
	const note = (
		code: Notice['code'],
		field: string,
		values: Record<string, string | number> = {}
	) => notices.push(makeNotice(code, field, values, lang));

	let category: DirectoryResult['category'] = null;
	let categoryIds: string[] | null = null;
	if (search.category) {
		category =
			db
				.select({ id: t.categories.id, name: t.categories.name, nameCy: t.categories.nameCy })
				.from(t.categories)
				.where(eq(t.categories.id, search.category))
				.get() ?? null;
		if (category) {
			categoryIds = db
				.all<{ id: string }>(
					sql`WITH RECURSIVE tree(id) AS (SELECT ${category.id}
						UNION SELECT c.id FROM categories c JOIN tree ON c.parent_id = tree.id)
					SELECT id FROM tree`
				)
				.map((row) => row.id);
		} else note('category_unknown', 'category', { value: search.category });
	}

	let origin: DirectoryResult['origin'] = null;
	if (search.postcode) {
		const found = lookupPostcode(db, search.postcode);
		if (found) origin = { lon: found.lon, lat: found.lat, postcode: found.postcode };
		else note('postcode_not_found', 'postcode', { value: search.postcode });
	} else if (search.point && isOnGlobe(search.point)) {
		origin = { lon: search.point[0], lat: search.point[1], postcode: null };
	}
	const radiusMetres = origin ? (search.radiusKm ?? DEFAULT_RADIUS_KM) * 1000 : null;

	let patch: (PatchSummary & { boundary: AreaGeometry; box: BoundingBox }) | null = null;
	if (search.patch) {
		const row = db
			.select()
			.from(t.patches)
			.where(and(eq(t.patches.slug, search.patch), patchVisibleToVisitors))
			.get();
		if (row) {
			const { id, slug, name, nameCy, minLon, minLat, maxLon, maxLat } = row;
			const box = { minLon, minLat, maxLon, maxLat };
			patch = { id, slug, name, nameCy, boundary: row.boundary as AreaGeometry, box };
		} else note('patch_unknown', 'patch', { value: search.patch });
	}

	const match = toFtsQuery(search.q);
	const box = intersect(
		origin && radiusMetres !== null ? boxAround([origin.lon, origin.lat], radiusMetres) : null,
		patch?.box ?? null
	);
	let patchAssetIds: number[] | null = null;
	if (patch && box) {
		// The exact point-in-polygon test runs in JavaScript on the R*Tree's candidates only.
		const candidates = db.all<{ id: number; lon: number; lat: number }>(sql`
			SELECT a.id, a.lon, a.lat FROM assets_rtree r CROSS JOIN assets a ON a.id = r.id
			WHERE ${boxSql(box)} AND ${entryVisibleSql('a')}`);
		const boundary = patch.boundary;
		patchAssetIds = candidates
			.filter(({ lon, lat }) => pointInArea([lon, lat], boundary))
			.map(({ id }) => id);
	}
	const resolved: ResolvedSearch = {
		match,
		categoryIds,
		kinds: search.kinds,
		days: search.days,
		times: search.times,
		cost: search.cost,
		age: search.age,
		access: search.access,
		language: search.language,
		origin: origin && { lon: origin.lon, lat: origin.lat },
		radiusMetres,
		box,
		patchAssetIds,
		sort: effectiveSort(search.sort, origin !== null),
		staleCutoff: staleCutoff(today, options.staleMonths ?? 12)
	};
	const request = { page: search.page, perPage, countLimit };
	const emptyBox = box !== null && (box.minLon > box.maxLon || box.minLat > box.maxLat);
	let plan: PagePlan;
	if (emptyBox) plan = { ids: [], distances: new Map(), total: 0, totalIsExact: true, page: 1 };
	else if (box) plan = placePlan(db, resolved, request);
	else if (match) plan = textPlan(db, resolved, request);
	else plan = browsePlan(db, resolved, request);

	const pageCount = Math.max(1, Math.ceil(plan.total / perPage));
	if (plan.page < search.page && plan.total > 0)
		note('page_past_end', 'page', { pages: pageCount });
	return {
		rows: loadDirectoryRows(db, plan.ids, {
			staleCutoff: resolved.staleCutoff,
			distances: plan.distances
		}),
		total: plan.total,
		totalIsExact: plan.totalIsExact,
		page: plan.page,
		pageCount,
		perPage,
		sort: resolved.sort,
		origin,
		radiusMetres,
		patch: patch && { id: patch.id, slug: patch.slug, name: patch.name, nameCy: patch.nameCy },
		category,
		notices
	};
}
