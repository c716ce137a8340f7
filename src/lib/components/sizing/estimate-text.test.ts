import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '$lib/domain/bands';
import {
	announcement,
	describeProblem,
	otherMethodLine,
	populationLine,
	populationLineParts
} from './estimate-text';

const figures = {
	areal: 10_936.4,
	centroid: 10_890,
	method: 'areal' as const,
	band: 'usual' as const
};

describe('estimate text', () => {
	it('states the population, the method and the figures used, and the usual size', () => {
		expect(populationLine(figures, 'Mid-2022', DEFAULT_LIMITS)).toBe(
			'Population: about 10,936 (areal weighting, Mid-2022 population set). Usual size: 10,000 to 12,000'
		);
		expect(otherMethodLine(figures)).toBe(
			'Counting whole small areas by their centre point: 10,890'
		);
	});

	it('uses the centroid figure when that is the method', () => {
		const centroid = { ...figures, method: 'centroid' as const };
		expect(populationLine(centroid, 'Census 2021', DEFAULT_LIMITS)).toMatch(
			/^Population: about 10,890 \(whole small areas by their centre point, Census 2021/
		);
		expect(otherMethodLine(centroid)).toBe('By areal weighting: 10,936');
	});

	it('says the same in Welsh, with the population set’s name apart so a page can mark it', () => {
		expect(populationLine(figures, 'Mid-2022', DEFAULT_LIMITS, 'cy')).toBe(
			'Poblogaeth: tua 10,936 (pwysoli yn ôl arwynebedd, y set poblogaeth Mid-2022). Maint arferol: 10,000 i 12,000'
		);
		expect(populationLineParts(figures, 'Mid-2022', DEFAULT_LIMITS, 'cy')).toEqual({
			before: 'Poblogaeth: tua 10,936 (pwysoli yn ôl arwynebedd, y set poblogaeth ',
			setName: 'Mid-2022',
			after: '). Maint arferol: 10,000 i 12,000'
		});
		expect(otherMethodLine(figures, 'cy')).toBe(
			'O gyfrif ardaloedd bach cyfan yn ôl eu pwynt canol: 10,890'
		);
		const centroid = { ...figures, method: 'centroid' as const };
		expect(populationLine(centroid, 'Cyfrifiad 2021', DEFAULT_LIMITS, 'cy')).toMatch(
			/^Poblogaeth: tua 10,890 \(ardaloedd bach cyfan yn ôl eu pwynt canol, /
		);
		expect(otherMethodLine(centroid, 'cy')).toBe('Drwy bwysoli yn ôl arwynebedd: 10,936');
	});

	it('keeps a set name with a dollar sign as it is', () => {
		expect(populationLine(figures, 'Set $1 $&', DEFAULT_LIMITS)).toContain(
			'Set $1 $& population set'
		);
	});

	it('announces the number, band and what to do in one sentence', () => {
		expect(
			announcement(
				{ areal: 16_504.6, centroid: 16_400, method: 'areal', band: 'over' },
				'Remove about 1,510 people to be under 15,000'
			)
		).toBe('About 16,505 people. Over the limit. Remove about 1,510 people to be under 15,000.');
	});

	it('says where a problem is, latitude first, listing at most three places', () => {
		expect(
			describeProblem({
				message: 'The boundary crosses itself at 1 point',
				at: [[-2.944491, 53.0945351]]
			})
		).toBe('The boundary crosses itself at 1 point: near 53.09454, -2.94449');
		const many = describeProblem({
			message: 'The boundary crosses itself at 5 points',
			at: [
				[0, 0],
				[1, 1],
				[2, 2],
				[3, 3],
				[4, 4]
			]
		});
		expect(many).toMatch(/; 2\.00000, 2\.00000 and 2 more$/);
		expect(describeProblem({ message: 'Too many corners', at: [] })).toBe('Too many corners');
	});
});
