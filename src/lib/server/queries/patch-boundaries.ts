/**
 * Queries for the council's patch-sizing page and boundary editor: patches to edit, the small
 * areas near a box, population sets, and saving a boundary with its audit row in one transaction.
 */
import { and, asc, count, desc, eq, gte, inArray, like, lte, ne, or } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { insertedRow } from '../db/write';
import { patchVisibleToVisitors } from './visibility';
import { boundingBoxOf, type AreaGeometry, type BoundingBox } from '../../domain/geometry';
import type { SmallAreaInput } from '../../domain/sizing/types';

/** A patch with what the editor needs, or null. Retired patches can be edited too. */
export function getPatchForEditing(db: Db, id: number) {
	return (
		db
			.select({
				id: t.patches.id,
				programmeId: t.patches.programmeId,
				slug: t.patches.slug,
				name: t.patches.name,
				status: t.patches.status,
				boundary: t.patches.boundary
			})
			.from(t.patches)
			.where(eq(t.patches.id, id))
			.get() ?? null
	);
}

export type EditablePatch = NonNullable<ReturnType<typeof getPatchForEditing>>;

/**
 * The programme's patches that are not retired, with their boundaries (for outlines), by name;
 * with `published`, only those a visitor may see.
 */
export function listPatchBoundaries(
	db: Db,
	programmeId: number,
	{ exceptId, published = false }: { exceptId?: number; published?: boolean } = {}
) {
	return db
		.select({
			id: t.patches.id,
			slug: t.patches.slug,
			name: t.patches.name,
			nameCy: t.patches.nameCy,
			status: t.patches.status,
			locked: t.patches.locked,
			boundary: t.patches.boundary
		})
		.from(t.patches)
		.where(
			and(
				eq(t.patches.programmeId, programmeId),
				published ? patchVisibleToVisitors : inArray(t.patches.status, ['active', 'planned']),
				exceptId === undefined ? undefined : ne(t.patches.id, exceptId)
			)
		)
		.orderBy(asc(t.patches.name))
		.all();
}

/** The programme's population sets, newest first. */
export function listPopulationSets(db: Db, programmeId: number) {
	return db
		.select({
			id: t.populationSets.id,
			name: t.populationSets.name,
			referenceDate: t.populationSets.referenceDate
		})
		.from(t.populationSets)
		.where(eq(t.populationSets.programmeId, programmeId))
		.orderBy(desc(t.populationSets.referenceDate), asc(t.populationSets.name))
		.all();
}

/** How many small areas have a figure in a population set. */
export function countSmallAreasInSet(db: Db, populationSetId: number): number {
	const [{ n }] = db
		.select({ n: count() })
		.from(t.populationValues)
		.where(eq(t.populationValues.populationSetId, populationSetId))
		.all();
	return n;
}

function smallAreasInSet(db: Db, populationSetId: number, box: BoundingBox | null) {
	return db
		.select({
			code: t.smallAreas.code,
			geometry: t.smallAreas.geometry,
			population: t.populationValues.value,
			pointLon: t.smallAreas.pointLon,
			pointLat: t.smallAreas.pointLat
		})
		.from(t.populationValues)
		.innerJoin(t.smallAreas, eq(t.smallAreas.id, t.populationValues.smallAreaId))
		.where(
			and(
				eq(t.populationValues.populationSetId, populationSetId),
				// Boxes that share a point: the cheap test the engine repeats exactly.
				box ? lte(t.smallAreas.minLon, box.maxLon) : undefined,
				box ? gte(t.smallAreas.maxLon, box.minLon) : undefined,
				box ? lte(t.smallAreas.minLat, box.maxLat) : undefined,
				box ? gte(t.smallAreas.maxLat, box.minLat) : undefined
			)
		)
		.orderBy(asc(t.smallAreas.code));
}

export type SmallAreasNear =
	| { ok: true; complete: boolean; box: BoundingBox | null; smallAreas: SmallAreaInput[] }
	| { ok: false; reason: 'box_needed' | 'too_many'; limit: number };

/**
 * Small areas with their population for the editor's live estimate: every one in the set when
 * there are at most `wholeSetUpTo` (the browser prepares them once and needs nothing more), or
 * those whose box meets `box`, up to `maxAreas`.
 */
export function listSmallAreasNear(
	db: Db,
	populationSetId: number,
	box: BoundingBox | null,
	{ wholeSetUpTo = 3000, maxAreas = 20_000 }: { wholeSetUpTo?: number; maxAreas?: number } = {}
): SmallAreasNear {
	const whole = countSmallAreasInSet(db, populationSetId) <= wholeSetUpTo;
	if (!whole && !box) return { ok: false, reason: 'box_needed', limit: wholeSetUpTo };
	const rows = smallAreasInSet(db, populationSetId, whole ? null : box)
		.limit(maxAreas + 1)
		.all();
	if (rows.length > maxAreas) return { ok: false, reason: 'too_many', limit: maxAreas };
	return {
		ok: true,
		complete: whole,
		box: whole ? null : box,
		smallAreas: rows.map(({ pointLon, pointLat, ...area }) => ({
			...area,
			point: [pointLon, pointLat]
		}))
	};
}

/** Small-area boundaries (code and geometry) for the map's outlines, or null when there are more than `limit`. */
export function listSmallAreaOutlines(db: Db, populationSetId: number, limit = 5000) {
	if (countSmallAreasInSet(db, populationSetId) > limit) return null;
	return smallAreasInSet(db, populationSetId, null)
		.all()
		.map(({ code, geometry }) => ({ code, geometry }));
}

/**
 * The slug, or the slug with the first free number after it (-2, -3 …) when it is taken.
 * @example uniqueSlug('fennick', new Set(['fennick', 'fennick-2'])) // 'fennick-3'
 */
export function uniqueSlug(slug: string, taken: ReadonlySet<string>): string {
	if (!taken.has(slug)) return slug;
	for (let n = 2; ; n++) {
		const candidate = `${slug}-${n}`;
		if (!taken.has(candidate)) return candidate;
	}
}

export type BoundarySource = 'map' | 'geojson' | 'file';

const corners = (geometry: AreaGeometry) =>
	(geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates)
		.flat()
		.reduce((sum, ring) => sum + ring.length - 1, 0);

/**
 * Replace a patch's boundary and bounding box, and record who did it, in one transaction.
 * @returns false when there is no such patch (nothing is written)
 */
export function updatePatchBoundary(
	db: Db,
	{
		patchId,
		geometry,
		userId,
		source
	}: { patchId: number; geometry: AreaGeometry; userId: number; source: BoundarySource }
): boolean {
	return db.transaction((tx) => {
		const before = tx
			.select({ name: t.patches.name })
			.from(t.patches)
			.where(eq(t.patches.id, patchId))
			.get();
		if (!before) return false;
		tx.update(t.patches)
			.set({
				boundary: geometry,
				...boundingBoxOf(geometry),
				updatedAt: new Date().toISOString()
			})
			.where(eq(t.patches.id, patchId))
			.run();
		tx.insert(t.auditLog)
			.values({
				userId,
				action: 'patch.boundary_updated',
				entity: 'patch',
				entityId: String(patchId),
				detail: { name: before.name, source, corners: corners(geometry) }
			})
			.run();
		return true;
	});
}

/**
 * Add a planned patch with a boundary; its slug is `slug`, numbered if taken. One transaction with
 * its audit row.
 */
export function createPatch(
	db: Db,
	{
		programmeId,
		name,
		slug,
		geometry,
		userId,
		source
	}: {
		programmeId: number;
		name: string;
		slug: string;
		geometry: AreaGeometry;
		userId: number;
		source: BoundarySource;
	}
): { id: number; slug: string } {
	return db.transaction((tx) => {
		const taken = tx
			.select({ slug: t.patches.slug })
			.from(t.patches)
			.where(or(eq(t.patches.slug, slug), like(t.patches.slug, `${slug}-%`)))
			.all();
		const free = uniqueSlug(slug, new Set(taken.map((row) => row.slug)));
		const created = insertedRow(
			tx
				.insert(t.patches)
				.values({
					programmeId,
					name,
					slug: free,
					boundary: geometry,
					...boundingBoxOf(geometry),
					status: 'planned'
				})
				.returning({ id: t.patches.id, slug: t.patches.slug })
				.all()
		);
		tx.insert(t.auditLog)
			.values({
				userId,
				action: 'patch.created',
				entity: 'patch',
				entityId: String(created.id),
				detail: { name, source, corners: corners(geometry) }
			})
			.run();
		return created;
	});
}
