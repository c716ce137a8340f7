import { describe, expect, it } from 'vitest';
import type { FinderCandidate } from './candidate';
import { emptyInputs, type FinderInputs } from './inputs';
import { rankCandidates, scoreCandidate, type FinderContext } from './score';
import { finderTerms } from './terms';
import { reachMetres } from './walking';

function candidate(id: number, changes: Partial<FinderCandidate> = {}): FinderCandidate {
	return {
		id,
		name: `Entry ${id}`,
		kind: 'group',
		sector: null,
		locationKind: 'place',
		distanceMetres: 300,
		categoryIds: ['gardening'],
		wordsMatched: [],
		sessions: [{ frequency: 'weekly', weekday: 2, startTime: '10:00', endTime: '12:00' }],
		accessibility: ['step_free', 'hearing_loop'],
		ageMin: null,
		ageMax: null,
		familyFriendly: true,
		cost: 'free',
		languages: ['en'],
		stale: false,
		...changes
	};
}

const statutory = (id: number, changes: Partial<FinderCandidate> = {}) =>
	candidate(id, { kind: 'service', sector: 'statutory', ...changes });

function context(changes: Partial<FinderInputs> = {}): FinderContext {
	const inputs = {
		...emptyInputs(),
		categories: ['gardening'],
		slots: [{ day: 2 as const, part: 'morning' as const }],
		access: ['step_free' as const],
		...changes
	};
	return {
		inputs,
		categoryTrees: new Map([
			['gardening', new Set(['gardening', 'allotments'])],
			['music', new Set(['music'])]
		]),
		categoryNames: new Map([
			['gardening', 'Gardening'],
			['music', 'Music']
		]),
		terms: finderTerms(inputs.words),
		reachMetres: reachMetres(inputs.reach)
	};
}

const order = (sections: ReturnType<typeof rankCandidates>) =>
	sections.flatMap((section) => section.entries.map((entry) => entry.candidate.id));

describe('community first, services last', () => {
	it('puts a group before a statutory service when both fit perfectly', () => {
		const sections = rankCandidates([statutory(1), candidate(2)], context());
		const [service, group] = [sections[2].entries[0], sections[0].entries[0]];
		expect(service.fit).toBe(group.fit);
		expect(order(sections)).toEqual([2, 1]);
		expect(sections.map((s) => s.title)).toEqual([
			'People and groups nearby',
			'Places',
			'Services'
		]);
	});

	it('keeps the group first when the service is nearer and fits better', () => {
		const sections = rankCandidates(
			[statutory(1, { distanceMetres: 10 }), candidate(2, { distanceMetres: 1200 })],
			context()
		);
		expect(sections[2].entries[0].fit).toBeGreaterThan(sections[0].entries[0].fit);
		expect(order(sections)).toEqual([2, 1]);
	});

	it('orders services community, commissioned, statutory whatever their fit', () => {
		const sections = rankCandidates(
			[
				statutory(1, { distanceMetres: 10 }),
				candidate(2, { kind: 'service', sector: 'commissioned', distanceMetres: 50 }),
				candidate(3, { kind: 'service', sector: 'community', distanceMetres: 1400 })
			],
			context()
		);
		expect(order(sections)).toEqual([3, 2, 1]);
	});

	it('puts venues in Places, informal supports with groups', () => {
		const sections = rankCandidates(
			[candidate(1, { kind: 'venue' }), candidate(2, { kind: 'informal_support' })],
			context()
		);
		expect(sections.map((s) => s.entries.map((e) => e.candidate.id))).toEqual([[2], [1], []]);
	});
});

describe('freshness', () => {
	it('sinks a stale entry below a fresh one that fits less, within its section, and says so', () => {
		const sections = rankCandidates(
			[candidate(1, { stale: true }), candidate(2, { distanceMetres: 1400, accessibility: [] })],
			context()
		);
		expect(order(sections)).toEqual([2, 1]);
		expect(sections[0].entries[1].misses).toContain(
			'not checked recently: check it is still running'
		);
	});
});

describe('time overlap', () => {
	const fit = (session: FinderCandidate['sessions'][number], slots: FinderInputs['slots']) =>
		scoreCandidate(candidate(1, { sessions: [session] }), context({ slots }))!;

	it('matches a fortnightly session on the day, a little below weekly, and says how often', () => {
		const entry = fit(
			{
				frequency: 'fortnightly',
				weekday: 2,
				anchorDate: '2026-12-01',
				startTime: '10:00',
				endTime: '12:00'
			},
			[{ day: 2, part: 'morning' }]
		);
		expect(entry.parts.time).toBe(0.8);
		expect(entry.fits).toContain('Every other Tuesday, 10:00-12:00 (you said Tuesday mornings)');
	});

	it('matches an nth-weekday session, below fortnightly', () => {
		const entry = fit(
			{ frequency: 'monthly', weekday: 4, weekOfMonth: -1, startTime: '18:30', endTime: '20:00' },
			[{ day: 4, part: 'evening' }]
		);
		expect(entry.parts.time).toBe(0.6);
		expect(entry.fits).toContain(
			'Last Thursday of the month, 18:30-20:00 (you said Thursday evenings)'
		);
	});

	it('counts a session crossing noon as both morning and afternoon', () => {
		const session = {
			frequency: 'weekly' as const,
			weekday: 3,
			startTime: '11:30',
			endTime: '13:00'
		};
		expect(fit(session, [{ day: 3, part: 'morning' }]).parts.time).toBe(1);
		const afternoon = fit(session, [{ day: 3, part: 'afternoon' }]);
		expect(afternoon.parts.time).toBe(1);
		expect(afternoon.fits).toContain('Wednesdays 11:30-13:00 (you said Wednesday afternoons)');
		expect(fit(session, [{ day: 3, part: 'evening' }]).parts.time).toBe(0);
	});

	it('does not count a session ending exactly at noon as an afternoon', () => {
		const entry = fit({ frequency: 'weekly', weekday: 2, startTime: '10:00', endTime: '12:00' }, [
			{ day: 2, part: 'afternoon' }
		]);
		expect(entry.parts.time).toBe(0);
		expect(entry.misses).toContain('meets Tuesdays 10:00-12:00: not at a time you said');
	});

	it('does not match another weekday, and counts any time as a fit', () => {
		const session = {
			frequency: 'weekly' as const,
			weekday: 5,
			startTime: '10:00',
			endTime: '11:00'
		};
		expect(fit(session, [{ day: 2, part: 'morning' }]).parts.time).toBe(0);
		expect(fit(session, []).parts.time).toBe(1);
	});
});

describe('access needs', () => {
	it('shows an entry that meets some needs, saying which it does not meet', () => {
		const sections = rankCandidates(
			[candidate(1, { accessibility: ['step_free'] })],
			context({ access: ['step_free', 'hearing_loop', 'quiet_space'] })
		);
		const [entry] = sections[0].entries;
		expect(entry.candidate.id).toBe(1);
		expect(entry.parts.access).toBeCloseTo(1 / 3);
		expect(entry.fits).toContain('step-free');
		// The chosen parent category matches the entry's child category: that is its theme.
		expect(
			rankCandidates([candidate(2, { categoryIds: ['allotments'] })], context())[0].entries[0]
				.matchedCategories
		).toEqual(['gardening']);
		expect(entry.misses).toEqual(['no hearing loop listed', 'no quiet space listed']);
	});

	it('ranks the entry that meets every need above one that meets some, all else equal', () => {
		const sections = rankCandidates(
			[candidate(1, { accessibility: ['step_free'] }), candidate(2)],
			context({ access: ['step_free', 'hearing_loop'] })
		);
		expect(order(sections)).toEqual([2, 1]);
	});
});

describe('the why line', () => {
	it('reads as the issue asks', () => {
		const entry = scoreCandidate(candidate(1, { distanceMetres: 600 }), context())!;
		expect(entry.fits.join(' · ')).toBe(
			'about Gardening · Tuesdays 10:00-12:00 (you said Tuesday mornings) · 600 metres, about 10 minutes’ walk · step-free · free'
		);
		expect(entry.misses).toEqual([]);
	});

	it('names the words it holds, and children, language and cost that do not fit', () => {
		const entry = scoreCandidate(
			candidate(1, { wordsMatched: ['dads'], familyFriendly: false, cost: 'paid' }),
			context({
				categories: [],
				words: 'talk to other dads',
				withChildren: true,
				language: 'pl',
				cost: 'free'
			})
		)!;
		expect(entry.fits[0]).toBe('about “dads”');
		expect(entry.parts.interests).toBe(0.5);
		expect(entry.misses).toEqual([
			'not listed as family-friendly',
			'Polish not listed',
			'costs money'
		]);
	});
});

describe('left out', () => {
	it('leaves out entries with none of the chosen interests, and those whose ages exclude the person', () => {
		const sections = rankCandidates(
			[
				candidate(1, { categoryIds: ['music'] }),
				candidate(2, { categoryIds: ['allotments'] }),
				candidate(3, { ageMax: 25 })
			],
			context({ age: 70 })
		);
		expect(order(sections)).toEqual([2]);
	});

	it('keeps every entry when no interest was chosen', () => {
		const sections = rankCandidates(
			[candidate(1, { categoryIds: [] })],
			context({ categories: [] })
		);
		expect(order(sections)).toEqual([1]);
	});
});
