/**
 * A fixed-seed fuzz of the import formats (CSV, GeoJSON, Open Referral JSON, OpenStreetMap): every
 * generated file, hostile or broken, is refused with a message or imported (as a dry run), never a
 * crash. See fuzz.test.ts for the forms and query strings.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../src/lib/server/db/client';
import { createTestDb } from '../../src/lib/server/auth/test-db';
import { runAssetImport } from '../../src/lib/server/exchange/import/run';
import type { AssetImportFormat } from '../../src/lib/domain/exchange/import/kinds';
import { hostileRecord, value, type Random } from './fuzz-inputs';
import { INPUTS, SEED, fuzz } from './fuzz-run';

vi.setConfig({ testTimeout: Math.max(60_000, INPUTS * 200) });

/** Import files: a few records of hostile properties, sometimes broken on purpose. */
const IMPORT_FIELDS = [
	'id',
	'name',
	'description',
	'latitude',
	'longitude',
	'postcode',
	'website'
].concat([
	'phone',
	'email',
	'address',
	'category',
	'kind',
	'lat',
	'lon',
	'easting',
	'northing',
	'status'
]);

function importFile(random: Random, format: AssetImportFormat): string {
	const records = Array.from({ length: 1 + Math.floor(random() * 4) }, () =>
		hostileRecord(random, IMPORT_FIELDS)
	);
	const point = () =>
		random() < 0.7
			? [-2.3 + random() * 0.2, 53.4 + random() * 0.2]
			: [value(random), random() * 1e6 - 5e5];
	let text: string;
	if (format === 'csv') {
		const header = IMPORT_FIELDS.filter(() => random() < 0.7).concat(
			random() < 0.3 ? ['__proto__', 'constructor'] : []
		);
		const cell = (v: unknown) => {
			const s = typeof v === 'string' ? v : JSON.stringify(v ?? '');
			return random() < 0.9 ? `"${s.replace(/"/g, '""')}"` : s;
		};
		text = [header.join(','), ...records.map((r) => header.map((h) => cell(r[h])).join(','))].join(
			random() < 0.5 ? '\n' : '\r\n'
		);
	} else if (format === 'geojson' || format === 'osm') {
		text = JSON.stringify({
			type: 'FeatureCollection',
			features: records.map((properties) => ({
				type: 'Feature',
				id: random() < 0.5 ? `node/${Math.floor(random() * 1e6)}` : value(random),
				properties:
					format === 'osm'
						? { ...properties, amenity: value(random), leisure: 'park', tags: properties }
						: properties,
				geometry:
					random() < 0.85
						? { type: 'Point', coordinates: point() }
						: random() < 0.5
							? null
							: { type: value(random), coordinates: [[point(), point(), point()]] }
			}))
		});
	} else {
		const services = records.map((r) => ({
			...r,
			id: r.id ?? value(random),
			name: r.name,
			phones: [{ number: value(random) }],
			contacts: [{ name: value(random), phones: [{ number: value(random) }] }],
			service_at_locations: [
				{ location: { latitude: point()[1], longitude: point()[0], name: value(random) } }
			],
			taxonomy_terms: [{ id: value(random), name: value(random) }],
			schedules: [{ byday: value(random), opens_at: value(random), closes_at: value(random) }]
		}));
		text = JSON.stringify(
			random() < 0.5 ? { contents: services, total_items: services.length } : services
		);
	}
	if (random() < 0.1) text = text.slice(0, Math.floor(random() * text.length));
	return text;
}

describe(`${INPUTS} generated import files per format (seed ${SEED}): refused or imported, never a crash`, () => {
	let importDb: Db;
	beforeAll(() => {
		importDb = createTestDb();
	});
	it.each(['csv', 'geojson', 'openreferral', 'osm'] as const)('%s', async (format) => {
		const problems = await fuzz(`import ${format}`, format.length * 101, (random) => {
			const text = importFile(random, format);
			return {
				input: text,
				run: () =>
					runAssetImport(importDb, {
						bytes: new TextEncoder().encode(text),
						file: `fuzz.${format}`,
						format,
						mapping: null,
						status: 'draft',
						dryRun: true,
						via: 'cli',
						programmeName: 'Fuzz'
					})
			};
		});
		expect(problems).toEqual([]);
	});
});
