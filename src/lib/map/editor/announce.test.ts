import { describe, expect, it } from 'vitest';
import {
	panelSpeaks,
	peoplePhrase,
	resultWithFigures,
	spokenFigures,
	stepWithFigures
} from './announce';

const under = { people: 6907, band: 'under' as const, problem: null };

describe('which live region says an estimate', () => {
	it('the panel says a change made on the map, never the page’s first estimate or a tool’s step', () => {
		expect(panelSpeaks('map')).toBe(true);
		expect(panelSpeaks('first')).toBe(false);
		expect(panelSpeaks('tools')).toBe(false);
	});
});

describe('the figures a tool says', () => {
	it('takes the people by the estimate’s method, rounded, with its band and first problem', () => {
		const estimate = {
			population: 6906.6,
			band: 'under' as const,
			problems: [{ message: 'The boundary crosses itself at 1 point' }, { message: 'Other' }]
		};
		expect(spokenFigures(estimate)).toEqual({
			people: 6907,
			band: 'under',
			problem: 'The boundary crosses itself at 1 point'
		});
		expect(spokenFigures({ ...estimate, problems: [] })?.problem).toBeNull();
		expect(spokenFigures(null)).toBeNull();
	});

	it('says people and band in words, with thousands marked and one person', () => {
		expect(peoplePhrase(under)).toBe('about 6,907 people (Under)');
		expect(peoplePhrase({ people: 1, band: 'under', problem: null })).toBe(
			'about 1 person (Under)'
		);
		expect(peoplePhrase({ people: 16_505, band: 'over', problem: null })).toBe(
			'about 16,505 people (Over the limit)'
		);
	});
});

describe('a step said once, with its figures', () => {
	const moved =
		'Corner 8 of 37 moved 100 metres west, 200 metres from where it was. Enter keeps the change, Escape puts it back.';

	it('puts the figures after what the step did and before what to do next', () => {
		expect(stepWithFigures(moved, under)).toBe(
			'Corner 8 of 37 moved 100 metres west, 200 metres from where it was. About 6,907 people (Under). Enter keeps the change, Escape puts it back.'
		);
		expect(stepWithFigures('Corner 8 put back. Corner 8 of 37 selected.', under)).toBe(
			'Corner 8 put back. About 6,907 people (Under). Corner 8 of 37 selected.'
		);
	});

	it('does not take the full stop of a number for the end of a sentence', () => {
		expect(stepWithFigures('Corner 2 of 4 moved 1,000 metres north. Enter keeps it.', under)).toBe(
			'Corner 2 of 4 moved 1,000 metres north. About 6,907 people (Under). Enter keeps it.'
		);
	});

	it('adds the first problem as a sentence of its own', () => {
		const crossing = { ...under, problem: 'The boundary crosses itself at 1 point' };
		expect(stepWithFigures(moved, crossing)).toContain(
			'from where it was. About 6,907 people (Under). The boundary crosses itself at 1 point. Enter keeps'
		);
		expect(resultWithFigures('Change to corner 8 kept.', crossing)).toBe(
			'Change to corner 8 kept: about 6,907 people (Under). The boundary crosses itself at 1 point.'
		);
	});

	it('says the step alone when the shape could not be estimated', () => {
		expect(stepWithFigures(moved, null)).toBe(moved);
		expect(resultWithFigures('Change to corner 8 kept.', null)).toBe('Change to corner 8 kept.');
	});
});
