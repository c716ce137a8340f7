import { describe, expect, it } from 'vitest';
import { finderQueryString, parseFinderInputs } from './inputs';
import { finderTerms, holdsTerm, textWords } from './terms';
import { distanceWords, reachMetres, walkingMinutes } from './walking';

describe('parseFinderInputs', () => {
	it('reads every input from a query string', () => {
		const { inputs, notices } = parseFinderInputs(
			new URLSearchParams(
				'cat=gardening&cat=music&q=Polish+allotment&when=tue-morning&when=mon-evening&postcode=fv1+0lw&reach=walk10&access=step_free&age=70&children=1&cost=free&language=pl'
			)
		);
		expect(notices).toEqual([]);
		expect(inputs).toEqual({
			categories: ['gardening', 'music'],
			words: 'Polish allotment',
			slots: [
				{ day: 1, part: 'evening' },
				{ day: 2, part: 'morning' }
			],
			where: { kind: 'postcode', postcode: 'FV1 0LW' },
			reach: { kind: 'walk', minutes: 10 },
			access: ['step_free'],
			age: 70,
			withChildren: true,
			cost: 'free',
			language: 'pl'
		});
		expect(parseFinderInputs(new URLSearchParams(finderQueryString(inputs))).inputs).toEqual(
			inputs
		);
	});

	it('leaves out what it cannot read, with a notice naming the field, and never throws', () => {
		const { inputs, notices } = parseFinderInputs(
			new URLSearchParams('when=funday&postcode=nope&reach=walk99&age=300&access=wings&km=x')
		);
		expect(inputs.slots).toEqual([]);
		expect(inputs.where).toBeNull();
		expect(inputs.reach).toEqual({ kind: 'walk', minutes: 20 });
		expect(notices.map((n) => n.field)).toEqual(['when', 'postcode', 'reach', 'access', 'age']);
		expect(parseFinderInputs(null).inputs.categories).toEqual([]);
	});

	it('reads a point, a patch and a distance; "any time" clears the slots', () => {
		expect(parseFinderInputs({ lon: '-2.9', lat: '53.05' }).inputs.where).toEqual({
			kind: 'point',
			point: [-2.9, 53.05]
		});
		expect(parseFinderInputs({ patch: 'aldermoor' }).inputs.where).toEqual({
			kind: 'patch',
			slug: 'aldermoor'
		});
		expect(parseFinderInputs({ reach: 'km', km: '2.5' }).inputs.reach).toEqual({
			kind: 'distance',
			km: 2.5
		});
		expect(parseFinderInputs({ when: 'tue-morning', anytime: '1' }).inputs.slots).toEqual([]);
	});
});

describe('walking estimates', () => {
	it('is straight line × 1.3 at 4.8 km/h', () => {
		expect(walkingMinutes(600)).toBe(10);
		expect(walkingMinutes(0)).toBe(1);
		expect(reachMetres({ kind: 'walk', minutes: 10 })).toBe(615);
		expect(reachMetres({ kind: 'distance', km: 2 })).toBe(2000);
		expect(distanceWords(600)).toBe('600 metres, about 10 minutes’ walk');
		expect(distanceWords(30)).toBe('30 metres, about 1 minute’s walk');
		expect(distanceWords(5000)).toBe('5 km');
	});
});

describe('finderTerms', () => {
	it('drops little words and repeats', () => {
		expect(finderTerms('Talk to other dads, talk!')).toEqual(['talk', 'dads']);
		expect(finderTerms('')).toEqual([]);
	});
});

describe('matching words as the full-text index does', () => {
	it('ignores case and accents, and matches from three letters as a prefix', () => {
		const words = textWords('Gŵyl y Café: ALLOTMENT society, to go');
		expect(words).toEqual(['gwyl', 'y', 'cafe', 'allotment', 'society', 'to', 'go']);
		expect(holdsTerm(words, 'allot')).toBe(true);
		expect(holdsTerm(words, 'cafe')).toBe(true);
		expect(holdsTerm(words, 'gw')).toBe(false);
		expect(holdsTerm(words, 'go')).toBe(true);
		expect(finderTerms('Café GŴYL')).toEqual(['cafe', 'gwyl']);
	});
});
