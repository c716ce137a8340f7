/**
 * Three worked cases on the demo borough, written out by hand from the ranking rules
 * (src/lib/domain/finder/score.ts) and checked once against the demo data: the first results of each
 * section, with their "why" lines. Today is fixed so freshness does not move.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as t from '../../src/lib/server/db/schema';
import type { Db } from '../../src/lib/server/db/client';
import { findConnections } from '../../src/lib/server/finder/find';
import { actorFor } from '../../src/lib/server/staff/entry-patches';
import { parseFinderInputs } from '../../src/lib/domain/finder';
import { openDemo, TODAY } from './directory-fixture';

let db: Db;
let refOf: (id: number) => string;

beforeAll(async () => {
	({ db, refOf } = await openDemo());
});

function find(query: string) {
	const user = db
		.select()
		.from(t.users)
		.where(eq(t.users.email, 'tracey.thwaite@example.org'))
		.get()!;
	const actor = actorFor(db, { ...user, role: 'coordinator' });
	const result = findConnections(db, parseFinderInputs(new URLSearchParams(query)).inputs, actor, {
		today: TODAY
	});
	return result.sections!.map((section) => ({
		title: section.title,
		count: section.entries.length,
		first: section.entries
			.slice(0, 3)
			.map((e) => [refOf(e.candidate.id), e.fits.join(' · '), e.misses.join('; ')])
	}));
}

describe('worked cases on the demo borough', () => {
	it('social, Tuesday mornings, 20 minutes’ walk from FV7 0RE, step-free', () => {
		const [people, places, services] = find(
			'cat=social-and-friendship&when=tue-morning&postcode=FV7+0RE&reach=walk20&access=step_free'
		);
		expect(people.count).toBe(4);
		expect(people.first).toEqual([
			[
				'demo-0132',
				'about Social and friendship · 0 metres, about 1 minute’s walk · step-free · free',
				'meets every other Friday, 17:30-19:30: not at a time you said'
			],
			[
				'demo-0121',
				'about Social and friendship · 0 metres, about 1 minute’s walk · step-free · low cost',
				'meets Thursdays 13:30-15:00: not at a time you said'
			],
			[
				'demo-0129',
				'about Social and friendship · 960 metres, about 16 minutes’ walk · low cost',
				'meets every other Friday, 10:00-11:30: not at a time you said; no step-free listed'
			]
		]);
		// The stale community centre fits best but sinks below the fresh family centre.
		expect(places.first.map(([ref]) => ref)).toEqual(['demo-0068', 'demo-0001', 'demo-0043']);
		expect(places.first[1][2]).toBe('not checked recently: check it is still running');
		expect(services.count).toBe(0);
	});

	it('the word "garden", free only, 30 minutes’ walk', () => {
		const [people, places, services] = find('q=garden&postcode=FV7+0RE&reach=walk30&cost=free');
		expect([people.count, places.count, services.count]).toEqual([0, 1, 0]);
		expect(places.first).toEqual([
			['demo-0068', 'about “garden” · 960 metres, about 16 minutes’ walk', 'cost not listed']
		]);
	});

	it('health for a 70-year-old who needs a hearing loop, within 3 km: groups before a nearer, better-fitting health centre', () => {
		const [people, , services] = find(
			'cat=health-and-wellbeing&postcode=FV7+0RE&reach=km&km=3&age=70&access=hearing_loop'
		);
		expect(people.first.map(([ref]) => ref)).toEqual(['demo-0309', 'demo-0228', 'demo-0304']);
		expect(people.first[0][1]).toBe(
			'about Health and wellbeing · Third Friday of the month, 13:30-15:00 · 2.6 km, about 42 minutes’ walk · hearing loop · free'
		);
		// Community services first, then statutory, whatever their fit.
		expect(services.first).toEqual([
			[
				'demo-0413',
				'about Health and wellbeing · Tuesdays 16:00-18:00 · 2.8 km, about 45 minutes’ walk · free',
				'no hearing loop listed'
			],
			expect.arrayContaining(['demo-0428']),
			expect.arrayContaining(['demo-0429'])
		]);
	});
});
