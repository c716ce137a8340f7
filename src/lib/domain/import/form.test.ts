import { describe, expect, it } from 'vitest';
import { parseImportForm, uploadedFileName } from './form';

describe('parseImportForm', () => {
	it('needs a kind of import', () => {
		expect(parseImportForm({})).toEqual({
			ok: false,
			errors: { kind: 'Choose what you are importing' }
		});
	});

	it('reads population options, ignoring the other kinds', () => {
		expect(
			parseImportForm({
				kind: 'population',
				setName: ' Mid-2022 ',
				referenceDate: '30 6 2022',
				makeDefault: 'yes',
				areaKind: 'nonsense'
			})
		).toEqual({
			ok: true,
			request: {
				kind: 'population',
				options: { name: 'Mid-2022', referenceDate: '2022-06-30', makeDefault: true, strict: false }
			}
		});
	});

	it('keys each message by the field it belongs beside', () => {
		expect(parseImportForm({ kind: 'population', referenceDate: '32 1 2022' })).toEqual({
			ok: false,
			errors: {
				referenceDate: 'Enter the reference date as a real date, like 30 6 2022 or 2022-06-30'
			}
		});
		expect(parseImportForm({ kind: 'small-areas', areaKind: 'MSOA' })).toEqual({
			ok: false,
			errors: { areaKind: 'Choose Output Areas (OA) or LSOAs (LSOA)' }
		});
	});
});

describe('uploadedFileName', () => {
	it('keeps only a clean base name', () => {
		expect(uploadedFileName('C:\\fakepath\\oa.geojson')).toBe('oa.geojson');
		expect(uploadedFileName('../../etc/passwd\u0007')).toBe('passwd');
		expect(uploadedFileName('')).toBe('the file');
	});
});
