/**
 * Reads what the gap analysis needs from the database: small areas with their population and
 * representative points, patches with the people they hold (from the patch-sizing engine, with the
 * share of each small area), and the entries a visitor can see with their categories (and those
 * categories' parents, as the directory search counts them), patches and sessions. Informal supports
 * without consent to be public never leave the database here.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { entryVisibleToVisitors } from '../queries/visibility';
import { listCategories } from '../queries/categories';
import { checkProgrammeSizing, loadPatchInputs, REPRESENTATIVE_POINT } from '../sizing';
import { patchFinder } from '../../domain/gaps/assign';
import { withAncestors } from '../../domain/gaps/categories';
import type { GapInputs } from '../../domain/gaps/report';
import type { GapAsset, GapPatch, GapSmallArea } from '../../domain/gaps/types';
import type { SizingMethod } from '../../domain/sizing/types';

/** The programme (the first one: Patchwork runs one per database), or null when there is none. */
export function gapProgramme(db: Db) {
	return (
		db
			.select({
				id: t.programmes.id,
				name: t.programmes.name,
				isFictional: t.programmes.isFictional
			})
			.from(t.programmes)
			.orderBy(asc(t.programmes.id))
			.get() ?? null
	);
}

/** The deprivation set the analysis uses (the latest imported), or null when there is none. */
export function latestDeprivationSet(db: Db) {
	return (
		db
			.select({
				id: t.deprivationSets.id,
				name: t.deprivationSets.name,
				createdAt: t.deprivationSets.createdAt
			})
			.from(t.deprivationSets)
			.orderBy(desc(t.deprivationSets.id))
			.get() ?? null
	);
}

/** Small areas' deciles in the deprivation set, by code. */
function loadDeciles(db: Db, deprivationSetId: number): Map<string, number> {
	return new Map(
		db
			.select({ code: t.smallAreas.code, decile: t.smallAreaDeprivation.decile })
			.from(t.smallAreaDeprivation)
			.innerJoin(t.smallAreas, eq(t.smallAreas.id, t.smallAreaDeprivation.smallAreaId))
			.where(eq(t.smallAreaDeprivation.deprivationSetId, deprivationSetId))
			.all()
			.map((row) => [row.code, row.decile])
	);
}

/**
 * Small areas with a figure in the population set, in code order, each at the point the patch sizing
 * counts it at: the ONS population-weighted centroid where one was imported, else the interior point.
 */
function loadAreas(db: Db, populationSetId: number): GapSmallArea[] {
	return db
		.select({
			code: t.smallAreas.code,
			...REPRESENTATIVE_POINT,
			population: t.populationValues.value
		})
		.from(t.populationValues)
		.innerJoin(t.smallAreas, eq(t.smallAreas.id, t.populationValues.smallAreaId))
		.where(eq(t.populationValues.populationSetId, populationSetId))
		.orderBy(asc(t.smallAreas.code))
		.all()
		.map((row) => ({
			code: row.code,
			point: [row.pointLon, row.pointLat],
			population: row.population
		}));
}

/** Entries a visitor can see, with what the analysis needs of each. */
export function loadGapAssets(
	db: Db,
	programmeId: number,
	findPatches: (point: [number, number]) => number[]
): GapAsset[] {
	const rows = db
		.select({
			id: t.assets.id,
			name: t.assets.name,
			kind: t.assets.kind,
			status: t.assets.status,
			consentPublic: t.assets.consentPublic,
			locationKind: t.assets.locationKind,
			lon: t.assets.lon,
			lat: t.assets.lat
		})
		.from(t.assets)
		.where(and(eq(t.assets.programmeId, programmeId), entryVisibleToVisitors))
		.orderBy(asc(t.assets.id))
		.all();
	const ids = rows.map((row) => row.id);
	const parentOf = new Map(listCategories(db).map((c) => [c.id, c.parentId]));
	const categories = new Map<number, string[]>();
	const links = new Map<number, number[]>();
	const sessions = new Map<number, GapAsset['sessions']>();
	// SQLite allows a limited number of bound values: read the linked rows in chunks.
	for (let from = 0; from < ids.length; from += 500) {
		const chunk = ids.slice(from, from + 500);
		for (const row of db
			.select()
			.from(t.assetCategories)
			.where(inArray(t.assetCategories.assetId, chunk))
			.all())
			(categories.get(row.assetId) ?? categories.set(row.assetId, []).get(row.assetId)!).push(
				row.categoryId
			);
		for (const row of db
			.select()
			.from(t.assetPatches)
			.where(inArray(t.assetPatches.assetId, chunk))
			.all())
			(links.get(row.assetId) ?? links.set(row.assetId, []).get(row.assetId)!).push(row.patchId);
		for (const row of db
			.select()
			.from(t.assetSessions)
			.where(inArray(t.assetSessions.assetId, chunk))
			.all())
			(sessions.get(row.assetId) ?? sessions.set(row.assetId, []).get(row.assetId)!).push(row);
	}
	return rows.map((row) => {
		const point: [number, number] | null =
			row.locationKind === 'place' && row.lon !== null && row.lat !== null
				? [row.lon, row.lat]
				: null;
		return {
			id: row.id,
			name: row.name,
			kind: row.kind,
			status: row.status,
			consentPublic: row.consentPublic,
			point,
			categoryIds: withAncestors(categories.get(row.id) ?? [], parentOf),
			patchIds: point ? findPatches(point) : (links.get(row.id) ?? []),
			sessions: sessions.get(row.id) ?? []
		};
	});
}

/**
 * Everything the analysis reads, for the programme's default population set (or the one given).
 * Without population figures, patches have no population (null) and there are no small areas, so
 * rates and distances are absent rather than zero.
 */
export function loadGapInputs(
	db: Db,
	programmeId: number,
	{ method = 'areal', populationSetId }: { method?: SizingMethod; populationSetId?: number } = {}
): GapInputs & { populationSetId: number | null } {
	const shapes = loadPatchInputs(db, programmeId);
	const findPatches = patchFinder(
		shapes.map((shape) => ({ id: Number(shape.id), geometry: shape.geometry }))
	);
	const sizing = checkProgrammeSizing(db, programmeId, {
		method,
		populationSetId,
		withShares: true
	});
	const areas = sizing ? loadAreas(db, sizing.context.populationSet.id) : [];
	const deprivationSet = areas.length > 0 ? latestDeprivationSet(db) : null;
	if (deprivationSet) {
		const deciles = loadDeciles(db, deprivationSet.id);
		for (const area of areas) area.decile = deciles.get(area.code) ?? null;
	}
	const position = new Map(areas.map((area, i) => [area.code, i]));
	const estimates = new Map(sizing?.patches.map((estimate) => [estimate.id, estimate]));
	const patches: GapPatch[] = shapes.map((shape) => {
		const estimate = estimates.get(shape.id);
		const members = (estimate?.shares ?? []).flatMap((share) => {
			const area = position.get(share.code);
			if (area === undefined) return [];
			const people =
				method === 'areal' ? share.people : share.pointInside ? areas[area].population : 0;
			return people > 0 ? [{ area, people }] : [];
		});
		return {
			id: Number(shape.id),
			name: shape.name,
			population: estimate ? estimate.population : null,
			members
		};
	});
	return {
		populationSetId: sizing?.context.populationSet.id ?? null,
		method: {
			sizing: method,
			populationSet: sizing
				? `${sizing.context.populationSet.name} (${sizing.context.populationSet.referenceDate})`
				: null,
			deprivation: deprivationSet
				? `${deprivationSet.name} (imported ${deprivationSet.createdAt.slice(0, 10)})`
				: null
		},
		areas,
		patches,
		assets: loadGapAssets(db, programmeId, findPatches),
		categories: listCategories(db).map((category) => ({ id: category.id, name: category.name }))
	};
}
