/**
 * The connection finder's query: the entries within the person's reach that a coordinator may see,
 * weighed and put into sections by the domain's ranking (src/lib/domain/finder/score.ts).
 *
 * Plan: the R*Tree box around the person's place (or the patch's box) gives the candidates; the exact
 * distance (or point-in-patch) test runs on those; online and roaming entries linked to the person's
 * patch join them. When interests were chosen, only entries in those categories or holding one of the
 * words are loaded (one FTS5 query per word, limited to the candidates). Nothing about the person is
 * written anywhere.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import {
	finderTerms,
	holdsTerm,
	rankCandidates,
	reachMetres,
	textWords,
	type FinderContext,
	type FinderInputs,
	type FinderSection
} from '../../domain/finder';
import { boxAround, haversineMetres, staleCutoff } from '../../domain/directory';
import type { AreaGeometry } from '../../domain/geometry';
import type { Actor } from '../../domain/permissions';
import { pointInArea } from '../../domain/point-in-area';
import { londonDate } from '../../domain/sessions';
import { boxSql } from '../directory/filters';
import { findPatchForPoint, lookupPostcode, type PatchSummary } from '../queries/directory';
import { loadFinderRows, type FinderRow } from './candidates';

export interface FinderOptions {
	today?: string;
	staleMonths?: number;
}

export interface FinderResult {
	/** Null when the inputs have no usable place: nothing is searched. */
	sections: FinderSection<FinderRow>[] | null;
	origin: { lon: number; lat: number; postcode: string | null } | null;
	/** The patch the person is in (chosen, or where their place falls): the log's patch. */
	patch: PatchSummary | null;
	reachMetres: number;
	/** Names of the chosen categories, in the order chosen (unknown ids left out). */
	categories: { id: string; name: string }[];
	notices: { field: string; message: string }[];
}

/** Each category id with itself and every descendant. */
function categoryTrees(db: Db, ids: readonly string[]): Map<string, Set<string>> {
	const trees = new Map<string, Set<string>>();
	for (const id of ids) {
		const rows = db.all<{ id: string }>(
			sql`WITH RECURSIVE tree(id) AS (SELECT id FROM categories WHERE id = ${id}
				UNION SELECT c.id FROM categories c JOIN tree ON c.parent_id = tree.id)
			SELECT id FROM tree`
		);
		if (rows.length) trees.set(id, new Set(rows.map((row) => row.id)));
	}
	return trees;
}

/** Candidate ids with their distances: within reach of a point, or inside a patch. */
function candidatesNear(
	db: Db,
	origin: { lon: number; lat: number } | null,
	patch: { boundary: AreaGeometry; box: t.Patch } | null,
	reach: number
): { ids: number[]; distances: Map<number, number> } {
	const distances = new Map<number, number>();
	const box = origin
		? boxAround([origin.lon, origin.lat], reach)
		: {
				minLon: patch!.box.minLon,
				minLat: patch!.box.minLat,
				maxLon: patch!.box.maxLon,
				maxLat: patch!.box.maxLat
			};
	const rows = db.all<{ id: number; lon: number; lat: number }>(
		sql`SELECT a.id, a.lon, a.lat FROM assets_rtree r CROSS JOIN assets a ON a.id = r.id
		WHERE ${boxSql(box)} AND a.status = 'published'`
	);
	const ids: number[] = [];
	for (const row of rows) {
		if (origin) {
			const metres = haversineMetres([origin.lon, origin.lat], [row.lon, row.lat]);
			if (metres > reach) continue;
			distances.set(row.id, metres);
		} else if (!pointInArea([row.lon, row.lat], patch!.boundary)) continue;
		ids.push(row.id);
	}
	return { ids, distances };
}

/** Online and roaming entries linked to a patch. */
function linkedElsewhere(db: Db, patchId: number): number[] {
	return db
		.all<{ id: number }>(
			sql`SELECT a.id FROM asset_patches ap CROSS JOIN assets a ON a.id = ap.asset_id
			WHERE ap.patch_id = ${patchId} AND a.location_kind <> 'place' AND a.status = 'published'`
		)
		.map((row) => row.id);
}

/**
 * Which of the terms each of the ids holds in its name or description (English or Welsh), by the
 * full-text index's own rules (see ../../domain/finder/terms.ts for why this is not an FTS5 query).
 */
function termsHeld(db: Db, ids: readonly number[], terms: readonly string[]) {
	const held = new Map<number, string[]>();
	if (ids.length === 0 || terms.length === 0) return held;
	const rows = db.all<{ id: number; text: string }>(
		sql`SELECT a.id, a.name || ' ' || coalesce(a.name_cy, '') || ' ' || a.description || ' ' ||
			coalesce(a.description_cy, '') AS text
		FROM json_each(${JSON.stringify(ids)}) page CROSS JOIN assets a ON a.id = page.value`
	);
	for (const { id, text } of rows) {
		const words = textWords(text);
		const found = terms.filter((term) => holdsTerm(words, term));
		if (found.length) held.set(id, found);
	}
	return held;
}

/** Ids in any of the categories (category trees already expanded). */
function inCategories(db: Db, ids: readonly number[], categoryIds: readonly string[]): Set<number> {
	if (ids.length === 0 || categoryIds.length === 0) return new Set();
	return new Set(
		db
			.all<{ id: number }>(
				sql`SELECT DISTINCT ac.asset_id AS id FROM json_each(${JSON.stringify(ids)}) page
				CROSS JOIN asset_categories ac ON ac.asset_id = page.value
				WHERE ac.category_id IN (SELECT value FROM json_each(${JSON.stringify(categoryIds)}))`
			)
			.map((row) => row.id)
	);
}

/**
 * Finds connections for a person. Never throws for anything in the inputs: a postcode or patch that
 * is not found gives a notice and no results.
 */
export function findConnections(
	db: Db,
	inputs: FinderInputs,
	actor: Actor,
	options: FinderOptions = {}
): FinderResult {
	const today = options.today ?? londonDate(new Date());
	const reach = reachMetres(inputs.reach);
	const notices: FinderResult['notices'] = [];
	const trees = categoryTrees(db, inputs.categories);
	const names = new Map(
		db
			.select({ id: t.categories.id, name: t.categories.name })
			.from(t.categories)
			.all()
			.map((c) => [c.id, c.name])
	);
	const categories = inputs.categories
		.filter((id) => trees.has(id))
		.map((id) => ({ id, name: names.get(id)! }));
	for (const id of inputs.categories) {
		if (!trees.has(id)) notices.push({ field: 'cat', message: `There is no category "${id}"` });
	}
	const result: FinderResult = {
		sections: null,
		origin: null,
		patch: null,
		reachMetres: reach,
		categories,
		notices
	};

	let patchRow: t.Patch | null = null;
	const where = inputs.where;
	if (!where) return result;
	if (where.kind === 'postcode') {
		const found = lookupPostcode(db, where.postcode);
		if (!found) {
			notices.push({ field: 'postcode', message: `We do not know the postcode ${where.postcode}` });
			return result;
		}
		result.origin = { lon: found.lon, lat: found.lat, postcode: found.postcode };
	} else if (where.kind === 'point') {
		result.origin = { lon: where.point[0], lat: where.point[1], postcode: null };
	} else {
		patchRow = db.select().from(t.patches).where(eq(t.patches.slug, where.slug)).get() ?? null;
		if (!patchRow || patchRow.status === 'retired') {
			notices.push({ field: 'patch', message: `There is no patch "${where.slug}"` });
			return result;
		}
		const { id, slug, name, nameCy } = patchRow;
		result.patch = { id, slug, name, nameCy };
	}
	if (result.origin) {
		result.patch = findPatchForPoint(db, [result.origin.lon, result.origin.lat], { planned: true });
	}

	const near = candidatesNear(
		db,
		result.origin,
		patchRow && { boundary: patchRow.boundary as AreaGeometry, box: patchRow },
		reach
	);
	const ids = result.patch ? [...near.ids, ...linkedElsewhere(db, result.patch.id)] : near.ids;
	const terms = finderTerms(inputs.words);
	const held = termsHeld(db, ids, terms);
	let wanted = ids;
	if (inputs.categories.length + terms.length > 0) {
		const inCategory = inCategories(
			db,
			ids,
			[...trees.values()].flatMap((tree) => [...tree])
		);
		wanted = ids.filter((id) => held.has(id) || inCategory.has(id));
	}
	const rows = loadFinderRows(db, [...new Set(wanted)], actor, {
		staleCutoff: staleCutoff(today, options.staleMonths ?? 12),
		distances: near.distances,
		wordsMatched: held
	});
	const context: FinderContext = {
		inputs,
		categoryTrees: trees,
		categoryNames: names,
		terms,
		reachMetres: reach
	};
	result.sections = rankCandidates(rows, context);
	return result;
}
