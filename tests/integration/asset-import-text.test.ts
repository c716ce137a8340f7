/**
 * Asset files whose text is hostile (tests/fixtures/hostile): columns and properties named like the
 * properties every object has, spreadsheet formulas and other text kept as written, and
 * OpenStreetMap tags mapped flat or nested. Broken and oversized files are in
 * asset-import-hostile.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as t from '../../src/lib/server/db/schema';
import { importBytes } from './asset-import-fixtures';
import { freshDb, hostile } from './hostile-import';

describe('columns and properties named like the properties every object has', () => {
	it.each([
		['prototype-names.csv', 'csv'],
		['prototype-names.geojson', 'geojson'],
		['prototype-names.json', 'openreferral']
	] as const)('%s imports the named record and rejects the unnamed one', (file, format) => {
		const db = freshDb();
		const report = importBytes(db, hostile(file), { file, format });
		const names = db.select({ name: t.assets.name }).from(t.assets).all();
		expect(names.map((row) => row.name).sort()).toEqual(
			format === 'csv' ? ['Constructor Club', 'Proto Hall'] : ['Proto Hall']
		);
		if (format !== 'csv') expect(report.rejectedCount).toBe(1);
		const stored = JSON.stringify(db.select().from(t.assets).all());
		expect(stored).not.toContain('Not this');
		expect(stored).not.toContain('Inherited name');
		expect(JSON.stringify(db.select().from(t.assetContacts).all())).not.toContain('inherited@');
	});
});

describe('text as written', () => {
	it('keeps spreadsheet formulas as plain text', () => {
		const db = freshDb();
		const report = importBytes(db, hostile('formulas.csv'), {
			file: 'formulas.csv',
			format: 'csv'
		});
		expect(report.created).toBe(5);
		const rows = db
			.select({ name: t.assets.name, address: t.assets.address })
			.from(t.assets)
			.orderBy(t.assets.id)
			.all();
		expect(rows).toEqual([
			{ name: '=HYPERLINK("http://evil.example","Click")', address: '1 High Street' },
			{ name: '+44 Club', address: '=1+2' },
			{ name: '-5 Degrees Swimming', address: '@SUM(A1:A9)' },
			{ name: "=cmd|' /C calc'!A0", address: 'Tab name' },
			{ name: '@Home Group', address: null }
		]);
		expect(report.warningGroups.map((g) => g.example)).toEqual([
			'line 6 ("@Home Group"): website "=WEBSERVICE("http://x")" is not a web address, so it was left out'
		]);
	});

	it.each([
		['utf8-bom.csv', 'Read as UTF-8 (the file starts with a byte order mark).', ['Café Cymraeg']],
		[
			'windows-1252.csv',
			'Not UTF-8, so read as Windows-1252 (the encoding Excel on Windows saves CSV files in).',
			['Café Cymraeg', 'Naïve Art Club']
		],
		[
			'mixed-encodings.csv',
			'Mixed encodings: most of the file is UTF-8, but line 3 is not, so it was read as Windows-1252. Check their accented letters.',
			['Café UTF-8', 'Café Windows', 'Crèche UTF-8']
		]
	])('%s', (file, note, names) => {
		const db = freshDb();
		const report = importBytes(db, hostile(file), { file, format: 'csv' });
		expect(report.encodingNote).toBe(note);
		expect(
			db
				.select({ name: t.assets.name })
				.from(t.assets)
				.orderBy(t.assets.id)
				.all()
				.map((a) => a.name)
		).toEqual(names);
		if (file === 'windows-1252.csv') {
			expect(db.select().from(t.assets).orderBy(t.assets.id).get()!.description).toBe(
				'Te a bara brith – £5'
			);
		}
	});
});

describe('OpenStreetMap tags', () => {
	it('maps tags flat or nested to kinds and categories, and rejects the unnamed and the unmapped', () => {
		const db = freshDb();
		const report = importBytes(db, hostile('osm-overpass.geojson'), {
			file: 'osm.geojson',
			format: 'osm'
		});
		expect(report.source).toBe('osm');
		const rows = db.select().from(t.assets).orderBy(t.assets.id).all();
		const byId = Object.fromEntries(rows.map((a) => [a.externalId, a]));
		expect(Object.keys(byId).sort()).toEqual(['node/101', 'node/303', 'node/606', 'way/202']);
		expect(byId['node/101']).toMatchObject({
			kind: 'venue',
			nameCy: 'Canolfan Gymunedol Lôn y Mwsogl',
			address: '12 Moss Lane, Partington',
			postcode: 'M31 4FA',
			accessibility: ['step_free']
		});
		expect(byId['way/202']).toMatchObject({ kind: 'venue', name: 'Hullard Park' });
		expect(byId['node/303']).toMatchObject({ kind: 'group' });
		expect(byId['node/606']).toMatchObject({ kind: 'service', sector: 'community' });
		const categories = (id: number) =>
			db
				.select()
				.from(t.assetCategories)
				.where(eq(t.assetCategories.assetId, id))
				.all()
				.map((c) => c.categoryId)
				.sort();
		expect(categories(byId['node/101'].id)).toEqual(['community-spaces']);
		expect(categories(byId['node/303'].id)).toEqual([
			'social-and-friendship',
			'sport-and-exercise'
		]);
		expect(categories(byId['node/606'].id)).toEqual(['food', 'health-and-care-services']);
		expect(report.rejected).toEqual([
			{ ref: 'feature 4 (node/404)', reasons: ['has no name tag'] },
			{
				ref: 'feature 5 (node/505) ("Greggs")',
				reasons: [expect.stringContaining('has no tag Patchwork maps to a kind of asset')]
			}
		]);
	});
});
