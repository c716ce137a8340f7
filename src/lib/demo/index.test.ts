import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_FILES } from '../domain/schemas/demo-borough';
import { generateDemoBorough } from './index';
import { generatedDemo } from './test-fixture';

const keys = Object.keys(DEMO_FILES) as (keyof typeof DEMO_FILES)[];

describe('generateDemoBorough', () => {
	it('gives byte-identical files when run twice', () => {
		const first = generateDemoBorough();
		const second = generateDemoBorough();
		for (const key of keys) expect(second[key], DEMO_FILES[key]).toBe(first[key]);
	});

	it('matches the committed files in data/demo (run `npm run generate:demo` after changing the generator)', () => {
		const files = generatedDemo().files;
		for (const key of keys) {
			const committed = readFileSync(
				new URL(`../../../data/demo/${DEMO_FILES[key]}`, import.meta.url),
				'utf8'
			);
			expect(committed === files[key], `data/demo/${DEMO_FILES[key]} is out of date`).toBe(true);
		}
	});

	it('gives a different borough for a different seed', () => {
		expect(generateDemoBorough(7).smallAreas).not.toBe(generatedDemo().files.smallAreas);
	});

	it('writes every file well under 2 MB, ending in a newline', () => {
		for (const key of keys) {
			const text = generatedDemo().files[key];
			expect(Buffer.byteLength(text), DEMO_FILES[key]).toBeLessThan(1_000_000);
			expect(text.endsWith('\n')).toBe(true);
		}
	});

	it('rounds every coordinate to 6 decimals', () => {
		const { files } = generatedDemo();
		const decimals = [files.smallAreas, files.patches, files.programme, files.assets]
			.join('')
			.match(/-?\d+\.\d+/g)
			?.map((n) => n.split('.')[1].length);
		expect(Math.max(...(decimals ?? [99]))).toBeLessThanOrEqual(6);
	});

	it('parses every file with its schema', () => {
		// generatedDemo() parses each file with its zod schema and throws on the first mistake.
		const demo = generatedDemo();
		expect(demo.smallAreas.features.length).toBeGreaterThan(0);
		expect(demo.postcodes.length).toBeGreaterThan(0);
	});
});

describe('the programme', () => {
	it('is clearly labelled fictional', () => {
		const { programme } = generatedDemo();
		expect(programme.isFictional).toBe(true);
		expect(programme.name).toContain('fictional');
		expect(programme.description).toMatch(/not a real place/);
	});

	it('uses the design limits from the seed documents', () => {
		expect(generatedDemo().programme.limits).toEqual({
			smallMin: 8000,
			usualMin: 10000,
			usualMax: 12000,
			max: 15000
		});
	});

	it('sits on land in north-east Wales, 8 to 15 km across', () => {
		const ring = generatedDemo().programme.boundary.coordinates[0] as number[][];
		const lons = ring.map((p) => p[0]);
		const lats = ring.map((p) => p[1]);
		const widthKm =
			(Math.max(...lons) - Math.min(...lons)) * 111.32 * Math.cos((53.05 * Math.PI) / 180);
		const heightKm = (Math.max(...lats) - Math.min(...lats)) * 111.2;
		expect(Math.min(...lons)).toBeGreaterThan(-3.2);
		expect(Math.max(...lons)).toBeLessThan(-2.7);
		expect(Math.min(...lats)).toBeGreaterThan(52.9);
		expect(Math.max(...lats)).toBeLessThan(53.2);
		for (const km of [widthKm, heightKm]) {
			expect(km).toBeGreaterThan(8);
			expect(km).toBeLessThan(15);
		}
	});
});
