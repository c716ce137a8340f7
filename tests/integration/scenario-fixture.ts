/**
 * A programme for scenario tests, from the GeoJSON fixture the domain tests use
 * (src/lib/domain/scenarios/test/two-patches.geojson): 12 small areas near Trafford in the default
 * population set, and the live patches West (6,500 people) and East (6,000), West with a coordinator.
 */
import { readFileSync } from 'node:fs';
import type { Db } from '../../src/lib/server/db/client';
import * as t from '../../src/lib/server/db/schema';
import { insertedId } from '../../src/lib/server/db/write';
import {
	areaInSquareMetres,
	boundingBoxOf,
	representativePoint,
	type AreaGeometry
} from '../../src/lib/domain/geometry';

type Props = { role: string; code?: string; population?: number; slug?: string; name?: string };
const fixture = JSON.parse(
	readFileSync('src/lib/domain/scenarios/test/two-patches.geojson', 'utf8')
) as GeoJSON.FeatureCollection<AreaGeometry, Props>;

/** Adds the fixture's small areas and population to the programme, as its default set. */
export function seedScenarioAreas(db: Db, programmeId: number): void {
	const setId = insertedId(
		db
			.insert(t.populationSets)
			.values({ programmeId, name: 'Census 2021', referenceDate: '2021-03-21' })
			.run()
	);
	db.update(t.programmes).set({ defaultPopulationSetId: setId }).run();
	for (const f of fixture.features.filter((f) => f.properties.role === 'small_area')) {
		const [pointLon, pointLat] = representativePoint(f.geometry);
		const id = insertedId(
			db
				.insert(t.smallAreas)
				.values({
					code: f.properties.code!,
					kind: 'OA',
					geometry: f.geometry,
					...boundingBoxOf(f.geometry),
					pointLon,
					pointLat,
					areaM2: areaInSquareMetres(f.geometry)
				})
				.run()
		);
		db.insert(t.populationValues)
			.values({ populationSetId: setId, smallAreaId: id, value: f.properties.population! })
			.run();
	}
}

/** The fixture's patches as live patches of the programme: their ids by slug. */
export function seedScenarioPatches(db: Db, programmeId: number): Record<string, number> {
	const ids: Record<string, number> = {};
	for (const f of fixture.features.filter((f) => f.properties.role === 'patch')) {
		ids[f.properties.slug!] = insertedId(
			db
				.insert(t.patches)
				.values({
					programmeId,
					slug: f.properties.slug!,
					name: f.properties.name!,
					boundary: f.geometry,
					...boundingBoxOf(f.geometry)
				})
				.run()
		);
	}
	return ids;
}
