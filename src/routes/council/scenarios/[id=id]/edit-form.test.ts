import { describe, expect, it } from 'vitest';
import { mergeSchema, moveSchema, readDrawForm, readForm, readSplitForm } from './edit-form';

const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [key, value] of Object.entries(fields)) data.append(key, value);
	return data;
};

describe('the scenario edit forms', () => {
	it('reads a move and a merge, naming the field of a bad choice', () => {
		expect(readForm(form({ code: ' E00000001 ', to: 'west' }), moveSchema)).toEqual({
			ok: true,
			value: { code: 'E00000001', to: 'west' }
		});
		expect(readForm(form({ code: '', to: 'West Side' }), moveSchema)).toEqual({
			ok: false,
			errors: { code: 'Choose a small area to move', to: 'Choose the patch to move it to' }
		});
		expect(readForm(form({ keep: 'west' }), mergeSchema)).toMatchObject({
			ok: false,
			errors: {
				absorb: 'Choose the patch to merge into it'
			}
		});
	});

	it('reads a split line as GeoJSON, and says what is wrong with a bad one', () => {
		const line = {
			type: 'LineString',
			coordinates: [
				[-2.3, 53.4, 10],
				[-2.3, 53.5]
			]
		};
		expect(
			readSplitForm(form({ slug: 'west', newName: 'West Park', line: JSON.stringify(line) }))
		).toEqual({
			ok: true,
			value: {
				slug: 'west',
				newName: 'West Park',
				line: {
					type: 'LineString',
					coordinates: [
						[-2.3, 53.4],
						[-2.3, 53.5]
					]
				}
			}
		});
		expect(readSplitForm(form({ slug: 'west', newName: '', line: '{"type":' }))).toEqual({
			ok: false,
			errors: {
				newName: 'Give the new patch a name',
				line: 'The line is not valid GeoJSON (JSON could not read it)'
			}
		});
		const outside = {
			type: 'LineString',
			coordinates: [
				[400000, 300000],
				[400100, 300000]
			]
		};
		expect(
			readSplitForm(form({ slug: 'west', newName: 'X', line: JSON.stringify(outside) }))
		).toMatchObject({
			ok: false,
			errors: { line: expect.stringMatching(/^The line must be a GeoJSON LineString/) }
		});
	});

	it('refuses a drawn boundary that crosses itself', () => {
		const bowTie = {
			type: 'Polygon',
			coordinates: [
				[
					[0, 0],
					[1, 1],
					[1, 0],
					[0, 1],
					[0, 0]
				]
			]
		};
		const result = readDrawForm(form({ name: 'Bow', geojson: JSON.stringify(bowTie) }));
		expect(result).toMatchObject({
			ok: false,
			errors: { geojson: expect.stringMatching(/crosses itself/) }
		});
	});
});
