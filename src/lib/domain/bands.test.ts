import { describe, expect, it } from 'vitest';
import {
	BAND_LABELS,
	BANDS,
	DEFAULT_LIMITS,
	bandFor,
	bandLabel,
	describeBand,
	sizingGuidance,
	type DesignLimits
} from './bands';
import { designLimitsSchema } from './design-limits-schema';
import { formatNumber } from './format';

describe('bandFor with the default limits', () => {
	it.each([
		[0, 'under'],
		[7999, 'under'],
		[8000, 'small'],
		[8001, 'small'],
		[9999, 'small'],
		[10000, 'usual'],
		[10001, 'usual'],
		[11999, 'usual'],
		[12000, 'usual'],
		[12001, 'above_usual'],
		[14999, 'above_usual'],
		[15000, 'above_usual'],
		[15001, 'over'],
		[250000, 'over']
	])('%d people are %s', (population, band) => {
		expect(bandFor(population)).toBe(band);
	});

	it.each([
		[7999.4, 'under'],
		[7999.5, 'small'],
		[9999.4, 'small'],
		[9999.5, 'usual'],
		[12000.4, 'usual'],
		[12000.5, 'above_usual'],
		[15000.4, 'above_usual'],
		[15000.5, 'over']
	])('an estimate of %d people rounds to whole people first: %s', (population, band) => {
		expect(bandFor(population)).toBe(band);
	});

	it('always agrees with the population a person sees', () => {
		const edges = [7999, 8000, 9999, 10000, 12000, 12001, 15000, 15001];
		const estimates = edges.flatMap((e) => [e - 0.5, e - 0.49, e, e + 0.49, e + 0.5]);
		for (const estimate of estimates) {
			const shown = Number(formatNumber(estimate).replace(/,/g, ''));
			expect(bandFor(estimate), `${estimate} shown as ${shown}`).toBe(bandFor(shown));
		}
	});

	it('refuses populations that cannot be people', () => {
		expect(() => bandFor(-1)).toThrow(RangeError);
		expect(() => bandFor(Number.NaN)).toThrow(RangeError);
		expect(() => bandFor(Number.POSITIVE_INFINITY)).toThrow(RangeError);
	});
});

describe('bandFor with a programme’s own limits', () => {
	const limits: DesignLimits = { smallMin: 5000, usualMin: 6000, usualMax: 9000, max: 11000 };

	it('moves every edge with the limits', () => {
		expect(
			[4999, 5000, 5999, 6000, 9000, 9001, 11000, 11001].map((p) => bandFor(p, limits))
		).toEqual(['under', 'small', 'small', 'usual', 'usual', 'above_usual', 'above_usual', 'over']);
	});

	it('refuses limits out of order or not whole', () => {
		expect(() => bandFor(9000, { ...limits, usualMin: 5000 })).toThrow(RangeError);
		expect(() => bandFor(9000, { ...limits, max: 9000 })).toThrow(RangeError);
		expect(() => bandFor(9000, { ...limits, smallMin: 0 })).toThrow(RangeError);
		expect(() => bandFor(9000, { ...limits, usualMax: 9000.5 })).toThrow(RangeError);
	});
});

describe('BAND_LABELS and describeBand', () => {
	it('labels every band in plain words', () => {
		expect(BANDS.map((band) => BAND_LABELS[band])).toEqual([
			'Under',
			'Small',
			'Usual',
			'Above usual',
			'Over the limit'
		]);
	});

	it('gives the ranges of the design table', () => {
		expect(BANDS.map((band) => describeBand(band))).toEqual([
			'Under 8,000',
			'8,000 to 9,999',
			'10,000 to 12,000',
			'12,001 to 15,000',
			'Over 15,000'
		]);
	});

	it('names the bands and their ranges in Welsh, English by default', () => {
		expect(BANDS.map((band) => bandLabel(band, 'cy'))).toEqual([
			"Llai na'r lleiafswm",
			'Bach',
			'Arferol',
			"Uwch na'r arfer",
			'Dros y terfyn'
		]);
		expect(BANDS.map((band) => bandLabel(band))).toEqual(BANDS.map((band) => BAND_LABELS[band]));
		expect(BANDS.map((band) => describeBand(band, DEFAULT_LIMITS, 'cy'))).toEqual([
			'O dan 8,000',
			'8,000 i 9,999',
			'10,000 i 12,000',
			'12,001 i 15,000',
			'Dros 15,000'
		]);
	});
});

describe('sizingGuidance', () => {
	it('tells an over-the-limit patch how many to remove', () => {
		expect(sizingGuidance(16505)).toEqual({
			band: 'over',
			action: 'remove',
			people: 1510,
			target: 15000,
			message: 'Remove about 1,510 people to be under 15,000'
		});
	});

	it('never says "remove 0" just over an edge', () => {
		expect(sizingGuidance(15001)).toMatchObject({
			people: 10,
			message: 'Remove about 10 people to be under 15,000'
		});
		expect(sizingGuidance(15000.5).people).toBe(10);
		expect(sizingGuidance(12001)).toMatchObject({ action: 'remove', people: 10 });
		expect(sizingGuidance(9999)).toMatchObject({ action: 'add', people: 10 });
	});

	it('rounds up, so following it reaches the target', () => {
		for (const population of [7701, 8123, 9999, 12001, 13456, 15001, 16999, 40000]) {
			const { action, people, target } = sizingGuidance(population);
			const after = action === 'add' ? population + people : population - people;
			expect(people % 10).toBe(0);
			if (action === 'add') expect(after).toBeGreaterThanOrEqual(target);
			else expect(after).toBeLessThanOrEqual(target);
		}
	});

	it('tells under and small patches how many to add to reach the usual size', () => {
		expect(sizingGuidance(7700)).toEqual({
			band: 'under',
			action: 'add',
			people: 2300,
			target: 10000,
			message: 'Add about 2,300 people to reach 10,000'
		});
		expect(sizingGuidance(0).message).toBe('Add about 10,000 people to reach 10,000');
		expect(sizingGuidance(8000)).toEqual({
			band: 'small',
			action: 'add',
			people: 2000,
			target: 10000,
			message: 'Smaller than usual: add about 2,000 people to reach 10,000'
		});
	});

	it('says a usual patch needs nothing', () => {
		for (const population of [10000, 11000, 12000, 12000.4]) {
			expect(sizingGuidance(population)).toEqual({
				band: 'usual',
				action: 'none',
				people: 0,
				target: Math.round(population),
				message: 'Within the usual size'
			});
		}
	});

	it('says an above-usual patch is within the limit, and how to reach the usual size', () => {
		expect(sizingGuidance(15000)).toEqual({
			band: 'above_usual',
			action: 'remove',
			people: 3000,
			target: 12000,
			message:
				'Within the limit, but above the usual 12,000: remove about 3,000 people to reach the usual size'
		});
	});

	it('uses the programme’s own limits in its words', () => {
		const limits = { smallMin: 5000, usualMin: 6000, usualMax: 9000, max: 11000 };
		expect(sizingGuidance(11_250, limits).message).toBe(
			'Remove about 250 people to be under 11,000'
		);
		expect(sizingGuidance(4_000, limits).message).toBe('Add about 2,000 people to reach 6,000');
	});
});

describe('designLimitsSchema', () => {
	const messages = (input: unknown) => {
		const result = designLimitsSchema.safeParse(input);
		return result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message]);
	};

	it('accepts the defaults, and numbers typed with commas', () => {
		expect(designLimitsSchema.parse(DEFAULT_LIMITS)).toEqual(DEFAULT_LIMITS);
		expect(
			designLimitsSchema.parse({
				smallMin: '8,000',
				usualMin: '10000',
				usualMax: ' 12,000 ',
				max: 15000
			})
		).toEqual(DEFAULT_LIMITS);
	});

	it('needs positive whole numbers', () => {
		expect(messages({ ...DEFAULT_LIMITS, smallMin: 0 })).toEqual([
			['smallMin', 'Enter the smallest size as a number of people above 0, like 8,000']
		]);
		expect(messages({ ...DEFAULT_LIMITS, usualMax: 12000.5 })).toEqual([
			['usualMax', 'Enter where the usual size ends as a whole number of people, like 12,000']
		]);
		expect(messages({ ...DEFAULT_LIMITS, max: '15k' })).toEqual([
			['max', 'Enter the limit as a number of people, like 15,000']
		]);
		expect(messages({ ...DEFAULT_LIMITS, usualMin: undefined })).toEqual([
			['usualMin', 'Enter where the usual size starts as a number of people, like 10,000']
		]);
	});

	it('needs each limit above the one before', () => {
		expect(messages({ ...DEFAULT_LIMITS, usualMin: 8000 })).toEqual([
			['usualMin', 'The usual size must start above the smallest size (8,000)']
		]);
		expect(messages({ ...DEFAULT_LIMITS, usualMax: 10000 })).toEqual([
			['usualMax', 'The usual size must end above where it starts (10,000)']
		]);
		expect(messages({ ...DEFAULT_LIMITS, max: 11000 })).toEqual([
			['max', 'The limit must be above where the usual size ends (12,000)']
		]);
	});

	it('reports every problem at once', () => {
		expect(messages({ smallMin: 10000, usualMin: 10000, usualMax: 1.5, max: -3 })).toEqual([
			['usualMax', 'Enter where the usual size ends as a whole number of people, like 12,000'],
			['max', 'Enter the limit as a number of people above 0, like 15,000'],
			['usualMin', 'The usual size must start above the smallest size (10,000)']
		]);
	});
});
