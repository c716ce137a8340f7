import { describe, expect, it } from 'vitest';
import { patchSummary, populationSummary, smallAreaSummary } from './summary';

describe('import summaries', () => {
	it('say what a dry run would do, and what an import did', () => {
		const result = {
			dryRun: true,
			source: 'oa.geojson',
			crsNote: 'Coordinates look like WGS84 longitude and latitude (no crs given).',
			codeNote: 'Codes from the "OA21CD" property, as chosen.',
			kindNote: '1 small area: Output Areas, from their codes.',
			kind: 'OA' as const,
			total: 1,
			created: 1,
			updated: 0,
			storedNotInFile: 1,
			warnings: []
		};
		expect(smallAreaSummary(result)).toEqual({
			title: 'Checked oa.geojson: 1 small area can be imported (nothing has been saved yet)',
			lines: [
				result.crsNote,
				result.codeNote,
				result.kindNote,
				'1 small area would be added and 0 updated (matched by code).',
				'1 small area already stored is not in this file and would be left as it was.'
			],
			warnings: []
		});
		expect(smallAreaSummary({ ...result, dryRun: false }).lines.slice(3)).toEqual([
			'1 small area was added and 0 updated (matched by code).',
			'1 small area already stored is not in this file and was left as it was.'
		]);
	});

	it('list patches added, updated and left alone', () => {
		const summary = patchSummary({
			dryRun: false,
			source: 'wards.geojson',
			programme: 'Trafford',
			crsNote: 'c',
			nameNote: 'n',
			created: ['Hale', 'Bowdon'],
			updated: ['Sale Moor'],
			storedNotInFile: ['Urmston'],
			warnings: []
		});
		expect(summary.title).toBe('Imported 3 patches from wards.geojson');
		expect(summary.lines.slice(2)).toEqual([
			'2 new patches were added: Hale, Bowdon.',
			'1 patch was updated (matched by name): Sale Moor.',
			'1 patch of Trafford is not in this file and was left as it was: Urmston.'
		]);
	});

	it('say whether a population set becomes the default', () => {
		const base = {
			dryRun: false,
			source: 'p.csv',
			shapeNote: 'shape',
			programme: 'Trafford',
			set: { id: 1, name: 'Mid-2022', referenceDate: '2022-06-30', source: null },
			nameNote: null,
			dateNote: null,
			replaced: false,
			join: {
				matched: 2,
				matchedPeople: 700,
				boundaryOnly: [],
				populationOnly: [],
				duplicates: [],
				kinds: ['OA' as const]
			},
			warnings: []
		};
		expect(populationSummary({ ...base, defaultReason: 'asked' }).lines.at(-1)).toBe(
			"It is now the programme's default population set, as asked."
		);
		expect(populationSummary({ ...base, dryRun: true, defaultReason: 'first' }).lines.at(-1)).toBe(
			"It would become the programme's default population set, as it has no other."
		);
	});
});
