/**
 * The CSV and GeoJSON exports against the demo borough: every visible asset and nothing private,
 * one patch on request, the licence and date inside the file, and formulas neutralised.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/lib/server/db/client';
import * as t from '../../src/lib/server/db/schema';
import { hiddenFromVisitors, isVisibleToVisitors } from '../../src/lib/demo/keeping-true';
import { loadDemoBorough } from '../../src/lib/server/demo/seed';
import { buildAssetExport, type ExportFormat } from '../../src/lib/server/exchange/export/respond';
import { parseCsv } from '../../src/lib/domain/csv';
import { pointInArea } from '../../src/lib/domain/point-in-area';
import { EXPORT_COLUMNS } from '../../src/lib/domain/exchange/export/asset-export';
import { demoAssetsSchema, demoPatchesSchema } from '../../src/lib/domain/schemas/demo-borough';

const demoAssets = demoAssetsSchema.parse(
	JSON.parse(readFileSync('data/demo/assets.json', 'utf8'))
);
const demoPatches = demoPatchesSchema.parse(
	JSON.parse(readFileSync('data/demo/patches.geojson', 'utf8'))
).features;
/** What a visitor may see: published, and an informal support only with consent to be shown. */
const visible = demoAssets.filter(isVisibleToVisitors);
const NOW = new Date('2026-11-25T23:30:00Z'); // 23:30 GMT is still 25 November in London

let db: Db;
beforeAll(async () => {
	db = openDatabase(':memory:').db;
	await loadDemoBorough(db);
});

function download(format: ExportFormat, query = '') {
	const result = buildAssetExport(db, format, {
		params: new URLSearchParams(query),
		origin: 'https://patchwork.example',
		now: NOW
	});
	if (!result.ok) throw new Error(`${result.status} ${result.message}`);
	return result;
}

type Collection = {
	type: string;
	licence: { name: string; url: string };
	exported_on: string;
	attribution: string;
	features: {
		id: number;
		geometry: { type: string; coordinates: number[] } | null;
		properties: Record<string, unknown>;
	}[];
};

describe('CSV export', () => {
	it('has every asset a visitor may see, a header row, and the licence and date on every row', () => {
		const { body, headers } = download('csv');
		expect(body.startsWith('\uFEFFid,name,')).toBe(true);
		const table = parseCsv(body);
		expect(table.header).toEqual([...EXPORT_COLUMNS]);
		expect(table.rows.map((row) => row.values.name).sort()).toEqual(
			visible.map((a) => a.name).sort()
		);
		for (const { values } of table.rows) {
			expect(values.licence).toContain('Open Government Licence v3.0');
			expect(values.exported_on).toBe('2026-11-25');
			expect(values.page_url).toBe(`https://patchwork.example/assets/${values.id}`);
		}
		expect(headers['Content-Type']).toBe('text/csv; charset=utf-8; header=present');
		expect(headers['Content-Disposition']).toBe(
			'attachment; filename="fennick-vale-assets-2026-11-25.csv"'
		);
		expect(headers.Link).toContain('rel="license"');
	});

	it('keeps coordinates as plain numbers, negative longitudes included', () => {
		const rows = parseCsv(download('csv').body).rows.filter((row) => row.values.longitude);
		expect(rows.length).toBe(visible.filter((a) => a.point).length);
		for (const { values } of rows) expect(Number(values.longitude)).toBeLessThan(0);
	});

	it('exports one patch: only the assets inside it', () => {
		const patch = demoPatches.find((p) => p.properties.status === 'active')!;
		const { body, headers } = download('csv', `patch=${patch.properties.slug}`);
		const rows = parseCsv(body).rows;
		const inside = visible.filter((a) => a.point && pointInArea(a.point, patch.geometry));
		expect(rows.length).toBe(inside.length);
		expect(rows.length).toBeGreaterThan(0);
		for (const { values } of rows) {
			expect(pointInArea([Number(values.longitude), Number(values.latitude)], patch.geometry)).toBe(
				true
			);
		}
		expect(headers['Content-Disposition']).toContain(
			`fennick-vale-${patch.properties.slug}-assets-`
		);
	});

	it('refuses an unknown or malformed patch', () => {
		const params = (query: string) => ({ params: new URLSearchParams(query), origin: 'https://x' });
		expect(buildAssetExport(db, 'csv', params('patch=nowhere'))).toMatchObject({
			ok: false,
			status: 404
		});
		expect(buildAssetExport(db, 'geojson', params('patch=../etc'))).toMatchObject({
			ok: false,
			status: 400
		});
	});
});

describe('GeoJSON export', () => {
	it('is a FeatureCollection of the same assets, with licence and date at the top', () => {
		const { body, headers } = download('geojson');
		const collection = JSON.parse(body) as Collection;
		expect(collection).toMatchObject({
			type: 'FeatureCollection',
			licence: { name: 'Open Government Licence v3.0' },
			exported_on: '2026-11-25'
		});
		expect(collection.attribution).toContain('Fennick Vale');
		expect(collection.features.length).toBe(visible.length);
		const located = collection.features.filter((f) => f.geometry);
		expect(located.length).toBe(visible.filter((a) => a.point).length);
		for (const feature of located) {
			const [lon, lat] = feature.geometry!.coordinates;
			expect(feature.geometry!.type).toBe('Point');
			expect(lon).toBeGreaterThan(-6);
			expect(lat).toBeGreaterThan(49);
		}
		expect(headers['Content-Type']).toBe('application/geo+json; charset=utf-8');
	});
});

describe('privacy and formula injection', () => {
	it('never exports a contact, name or description a visitor may not see', () => {
		const everything = download('csv').body + download('geojson').body;
		const hidden = hiddenFromVisitors(demoAssets);
		expect(hidden.contactValues.length).toBeGreaterThan(100);
		for (const value of hidden.contactValues) expect(everything).not.toContain(value);
		for (const asset of demoAssets.filter((a) => !isVisibleToVisitors(a))) {
			expect(everything).not.toContain(`"${asset.name}"`);
			expect(everything).not.toContain(`,${asset.name},`);
		}
		for (const text of hidden.descriptions) expect(everything).not.toContain(text);
	});

	it('neutralises CSV cells that a spreadsheet would run as a formula, and only CSV cells', () => {
		const [{ id: programmeId }] = db.select({ id: t.programmes.id }).from(t.programmes).all();
		const [{ id }] = db
			.insert(t.assets)
			.values({
				programmeId,
				kind: 'group',
				name: '=HYPERLINK("http://evil.example","Click")',
				description: '+SUM(A1:A9)',
				locationKind: 'online',
				costDetail: '@cmd',
				address: '-1+1',
				status: 'published'
			})
			.returning({ id: t.assets.id })
			.all();
		db.insert(t.assetCategories).values({ assetId: id, categoryId: 'food' }).run();
		db.insert(t.assetContacts).values({ assetId: id, kind: 'phone', value: '\t=1+1' }).run();

		const row = parseCsv(download('csv').body).rows.find((r) => r.values.id === String(id))!;
		expect(row.values.name).toBe('\'=HYPERLINK("http://evil.example","Click")');
		expect(row.values.description).toBe("'+SUM(A1:A9)");
		expect(row.values.cost_detail).toBe("'@cmd");
		expect(row.values.address).toBe("'-1+1");
		expect(row.values.phone).toBe("'\t=1+1");
		const feature = (JSON.parse(download('geojson').body) as Collection).features.find(
			(f) => f.id === id
		)!;
		// No spreadsheet reads GeoJSON: its text is exactly as stored (issue 14, finding 10).
		expect(feature.properties).toMatchObject({
			name: '=HYPERLINK("http://evil.example","Click")',
			description: '+SUM(A1:A9)',
			cost_detail: '@cmd',
			address: '-1+1',
			phone: ['\t=1+1']
		});
		expect(feature.geometry).toBeNull();
	});
});
