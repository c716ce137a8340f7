import { describe, expect, it } from 'vitest';
import { ImportError } from '../../import/errors';
import { readCsvAssets } from './csv';

const read = (text: string, mapping = {}) =>
	readCsvAssets(text, { rules: [], ...mapping }, 'f.csv');

describe('readCsvAssets', () => {
	it('places rows by latitude and longitude, easting and northing, or postcode', () => {
		const { outcomes, notes } = read('Name,Lat,Lon,Postcode\nA,53.4,-2.3,\nB,,,m1 1aa\n');
		expect(outcomes.map((o) => o.ok && o.candidate.where)).toEqual([
			{ point: [-2.3, 53.4] },
			{ postcode: 'M1 1AA', orElse: 'reject' }
		]);
		expect(notes[1]).toBe(
			'Places from the latitude and longitude columns ("Lat", "Lon"), or the postcode where they are blank.'
		);
		const grid = read('name,easting,northing\nA,383000,398000\n');
		expect(grid.outcomes[0].ok && grid.outcomes[0].candidate.where).toEqual({
			point: [-2.2576154, 53.4784467]
		});
	});

	it('uses the mapping for columns, kinds and categories', () => {
		const { outcomes } = read('Title,Y,X,Type\nA,53.4,-2.3,club\n', {
			name: 'Title',
			latitude: 'Y',
			longitude: 'X',
			rules: [{ when: { Type: 'club' }, kind: 'group', categories: ['clubs'] }]
		});
		expect(outcomes[0].ok && outcomes[0].candidate).toMatchObject({
			input: { name: 'A', kind: 'group' },
			categories: ['clubs']
		});
	});

	it.each([
		['', 'f.csv is empty.'],
		['name\n', 'f.csv has a header row but no rows of assets.'],
		['heading,x\nA,1\n', 'f.csv has no name column'],
		['name,Name\nA,B\n', 'the header has "Name" twice (columns 1 and 2)'],
		['name,"lat\nA,1\n', 'a quoted field that starts on line 1 is never closed'],
		['name,lat,lon\nA,1,2\n', null]
	])('checks the table: %j', (text, message) => {
		if (message === null) {
			expect(read(text).outcomes).toHaveLength(1);
			return;
		}
		expect(() => read(text)).toThrow(ImportError);
		expect(() => read(text)).toThrow(message);
	});

	it('refuses a mapping column the file does not have', () => {
		expect(() => read('name,lat\nA,1\n', { latitude: 'Breite' })).toThrow(
			'the mapping names the latitude column "Breite", but the file has no such column'
		);
	});

	it('reads a column called __proto__ as a column, and cuts an overlong description with a warning', () => {
		const long = 'x'.repeat(25_000);
		const { outcomes } = read(`name,__proto__,lat,lon,description\nA,B,53.4,-2.3,${long}\n`, {
			address: '__proto__'
		});
		expect(outcomes[0].ok && outcomes[0].candidate.input).toMatchObject({
			name: 'A',
			address: 'B'
		});
		expect(outcomes[0].ok && (outcomes[0].candidate.input.description as string).length).toBe(
			20_000
		);
		expect(outcomes[0].ok && outcomes[0].candidate.warnings).toEqual([
			'its description was cut to 20,000 characters'
		]);
	});
});
