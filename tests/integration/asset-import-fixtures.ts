/**
 * Shared by the asset import tests: the real data files (failing loudly when one is missing), the
 * mappings for Trafford's layers, a database holding Trafford's 21 wards as patches, and row counts.
 */
import { count } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client';
import * as t from '../../src/lib/server/db/schema';
import { createTestDb } from '../../src/lib/server/auth/test-db';
import { boundingBoxOf, type AreaGeometry } from '../../src/lib/domain/geometry';
import type { AssetMapping } from '../../src/lib/domain/exchange/import/mapping';
import type { AssetImportFormat } from '../../src/lib/domain/exchange/import/kinds';
import { runAssetImport, type AssetImportRequest } from '../../src/lib/server/exchange/import/run';
import { readRealData, realDataPath } from '../real-data';

/** A file of the real data in tests/data, or a loud failure: these tests must not pass by skipping. */
export const dataFile = (path: string): string => realDataPath(path);

export const readData = (path: string) => readRealData(path);

const mapping = (m: Partial<AssetMapping>): AssetMapping => ({ rules: [], ...m });

/** One mapping per Trafford layer, with the count of features its README says must import. */
export const TRAFFORD_LAYERS: {
	file: string;
	format: AssetImportFormat;
	count: number;
	mapping: AssetMapping;
}[] = [
	{
		file: 'trafford_libraries.geojson',
		format: 'geojson',
		count: 13,
		mapping: mapping({ kind: 'venue', categories: ['reading-and-languages'] })
	},
	{
		file: 'trafford_places_of_worship.geojson',
		format: 'geojson',
		count: 118,
		mapping: mapping({
			id: 'ID',
			name: 'DISTNAME',
			kind: 'venue',
			categories: ['faith-and-culture']
		})
	},
	{
		file: 'sports_clubs.geojson',
		format: 'geojson',
		count: 137,
		mapping: mapping({ kind: 'group', categories: ['sport-and-exercise'] })
	},
	{
		file: 'sports_facilities.geojson',
		format: 'geojson',
		count: 314,
		mapping: mapping({
			id: '{site_id}-{facility_type}-{access_type}',
			name: '{site_name}: {facility_type}',
			address: ['street', 'town'],
			kind: 'venue',
			categories: ['sport-and-exercise'],
			rules: [
				{ when: { disability_toilets: 'Yes' }, accessibility: ['accessible_toilet'] },
				{ when: { disability_parking: 'Yes' }, accessibility: ['parking'] }
			]
		})
	},
	{
		file: 'trafford_greenspace_sites.geojson',
		format: 'geojson',
		count: 427,
		mapping: mapping({
			name: ['site_name', '{site_type}'],
			kind: 'venue',
			rules: [
				{
					when: { site_type: ['Public Park Or Garden', 'Cemetery'] },
					categories: ['walking-and-outdoors']
				},
				{
					when: { site_type: 'Play Space' },
					categories: ['family-activities'],
					familyFriendly: true
				},
				{
					when: {
						site_type: [
							'Playing Field',
							'Other Sports Facility',
							'Bowling Green',
							'Tennis Court',
							'Golf Course'
						]
					},
					categories: ['sport-and-exercise']
				},
				{ when: { site_type: 'Religious Grounds' }, categories: ['faith-and-culture'] },
				{
					when: { site_type: 'Allotments Or Community Growing Spaces' },
					categories: ['gardening-and-nature']
				}
			]
		})
	},
	{
		file: 'trafford_allotments.geojson',
		format: 'osm',
		count: 35,
		mapping: mapping({ kind: 'venue', categories: ['gardening-and-nature'] })
	},
	{
		file: 'trafford_mental_health_services.geojson',
		format: 'geojson',
		count: 60,
		mapping: mapping({ kind: 'service', sector: 'community', categories: ['mental-wellbeing'] })
	},
	{
		file: 'trafford_food_banks.geojson',
		format: 'geojson',
		count: 7,
		mapping: mapping({
			kind: 'service',
			sector: 'community',
			description: 'Opening times: {Opening times}',
			email: 'Contact',
			categories: ['food']
		})
	},
	{
		file: 'trafford_childrens_centres.geojson',
		format: 'geojson',
		count: 2,
		mapping: mapping({ kind: 'venue', categories: ['family-activities'] })
	},
	{
		file: 'trafford_green_flags.geojson',
		format: 'geojson',
		count: 11,
		mapping: mapping({ kind: 'venue', categories: ['walking-and-outdoors'] })
	}
];

/** A fresh database with a Trafford programme whose patches are its 21 wards (May 2023). */
export function createTraffordDb(): Db {
	const db = createTestDb();
	const programme = db
		.insert(t.programmes)
		.values({ slug: 'trafford', name: 'Trafford Local Area Coordination' })
		.returning()
		.get();
	const wards = JSON.parse(
		readData('trafford/boundaries/trafford_ward2023_generalised.geojson').toString('utf8')
	);
	for (const ward of wards.features) {
		const boundary = ward.geometry as AreaGeometry;
		db.insert(t.patches)
			.values({
				programmeId: programme.id,
				name: ward.properties.area_name,
				slug: ward.properties.area_code.toLowerCase(),
				boundary,
				...boundingBoxOf(boundary)
			})
			.run();
	}
	return db;
}

/** Imports bytes with sensible defaults for tests. */
export function importBytes(
	db: Db,
	bytes: Uint8Array,
	request: Partial<AssetImportRequest> & Pick<AssetImportRequest, 'file' | 'format'>
) {
	return runAssetImport(db, {
		bytes,
		mapping: null,
		status: 'published',
		dryRun: false,
		via: 'cli',
		...request
	});
}

/** Row counts of every table an asset import can write, to show a failed import changed nothing. */
export function rowCounts(db: Db): Record<string, number> {
	const tables = {
		assets: t.assets,
		categories: t.categories,
		assetCategories: t.assetCategories,
		assetContacts: t.assetContacts,
		assetSessions: t.assetSessions,
		duplicateFlags: t.assetDuplicateFlags,
		importRuns: t.assetImportRuns,
		auditLog: t.auditLog,
		programmes: t.programmes
	};
	return Object.fromEntries(
		Object.entries(tables).map(([name, table]) => [
			name,
			db.select({ n: count() }).from(table).get()!.n
		])
	);
}
