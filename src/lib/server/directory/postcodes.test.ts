import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/client';
import { lookupPostcode } from '../queries/directory';
import { PostcodeImportError, importPostcodeCsv, splitCsvLine } from './postcodes';

const dir = mkdtempSync(join(tmpdir(), 'patchwork-postcodes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
	const path = join(dir, name);
	writeFileSync(path, text);
	return path;
}

/** A few rows in the real ONSPD layout (columns trimmed; every field quoted, as ONS writes them). */
const ONSPD = [
	'\uFEFF"pcd","pcd2","pcds","dointr","doterm","oscty","ced","oslaua","osward","usertype","oseast1m","osnrth1m","osgrdind","lat","long"',
	'"AB1 0AA","AB1  0AA","AB1 0AA","198001","199606","S99999999","S99999999","S12000033","S13002843","0","385386","0801193","1","57.101474","-2.242851"',
	'"M32 0TH","M32  0TH","M32 0TH","198001","","E99999999","E99999999","E08000009","E05000826","0","378411","0395017","1","53.455704","-2.329961"',
	'"ZZ99 3VZ","ZZ99 3VZ","ZZ99 3VZ","198001","","","","","","0","","","9","99.999999","0.000000"',
	'"CF10 1AA","CF10 1AA","CF10 1AA","198001","","W99999999","W99999999","W06000015","W05001016","1","318380","0176288","1","51.478930","-3.176960"',
	'"NOT A CODE","","NOT A CODE","","","","","","","","","","","51.0","-1.0"',
	'"M1 1AE","M1  1AE","M1 1AE","198001","","","","","","0","","","1","","-2.237"',
	''
].join('\r\n');

let db: Db;
beforeEach(() => {
	db = openDatabase(':memory:').db;
});

describe('importPostcodeCsv', () => {
	it('imports pcds, lat and long, skipping and counting rows with no grid reference', () => {
		const summary = importPostcodeCsv(db, file('onspd.csv', ONSPD));
		expect(summary).toMatchObject({
			rows: 6,
			imported: 3,
			added: 3,
			replaced: 0,
			noGridReference: 1,
			invalid: 2
		});
		expect(summary.examples).toEqual([
			'line 6: "NOT A CODE" is not a postcode',
			'line 7: M1 1AE has no usable lat and long'
		]);
		expect(lookupPostcode(db, 'm320th')).toEqual({
			postcode: 'M32 0TH',
			lat: 53.455704,
			lon: -2.329961
		});
		expect(lookupPostcode(db, 'ZZ99 3VZ')).toBeNull();
	});

	it('replaces a postcode already stored, and says how many were new', () => {
		importPostcodeCsv(db, file('first.csv', ONSPD));
		const moved = file('moved.csv', 'pcds,lat,long\nM32 0TH,53.5,-2.3\nW1A 0AX,51.518,-0.143\n');
		expect(importPostcodeCsv(db, moved)).toMatchObject({ imported: 2, added: 1, replaced: 1 });
		expect(lookupPostcode(db, 'M32 0TH')).toMatchObject({ lat: 53.5, lon: -2.3 });
	});

	it('reads a file bigger than one chunk, with progress reaching the end', () => {
		const lines = ['pcds,lat,long'];
		for (let i = 0; i < 60_000; i++)
			lines.push(
				`QA${1 + (i % 99)} ${i % 10}${'ABDEFGHJLN'[Math.floor(i / 10) % 10]}${'PQRSTUWXYZ'[Math.floor(i / 100) % 10]},52.${i},-1.5`
			);
		const seen: number[] = [];
		const summary = importPostcodeCsv(db, file('big.csv', lines.join('\n')), {
			onProgress: (read, total) => seen.push(read / total)
		});
		expect(summary.rows).toBe(60_000);
		expect(summary.imported + summary.invalid).toBe(60_000);
		expect(seen.length).toBeGreaterThan(1);
		expect(seen.at(-1)).toBe(1);
	});

	it('writes nothing when the import fails part of the way through', () => {
		const lines = [
			'pcds,lat,long',
			...Array.from({ length: 80_000 }, (_, i) => `QB${i % 99} 1AA,52,-1`)
		];
		const path = file('fails.csv', lines.join('\n'));
		let calls = 0;
		expect(() =>
			importPostcodeCsv(db, path, {
				onProgress: () => {
					if (++calls === 2) throw new Error('disk went away');
				}
			})
		).toThrow('disk went away');
		expect(db.all(sql`SELECT postcode FROM postcodes`)).toEqual([]);
	});

	it('refuses a file without the needed columns, or without rows, saying which', () => {
		expect(() => importPostcodeCsv(db, file('cols.csv', 'postcode,latitude\nM1 1AE,53\n'))).toThrow(
			/no pcds, lat, long column/
		);
		expect(() => importPostcodeCsv(db, file('empty.csv', ''))).toThrow(PostcodeImportError);
		expect(() => importPostcodeCsv(db, file('header.csv', 'pcds,lat,long\n'))).toThrow(
			/no postcodes/
		);
	});
});

describe('splitCsvLine', () => {
	it('handles quotes, doubled quotes and empty fields', () => {
		expect(splitCsvLine('"a,b","say ""hi""",,c')).toEqual(['a,b', 'say "hi"', '', 'c']);
	});
});
