import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { createTestDb } from '../auth/test-db';
import { boundingBoxOf, representativePoint, areaInSquareMetres } from '../../domain/geometry';
import {
	createPatch,
	getPatchForEditing,
	listPatchBoundaries,
	listPopulationSets,
	listSmallAreaOutlines,
	listSmallAreasNear,
	uniqueSlug,
	updatePatchBoundary
} from './patch-boundaries';

const square = (x: number, y: number, size = 0.01): GeoJSON.Polygon => ({
	type: 'Polygon',
	coordinates: [
		[
			[x, y],
			[x + size, y],
			[x + size, y + size],
			[x, y + size],
			[x, y]
		]
	]
});

let db: Db;
let programmeId: number;
let setId: number;
let userId: number;

/** A programme with a population set, three small areas in a row, two patches and a council user. */
beforeEach(() => {
	db = createTestDb();
	programmeId = db.insert(t.programmes).values({ slug: 'p', name: 'P' }).returning().get().id;
	setId = db
		.insert(t.populationSets)
		.values({ programmeId, name: 'Mid-2022', referenceDate: '2022-06-30' })
		.returning()
		.get().id;
	db.insert(t.populationSets)
		.values({ programmeId, name: 'Census 2021', referenceDate: '2021-03-21' })
		.run();
	for (const [i, code] of ['A1', 'A2', 'A3'].entries()) {
		const geometry = square(i * 0.01, 0);
		const [pointLon, pointLat] = representativePoint(geometry);
		const { id } = db
			.insert(t.smallAreas)
			.values({
				code,
				kind: 'OA',
				geometry,
				...boundingBoxOf(geometry),
				pointLon,
				pointLat,
				areaM2: areaInSquareMetres(geometry)
			})
			.returning()
			.get();
		db.insert(t.populationValues)
			.values({ populationSetId: setId, smallAreaId: id, value: 100 * (i + 1) })
			.run();
	}
	for (const [slug, name, status] of [
		['north', 'North', 'active'],
		['south', 'South', 'retired']
	] as const) {
		const geometry = square(0, 0, 0.02);
		db.insert(t.patches)
			.values({ programmeId, slug, name, status, boundary: geometry, ...boundingBoxOf(geometry) })
			.run();
	}
	userId = db
		.insert(t.users)
		.values({ email: 'c@example.org', displayName: 'C', role: 'council' })
		.returning()
		.get().id;
});

describe('reading', () => {
	it('finds a patch to edit, retired or not, and null for no such patch', () => {
		expect(getPatchForEditing(db, 2)).toMatchObject({ slug: 'south', status: 'retired' });
		expect(getPatchForEditing(db, 99)).toBeNull();
	});

	it('lists boundaries of patches in use, leaving one out when asked', () => {
		expect(listPatchBoundaries(db, programmeId).map((p) => p.slug)).toEqual(['north']);
		expect(listPatchBoundaries(db, programmeId, { exceptId: 1 })).toEqual([]);
	});

	it('lists population sets newest first', () => {
		expect(listPopulationSets(db, programmeId).map((s) => s.name)).toEqual([
			'Mid-2022',
			'Census 2021'
		]);
	});
});

describe('listSmallAreasNear', () => {
	it('gives the whole set when it is small, with each point and population', () => {
		const near = listSmallAreasNear(db, setId, null);
		expect(near.ok && near.complete).toBe(true);
		expect(near.ok && near.smallAreas.map((a) => [a.code, a.population])).toEqual([
			['A1', 100],
			['A2', 200],
			['A3', 300]
		]);
		expect(near.ok && near.smallAreas[0].point).toHaveLength(2);
	});

	it('gives only the areas whose box meets the box when the set is large', () => {
		const box = { minLon: 0.0105, minLat: 0.001, maxLon: 0.015, maxLat: 0.002 };
		const near = listSmallAreasNear(db, setId, box, { wholeSetUpTo: 2 });
		expect(near).toMatchObject({ ok: true, complete: false, box });
		expect(near.ok && near.smallAreas.map((a) => a.code)).toEqual(['A2']);
	});

	it('asks for a box, or a smaller one, rather than send too much', () => {
		expect(listSmallAreasNear(db, setId, null, { wholeSetUpTo: 2 })).toEqual({
			ok: false,
			reason: 'box_needed',
			limit: 2
		});
		const everything = { minLon: -1, minLat: -1, maxLon: 1, maxLat: 1 };
		expect(
			listSmallAreasNear(db, setId, everything, { wholeSetUpTo: 1, maxAreas: 2 })
		).toMatchObject({
			ok: false,
			reason: 'too_many'
		});
	});

	it('draws outlines only up to a limit', () => {
		expect(listSmallAreaOutlines(db, setId)?.map((a) => a.code)).toEqual(['A1', 'A2', 'A3']);
		expect(listSmallAreaOutlines(db, setId, 2)).toBeNull();
	});
});

describe('writing', () => {
	it('replaces a boundary and its box, and records who did it', () => {
		const geometry = square(1, 1, 0.5);
		expect(updatePatchBoundary(db, { patchId: 1, geometry, userId, source: 'map' })).toBe(true);
		const row = db.select().from(t.patches).where(eq(t.patches.id, 1)).get()!;
		expect(row.boundary).toEqual(geometry);
		expect([row.minLon, row.minLat, row.maxLon, row.maxLat]).toEqual([1, 1, 1.5, 1.5]);
		const audit = db.select().from(t.auditLog).all();
		expect(audit).toMatchObject([
			{
				userId,
				action: 'patch.boundary_updated',
				entity: 'patch',
				entityId: '1',
				detail: { name: 'North', source: 'map', corners: 4 }
			}
		]);
	});

	it('writes nothing for a patch that does not exist', () => {
		expect(
			updatePatchBoundary(db, { patchId: 99, geometry: square(1, 1), userId, source: 'map' })
		).toBe(false);
		expect(db.select().from(t.auditLog).all()).toEqual([]);
	});

	it('creates a planned patch with a free slug', () => {
		const first = createPatch(db, {
			programmeId,
			name: 'North',
			slug: 'north',
			geometry: square(2, 2),
			userId,
			source: 'geojson'
		});
		const second = createPatch(db, {
			programmeId,
			name: 'North',
			slug: 'north',
			geometry: square(3, 3),
			userId,
			source: 'map'
		});
		expect([first.slug, second.slug]).toEqual(['north-2', 'north-3']);
		expect(getPatchForEditing(db, first.id)).toMatchObject({ name: 'North', status: 'planned' });
		expect(
			db
				.select()
				.from(t.auditLog)
				.all()
				.map((a) => a.action)
		).toEqual(['patch.created', 'patch.created']);
	});

	it('numbers slugs from 2', () => {
		expect(uniqueSlug('fennick', new Set())).toBe('fennick');
		expect(uniqueSlug('fennick', new Set(['fennick', 'fennick-2']))).toBe('fennick-3');
	});
});
