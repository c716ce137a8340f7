import { describe, expect, it } from 'vitest';
import { parseAssetDraft, type AssetDraftInput } from './asset-draft';

const base: AssetDraftInput = {
	source: 'openreferral:test',
	externalId: 'svc-1',
	kind: 'group',
	name: '  Knit and natter ',
	locationKind: 'place',
	point: { lon: -2.3, lat: 53.4 },
	postcode: 'm33 7xx',
	categories: ['crafts', 'crafts'],
	languages: ['EN', 'en'],
	sessions: [{ frequency: 'weekly', weekday: 2, startTime: '10:00', endTime: '12:00' }]
};

describe('parseAssetDraft', () => {
	it('fills defaults, trims, normalises the postcode and dedupes lists', () => {
		const result = parseAssetDraft(base);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.draft).toMatchObject({
			name: 'Knit and natter',
			postcode: 'M33 7XX',
			status: 'draft',
			sector: null,
			categories: ['crafts'],
			languages: ['en'],
			contacts: [],
			description: ''
		});
		expect(result.draft.sessions[0]).toEqual({
			frequency: 'weekly',
			weekday: 2,
			weekOfMonth: null,
			anchorDate: null,
			startTime: '10:00',
			endTime: '12:00',
			note: null
		});
	});

	it('names each field that is wrong', () => {
		const result = parseAssetDraft({
			...base,
			name: '   ',
			kind: 'service',
			point: null,
			postcode: 'not a postcode',
			categories: [],
			sessions: [{ frequency: 'monthly', weekday: 2, startTime: '12:00', endTime: '10:00' }]
		});
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.reasons).toEqual(
			expect.arrayContaining([
				'name: must not be empty',
				'postcode: "not a postcode" is not a UK postcode',
				'categories: must have at least one category',
				'sessions.0.endTime: End time must be after the start time',
				'sessions.0.weekOfMonth: Choose which week of the month'
			])
		);
	});

	it('checks sector against kind and point against location kind', () => {
		const result = parseAssetDraft({ ...base, kind: 'service', locationKind: 'online' });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.reasons).toEqual([
			'sector: a service needs a sector',
			'point: only an asset at a place has a point'
		]);
	});
});
