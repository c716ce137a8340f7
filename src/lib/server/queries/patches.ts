/** Programme and patch queries for visitors. */
import { and, asc, eq, gte, inArray, isNotNull, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { cachedRead } from '../db/read-cache';
import { pointInArea } from '../../domain/point-in-area';
import { listPublicAssetsInBox, type PublicAssetRow } from './assets';
import { entryVisibleToVisitors, patchVisibleToVisitors } from './visibility';

/**
 * The programme this site serves (the first one; Patchwork runs one programme per site). Every page
 * asks: it is read once until the next write (do not change the object).
 */
export function getProgramme(db: Db) {
	return cachedRead(db, 'programme', () => readProgramme(db));
}

function readProgramme(db: Db) {
	return (
		db
			.select({
				id: t.programmes.id,
				slug: t.programmes.slug,
				name: t.programmes.name,
				nameCy: t.programmes.nameCy,
				description: t.programmes.description,
				isFictional: t.programmes.isFictional,
				checkDueMonths: t.programmes.checkDueMonths,
				checkStaleMonths: t.programmes.checkStaleMonths,
				archiveAfterMonths: t.programmes.archiveAfterMonths
			})
			.from(t.programmes)
			.orderBy(asc(t.programmes.id))
			.get() ?? null
	);
}

export type ProgrammeSummary = NonNullable<ReturnType<typeof getProgramme>>;

/**
 * The programme's patches a visitor may see (published), by name, with their coordinators' display
 * names; with `planned`, staff see the planned ones too.
 */
export function listPatches(db: Db, programmeId: number, { planned = false } = {}) {
	const patchRows = db
		.select({
			id: t.patches.id,
			slug: t.patches.slug,
			name: t.patches.name,
			nameCy: t.patches.nameCy,
			status: t.patches.status
		})
		.from(t.patches)
		.where(
			and(
				eq(t.patches.programmeId, programmeId),
				planned ? inArray(t.patches.status, ['active', 'planned']) : patchVisibleToVisitors
			)
		)
		.orderBy(asc(t.patches.name))
		.all();
	const coordinators = listCoordinatorNames(
		db,
		patchRows.map((patch) => patch.id)
	);
	return patchRows.map((patch) => ({ ...patch, coordinators: coordinators.get(patch.id) ?? [] }));
}

function listCoordinatorNames(db: Db, patchIds: number[]): Map<number, string[]> {
	const names = new Map<number, string[]>();
	if (patchIds.length === 0) return names;
	const rows = db
		.select({ patchId: t.patchCoordinators.patchId, displayName: t.users.displayName })
		.from(t.patchCoordinators)
		.innerJoin(t.users, eq(t.users.id, t.patchCoordinators.userId))
		.where(and(inArray(t.patchCoordinators.patchId, patchIds), eq(t.users.disabled, false)))
		.orderBy(asc(t.users.displayName))
		.all();
	for (const { patchId, displayName } of rows) {
		names.set(patchId, [...(names.get(patchId) ?? []), displayName]);
	}
	return names;
}

/** One published patch by its slug, with its boundary and coordinators, or null (planned and retired ones are none). */
export function getPatchBySlug(db: Db, slug: string) {
	const patch = db
		.select({
			id: t.patches.id,
			programmeId: t.patches.programmeId,
			slug: t.patches.slug,
			name: t.patches.name,
			nameCy: t.patches.nameCy,
			description: t.patches.description,
			status: t.patches.status,
			boundary: t.patches.boundary,
			minLon: t.patches.minLon,
			minLat: t.patches.minLat,
			maxLon: t.patches.maxLon,
			maxLat: t.patches.maxLat
		})
		.from(t.patches)
		.where(eq(t.patches.slug, slug))
		.get();
	if (!patch || patch.status !== 'active') return null;
	return { ...patch, coordinators: listCoordinatorNames(db, [patch.id]).get(patch.id) ?? [] };
}

export type PatchDetail = NonNullable<ReturnType<typeof getPatchBySlug>>;

/** Visible entries whose point lies inside the patch: R*Tree on the bounding box, then the exact test. */
export function listPublicAssetsInPatch(db: Db, patch: PatchDetail): PublicAssetRow[] {
	return listPublicAssetsInBox(db, patch).filter(
		(asset) =>
			asset.lon !== null &&
			asset.lat !== null &&
			pointInArea([asset.lon, asset.lat], patch.boundary)
	);
}

/** The Welsh descriptions of visible entries that have one, by asset id: for Welsh list pages. */
export function listWelshDescriptions(db: Db, assetIds: readonly number[]): Map<number, string> {
	if (assetIds.length === 0) return new Map();
	const rows = db
		.select({ id: t.assets.id, descriptionCy: t.assets.descriptionCy })
		.from(t.assets)
		.where(
			and(
				inArray(t.assets.id, [...assetIds]),
				entryVisibleToVisitors,
				isNotNull(t.assets.descriptionCy)
			)
		)
		.all();
	return new Map(rows.map((row) => [row.id, row.descriptionCy!]));
}

/** The published patches whose boundary contains a point: where an asset is. */
export function findPatchesContaining(db: Db, point: [number, number]) {
	const [lon, lat] = point;
	return db
		.select({
			slug: t.patches.slug,
			name: t.patches.name,
			nameCy: t.patches.nameCy,
			boundary: t.patches.boundary,
			status: t.patches.status
		})
		.from(t.patches)
		.where(
			and(
				patchVisibleToVisitors,
				// Cheap box test in SQL before the exact one.
				lte(t.patches.minLon, lon),
				gte(t.patches.maxLon, lon),
				lte(t.patches.minLat, lat),
				gte(t.patches.maxLat, lat)
			)
		)
		.orderBy(asc(t.patches.name))
		.all()
		.filter((patch) => pointInArea(point, patch.boundary))
		.map(({ slug, name, nameCy }) => ({ slug, name, nameCy }));
}

/**
 * Where and when each of the patch's coordinators can be met: their presence sessions at venues,
 * weekly ones and one-offs from `today` on (`onDate` set).
 * @param today London's date, 'YYYY-MM-DD'
 */
export function listPresenceForPatch(db: Db, patchId: number, today: string) {
	return db
		.select({
			coordinator: t.users.displayName,
			venueId: t.assets.id,
			venueName: t.assets.name,
			venueNameCy: t.assets.nameCy,
			weekday: t.presenceSessions.weekday,
			onDate: t.presenceSessions.onDate,
			startTime: t.presenceSessions.startTime,
			endTime: t.presenceSessions.endTime
		})
		.from(t.patchCoordinators)
		.innerJoin(t.users, eq(t.users.id, t.patchCoordinators.userId))
		.innerJoin(t.presenceSessions, eq(t.presenceSessions.userId, t.users.id))
		.innerJoin(t.assets, eq(t.assets.id, t.presenceSessions.venueId))
		.where(
			and(
				eq(t.patchCoordinators.patchId, patchId),
				eq(t.users.disabled, false),
				entryVisibleToVisitors,
				or(isNull(t.presenceSessions.onDate), gte(t.presenceSessions.onDate, today))
			)
		)
		.orderBy(
			asc(t.users.displayName),
			asc(t.presenceSessions.weekday),
			asc(t.presenceSessions.startTime)
		)
		.all();
}

/**
 * A coordinator's week: their presence sessions at venues a visitor may see, in weekday order; one-offs
 * (`onDate` set) from `today` on, by date.
 */
export function listPresenceForUser(db: Db, userId: number, today: string) {
	return db
		.select({
			venueId: t.assets.id,
			venueName: t.assets.name,
			weekday: t.presenceSessions.weekday,
			onDate: t.presenceSessions.onDate,
			startTime: t.presenceSessions.startTime,
			endTime: t.presenceSessions.endTime
		})
		.from(t.presenceSessions)
		.innerJoin(t.assets, eq(t.assets.id, t.presenceSessions.venueId))
		.where(
			and(
				eq(t.presenceSessions.userId, userId),
				entryVisibleToVisitors,
				or(isNull(t.presenceSessions.onDate), gte(t.presenceSessions.onDate, today))
			)
		)
		.orderBy(
			asc(t.presenceSessions.onDate),
			asc(t.presenceSessions.weekday),
			asc(t.presenceSessions.startTime)
		)
		.all();
}
