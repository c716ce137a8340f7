import { describe, expect, it } from 'vitest';
import { parseWhatIfForm } from './what-if-form';

const form = (entries: [string, string][]) => {
	const data = new FormData();
	for (const [key, value] of entries) data.append(key, value);
	return data;
};
const CATEGORIES = ['food', 'youth'];

describe('parseWhatIfForm', () => {
	it('reads a postcode, categories and a weekly session', () => {
		const parsed = parseWhatIfForm(
			form([
				['postcode', 'fv1 0lw'],
				['categories', 'food'],
				['weekday', '2'],
				['frequency', 'weekly'],
				['start', '18:00'],
				['end', '20:00']
			]),
			CATEGORIES
		);
		expect(parsed).toEqual({
			ok: true,
			request: {
				postcode: 'FV1 0LW',
				point: null,
				categoryIds: ['food'],
				sessions: [expect.objectContaining({ frequency: 'weekly', weekday: 2, startTime: '18:00' })]
			}
		});
	});

	it('reads a point, and a fortnightly session on the right weekday', () => {
		const parsed = parseWhatIfForm(
			form([
				['lon', '-2.31'],
				['lat', '53.42'],
				['categories', 'youth'],
				['weekday', '5'],
				['frequency', 'fortnightly'],
				['start', '10:00'],
				['end', '11:00']
			]),
			CATEGORIES
		);
		expect(parsed.ok && parsed.request.point).toEqual([-2.31, 53.42]);
		expect(parsed.ok && parsed.request.sessions[0]).toMatchObject({
			frequency: 'fortnightly',
			weekday: 5
		});
	});

	it('names every missing or wrong field', () => {
		expect(parseWhatIfForm(form([]), CATEGORIES)).toEqual({
			ok: false,
			errors: {
				where: 'Enter a postcode, or a longitude and latitude',
				categories: 'Choose at least one category'
			}
		});
		const bad = parseWhatIfForm(
			form([
				['postcode', '=cmd|calc'],
				['categories', 'nope'],
				['weekday', '3'],
				['start', '20:00'],
				['end', '19:00']
			]),
			CATEGORIES
		);
		expect(bad.ok).toBe(false);
		expect(!bad.ok && Object.keys(bad.errors).sort()).toEqual(['categories', 'session', 'where']);
		const far = parseWhatIfForm(
			form([
				['lon', '300'],
				['lat', '53'],
				['categories', 'food']
			]),
			CATEGORIES
		);
		expect(!far.ok && far.errors.where).toMatch(/longitude/);
	});
});
