/**
 * A tiny programme for the council routes' tests: four small areas of 3,000 people in a row,
 * West (the first two) and East (the last two) patches, and users of each role.
 * Not imported by application code.
 */
import * as t from '$lib/server/db/schema';
import type { Db } from '$lib/server/db/client';
import { areaInSquareMetres, boundingBoxOf, representativePoint } from '$lib/domain/geometry';
import type { SessionUser } from '$lib/server/auth';

export const square = (x: number, y: number, width = 0.01, height = 0.01): GeoJSON.Polygon => ({
	type: 'Polygon',
	coordinates: [
		[
			[x, y],
			[x + width, y],
			[x + width, y + height],
			[x, y + height],
			[x, y]
		]
	]
});

export const users: Record<'council' | 'admin' | 'coordinator', SessionUser> = {
	council: { id: 1, email: 'lead@example.org', displayName: 'Lead', role: 'council' },
	admin: { id: 2, email: 'admin@example.org', displayName: 'Admin', role: 'admin' },
	coordinator: { id: 3, email: 'sam@example.org', displayName: 'Sam', role: 'coordinator' }
};

/** Fills an empty database; returns the programme's id. */
export function seedSizingFixture(db: Db): number {
	for (const user of Object.values(users)) db.insert(t.users).values(user).run();
	const programmeId = db
		.insert(t.programmes)
		.values({ slug: 'p', name: 'Test borough' })
		.returning()
		.all()[0].id;
	const setId = db
		.insert(t.populationSets)
		.values({ programmeId, name: 'Mid-2022', referenceDate: '2022-06-30' })
		.returning()
		.all()[0].id;
	db.update(t.programmes).set({ defaultPopulationSetId: setId }).run();
	for (let i = 0; i < 4; i++) {
		const geometry = square(-2.96 + i * 0.01, 53.09);
		const [pointLon, pointLat] = representativePoint(geometry);
		const { id } = db
			.insert(t.smallAreas)
			.values({
				code: `E0000000${i + 1}`,
				kind: 'OA',
				geometry,
				...boundingBoxOf(geometry),
				pointLon,
				pointLat,
				areaM2: areaInSquareMetres(geometry)
			})
			.returning()
			.all()[0];
		db.insert(t.populationValues)
			.values({ populationSetId: setId, smallAreaId: id, value: 3000 })
			.run();
	}
	for (const [slug, name, x] of [
		['west', 'West', -2.96],
		['east', 'East', -2.94]
	] as const) {
		const geometry = square(x, 53.09, 0.02);
		db.insert(t.patches)
			.values({ programmeId, slug, name, boundary: geometry, ...boundingBoxOf(geometry) })
			.run();
	}
	return programmeId;
}
