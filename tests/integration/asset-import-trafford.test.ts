/**
 * Trafford's real asset layers import with the counts its README gives, points as points and areas
 * at a point inside them, and each lands in the right ward (the wards are the patches here).
 */
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as t from '../../src/lib/server/db/schema';
import { findPatchesContaining } from '../../src/lib/server/queries/patches';
import { pointInArea } from '../../src/lib/domain/point-in-area';
import type { AreaGeometry } from '../../src/lib/domain/geometry';
import { normalisePostcode } from '../../src/lib/domain/postcode';
import { parseCsv } from '../../src/lib/domain/csv';
import { formatDate, freshnessLabel } from '../../src/lib/domain/format';
import { londonDate } from '../../src/lib/domain/sessions';
import { parseDirectorySearch } from '../../src/lib/domain/directory';
import { searchDirectory } from '../../src/lib/server/queries/directory';
import { placesForList } from '../../src/lib/server/queries/locality';
import { createTraffordDb, importBytes, readData, TRAFFORD_LAYERS } from './asset-import-fixtures';

describe('Trafford asset layers', () => {
	const db = createTraffordDb();
	const reports = new Map(
		TRAFFORD_LAYERS.map((layer) => [
			layer.file,
			importBytes(db, readData(`trafford/assets/${layer.file}`), {
				file: layer.file,
				format: layer.format,
				mapping: layer.mapping
			})
		])
	);

	it.each(TRAFFORD_LAYERS.map((layer) => [layer.file, layer.count] as const))(
		'%s: all %i features import',
		(file, expected) => {
			const report = reports.get(file)!;
			expect(report.rejected).toEqual([]);
			expect(report.total).toBe(expected);
			expect(report.created).toBe(expected);
			const stored = db
				.select({ id: t.assets.id })
				.from(t.assets)
				.where(eq(t.assets.source, report.source))
				.all();
			expect(stored).toHaveLength(expected);
		}
	);

	it('puts known assets in the ward they are in', () => {
		const wardOf = (name: string) => {
			const asset = db.select().from(t.assets).where(eq(t.assets.name, name)).get()!;
			return findPatchesContaining(db, [asset.lon!, asset.lat!]).map((patch) => patch.name);
		};
		expect(wardOf('Altrincham Library')).toEqual(['Altrincham']);
		expect(wardOf('Urmston Library')).toEqual(['Urmston']);
		expect(wardOf('Hale Library')).toEqual(['Hale']);
		expect(wardOf('Old Trafford Library at Limelight')).toEqual(['Old Trafford']);
		expect(wardOf("Partington Children's Centre")).toEqual(['Bucklow-St Martins']);
		expect(wardOf('Flixton Gardens')).toEqual(['Flixton']);
		expect(wardOf('Gorse Hill Methodist Church')).toEqual(['Gorse Hill & Cornbrook']);
	});

	it('places every polygon at a point inside its own polygon', () => {
		for (const file of [
			'trafford_places_of_worship.geojson',
			'trafford_greenspace_sites.geojson',
			'trafford_allotments.geojson'
		]) {
			const features = JSON.parse(readData(`trafford/assets/${file}`).toString('utf8')).features;
			const source = reports.get(file)!.source;
			const stored = db.select().from(t.assets).where(eq(t.assets.source, source)).all();
			expect(stored).toHaveLength(features.length);
			const outside = stored.filter(
				(asset) =>
					!features.some((feature: { geometry: AreaGeometry }) =>
						pointInArea([asset.lon!, asset.lat!], feature.geometry)
					)
			);
			expect(outside.map((asset) => asset.name)).toEqual([]);
		}
	});

	it('reports the 15 mental health services outside the borough as outside every patch', () => {
		const report = reports.get('trafford_mental_health_services.geojson')!;
		expect(report.patchCount).toBe(21);
		expect(report.outsidePatches).toBe(15);
		expect(reports.get('trafford_libraries.geojson')!.outsidePatches).toBe(0);
	});

	it('maps properties to kinds, categories, contacts and accessibility', () => {
		const facility = db
			.select()
			.from(t.assets)
			.where(eq(t.assets.name, 'A S E Club: Sports halls'))
			.get()!;
		expect(facility).toMatchObject({
			kind: 'venue',
			address: 'High Bank, Altrincham',
			postcode: 'WA14 4NS',
			externalId: '1043459-Sports halls-Sports Club / Community Association'
		});
		expect(facility.accessibility).toEqual(['parking']);
		const play = db
			.select({ id: t.assets.id })
			.from(t.assets)
			.where(and(eq(t.assets.name, 'Play Space'), eq(t.assets.familyFriendly, true)))
			.all();
		expect(play.length).toBe(88);
		const library = db
			.select()
			.from(t.assets)
			.where(eq(t.assets.name, 'Altrincham Library'))
			.get()!;
		const contacts = db
			.select()
			.from(t.assetContacts)
			.where(eq(t.assetContacts.assetId, library.id))
			.all();
		expect(contacts.map((c) => [c.kind, c.value, c.visibility])).toEqual(
			expect.arrayContaining([
				['email', 'altrincham.library@trafford.gov.uk', 'public'],
				['website', expect.stringContaining('https://www.trafford.gov.uk/'), 'public']
			])
		);
		const categories = db
			.select()
			.from(t.assetCategories)
			.where(eq(t.assetCategories.assetId, library.id))
			.all();
		expect(categories.map((c) => c.categoryId)).toEqual(['reading-and-languages']);
		// Created on demand with the demo borough's name, since this database had no categories.
		expect(
			db.select().from(t.categories).where(eq(t.categories.id, 'reading-and-languages')).get()?.name
		).toBe('Reading and languages');
		const foodBank = db
			.select()
			.from(t.assets)
			.where(eq(t.assets.name, 'The Globe: Old Trafford Pantry'))
			.get()!;
		expect(foodBank).toMatchObject({ kind: 'service', sector: 'community' });
		expect(foodBank.description).toMatch(/^Opening times: /);
	});

	it('flags possible duplicates across layers for review, merging nothing', () => {
		const flags = db.select().from(t.assetDuplicateFlags).all();
		const reported = [...reports.values()].reduce((sum, report) => sum + report.duplicateCount, 0);
		expect(flags).toHaveLength(reported);
		expect(new Set(flags.map((flag) => flag.status))).toEqual(new Set(['open']));
		const named = (name: string) =>
			db.select().from(t.assets).where(eq(t.assets.name, name)).get()!;
		const library = named('Partington Library and Wellbeing Centre');
		const service = named('Partington Library & Wellbeing Centre');
		expect(library.source).toBe('geojson:trafford-libraries');
		expect(service.source).toBe('geojson:trafford-mental-health-services');
		expect(flags).toContainEqual(
			expect.objectContaining({
				assetId: library.id,
				otherAssetId: service.id,
				reason: expect.stringMatching(/^the same name, \d+ metres apart$/)
			})
		);
		// The green flag parks are also in the greenspace layer.
		const greenFlags = reports.get('trafford_green_flags.geojson')!;
		expect(greenFlags.duplicates.map((d) => d.ref)).toContain('feature 1 ("Davyhulme Park")');
	});

	it('a search for "church" tells the three Christ Churches apart and dates them by import', () => {
		const today = londonDate(new Date());
		const result = searchDirectory(
			db,
			parseDirectorySearch(new URLSearchParams({ q: 'christ church' })).search,
			{
				today,
				perPage: 50
			}
		);
		const { places, apart } = placesForList(db, result.rows);
		const christChurches = result.rows.filter((row) => row.name === 'Christ Church');
		// Three from the places of worship, two more from the green spaces (their grounds).
		expect(christChurches.length).toBeGreaterThanOrEqual(3);
		// No address in the files: each says which ward it is in and, as the ward is the same for
		// several (a church, its hall and its grounds), where each lies from the others.
		const shown = christChurches.map((row) => `${places.get(row.id)}, ${apart.get(row.id)}`);
		expect(new Set(shown)).toEqual(
			new Set([
				'Lostock & Barton, 20 metres north-west of the others',
				'Lostock & Barton, 30 metres east of the others',
				'Lostock & Barton, 10 metres west of the others',
				'Timperley Central, 30 metres south-west of the other',
				'Timperley Central, 30 metres north-east of the other'
			])
		);
		expect(shown).toHaveLength(christChurches.length);
		// Never checked, just imported: not stale, and labelled with the day it came in.
		for (const row of christChurches) {
			expect(row.importedOn).toBe(today);
			expect(row.stale).toBe(false);
			expect(freshnessLabel(row.lastVerifiedOn, today, 'en', 12, row.importedOn)).toBe(
				`Imported on ${formatDate(today)}, not checked since`
			);
		}
	});

	it('updates every layer in place when it is imported again', () => {
		const before = db.select({ id: t.assets.id }).from(t.assets).all().length;
		for (const layer of TRAFFORD_LAYERS) {
			const again = importBytes(db, readData(`trafford/assets/${layer.file}`), {
				file: layer.file,
				format: layer.format,
				mapping: layer.mapping
			});
			expect([again.created, again.updated, again.unchanged, again.rejectedCount]).toEqual([
				0,
				0,
				layer.count,
				0
			]);
		}
		expect(db.select({ id: t.assets.id }).from(t.assets).all()).toHaveLength(before);
		// Found again, but each pair is flagged once.
		const reported = [...reports.values()].reduce((sum, report) => sum + report.duplicateCount, 0);
		expect(db.select().from(t.assetDuplicateFlags).all()).toHaveLength(reported);
	});
});

describe('Trafford charities CSV (postcodes, no coordinates)', () => {
	const text = readData('trafford/assets/charities_operating_in_trafford.csv');
	const rows = parseCsv(text.toString('utf8')).rows;

	/** A postcode table holding every postcode of the file but one, at made-up points in Trafford. */
	function withPostcodes(leaveOut: string) {
		const db = createTraffordDb();
		const postcodes = new Set<string>();
		for (const row of rows) {
			const postcode = normalisePostcode(
				row.values.charity_contact_postcode.replace(/^(\w+\s*\w*?)O(\w\w)\s*$/, '$1 0$2')
			);
			if (postcode && postcode !== leaveOut) postcodes.add(postcode);
		}
		[...postcodes].forEach((postcode, i) => {
			db.insert(t.postcodes)
				.values({ postcode, lon: -2.35 + (i % 40) * 0.002, lat: 53.4 + Math.floor(i / 40) * 0.002 })
				.run();
		});
		return db;
	}

	it('imports every row whose postcode is known and rejects the others, naming the line', () => {
		expect(rows).toHaveLength(736);
		const db = withPostcodes('M15 4ZY');
		const report = importBytes(db, text, {
			file: 'charities.csv',
			format: 'csv',
			mapping: { rules: [], kind: 'group' }
		});
		expect(report.total).toBe(736);
		expect(report.created + report.rejectedCount).toBe(736);
		expect(report.rejected).toEqual([
			{
				ref: 'line 585 ("VICTORY OUTREACH MANCHESTER")',
				reasons: [
					'has no location: give latitude and longitude, easting and northing, or a postcode'
				]
			},
			{
				ref: 'line 680 ("GREATER MANCHESTER ECZEMA & SKIN SUPPORT CIO")',
				reasons: [
					expect.stringContaining(
						"has the postcode M15 4ZY, which is not in Patchwork's postcode table"
					)
				]
			}
		]);
		expect(report.created).toBe(734);
		// "WA15 OHF" has a letter O for the zero: read as WA15 0HF, with a warning.
		const trust = db.select().from(t.assets).where(eq(t.assets.externalId, '254312')).get()!;
		expect(trust.postcode).toBe('WA15 0HF');
		expect(report.warningGroups.map((g) => g.example).join('\n')).toContain(
			'"WA15 OHF" was read as WA15 0HF'
		);
	});
});
