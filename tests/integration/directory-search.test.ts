import { beforeAll, describe, expect, it } from 'vitest';
import { timeOfDay } from '../../src/lib/domain/sessions';
import { distanceBand, emptySearch, type DirectorySort } from '../../src/lib/domain/directory';
import type { Db } from '../../src/lib/server/db/client';
import { searchDirectory } from '../../src/lib/server/queries/directory';
import {
	TODAY,
	categoryTree,
	demoAssets,
	demoPostcodes,
	inPatch,
	isStaleRef,
	metresFrom,
	openDemo,
	visible,
	searchAll,
	wordsOf,
	type DemoAsset
} from './directory-fixture';

let db: Db;
let refOf: (id: number) => string;
beforeAll(async () => {
	({ db, refOf } = await openDemo());
});

const refs = (result: { rows: { id: number }[] }) => result.rows.map((row) => refOf(row.id)).sort();
const expected = (keep: (asset: DemoAsset) => boolean) =>
	visible
		.filter(keep)
		.map((a) => a.ref)
		.sort();
const byRef = new Map(demoAssets.map((a) => [a.ref, a]));

describe('searchDirectory filters, checked against data/demo', () => {
	it('lists every entry a visitor may see and nothing else when nothing is chosen', () => {
		const result = searchAll(db, {});
		expect(result.total).toBe(visible.length);
		expect(result.totalIsExact).toBe(true);
		expect(refs(result)).toEqual(expected(() => true));
	});

	it.each([
		[
			'kind',
			{ kinds: ['informal_support' as const] },
			(a: DemoAsset) => a.kind === 'informal_support'
		],
		[
			'two kinds',
			{ kinds: ['venue' as const, 'service' as const] },
			(a: DemoAsset) => ['venue', 'service'].includes(a.kind)
		],
		['free', { cost: 'free' as const }, (a: DemoAsset) => a.cost === 'free'],
		[
			'free or low cost',
			{ cost: 'low' as const },
			(a: DemoAsset) => a.cost === 'free' || a.cost === 'low'
		],
		['age 9', { age: 9 }, (a: DemoAsset) => (a.ageMin ?? 0) <= 9 && 9 <= (a.ageMax ?? 999)],
		['age 70', { age: 70 }, (a: DemoAsset) => (a.ageMin ?? 0) <= 70 && 70 <= (a.ageMax ?? 999)],
		[
			'two accessibility features',
			{ access: ['step_free' as const, 'hearing_loop' as const] },
			(a: DemoAsset) =>
				a.accessibility.includes('step_free') && a.accessibility.includes('hearing_loop')
		],
		['language', { language: 'pl' }, (a: DemoAsset) => a.languages.includes('pl')],
		[
			'category with children',
			{ category: 'active-and-outdoors' },
			(a: DemoAsset) => a.categories.some((c) => categoryTree('active-and-outdoors').includes(c))
		],
		[
			'child category',
			{ category: 'coffee-and-chat' },
			(a: DemoAsset) => a.categories.includes('coffee-and-chat')
		],
		['day', { days: [6 as const] }, (a: DemoAsset) => a.sessions.some((s) => s.weekday === 6)],
		[
			'day and time of day in one session',
			{ days: [2 as const], times: ['morning' as const] },
			(a: DemoAsset) =>
				a.sessions.some((s) => s.weekday === 2 && timeOfDay(s.startTime) === 'morning')
		],
		[
			'evening on any day',
			{ times: ['evening' as const] },
			(a: DemoAsset) => a.sessions.some((s) => timeOfDay(s.startTime) === 'evening')
		],
		[
			'patch',
			{ patch: 'fennick-town-centre' },
			(a: DemoAsset) => inPatch(a, 'fennick-town-centre')
		],
		[
			'words (prefix from 3 letters)',
			{ q: 'walk' },
			(a: DemoAsset) => wordsOf(a).some((w) => w.startsWith('walk'))
		],
		[
			'two words',
			{ q: 'coffee morning' },
			(a: DemoAsset) => ['coffee', 'morning'].every((t) => wordsOf(a).some((w) => w.startsWith(t)))
		],
		[
			'Welsh words without accents',
			{ q: 'cymraeg' },
			(a: DemoAsset) => wordsOf(a).some((w) => w.startsWith('cymraeg'))
		]
	])('filters by %s', (_label, changes, keep) => {
		const want = expected(keep);
		expect(want.length).toBeGreaterThan(0);
		expect(want.length).toBeLessThan(visible.length);
		const result = searchAll(db, changes);
		expect(refs(result)).toEqual(want);
		expect(result.total).toBe(want.length);
	});

	it('combines filters with AND', () => {
		const result = searchAll(db, { kinds: ['group'], cost: 'free', days: [1, 2, 3, 4, 5] });
		const want = expected(
			(a) => a.kind === 'group' && a.cost === 'free' && a.sessions.some((s) => s.weekday <= 5)
		);
		expect(refs(result)).toEqual(want);
	});

	it('finds entries within a radius of a postcode, nearest first, with distances', () => {
		const postcode = 'FV1 0LW';
		const origin = demoPostcodes.get(postcode)!;
		const result = searchAll(db, { postcode, radiusKm: 1.5 });
		expect(result.sort).toBe('best');
		expect(result.origin).toMatchObject({ postcode, lon: origin[0], lat: origin[1] });
		expect(refs(result)).toEqual(expected((a) => !!a.point && metresFrom(origin, a) <= 1500));
		for (const row of result.rows) {
			expect(row.distanceMetres).toBeCloseTo(metresFrom(origin, byRef.get(refOf(row.id))!), 1);
		}
	});

	it('sorts by distance band by band, a stale entry sinking only within its band', () => {
		const result = searchAll(db, { point: [-2.95, 53.06], radiusKm: 5, sort: 'distance' });
		expect(result.sort).toBe('distance');
		expect(result.rows.length).toBeGreaterThan(20);
		const rows = result.rows.map((r) => ({ ...r, band: distanceBand(r.distanceMetres) }));
		const bands = rows.map((r) => r.band);
		expect(bands).toEqual([...bands].sort((a, b) => a - b));
		for (const band of new Set(bands)) {
			const inBand = rows.filter((r) => r.band === band);
			const stale = inBand.map((r) => r.stale);
			if (stale.includes(true)) expect(stale.indexOf(true)).toBe(stale.lastIndexOf(false) + 1);
			for (const freshness of [false, true]) {
				const d = inBand.filter((r) => r.stale === freshness).map((r) => r.distanceMetres!);
				expect(d).toEqual([...d].sort((a, b) => a - b));
			}
		}
		// The rule the help text gives: nothing before a stale entry is more than twice as far (or
		// 250 metres), so never three times as far.
		rows.forEach((row, index) => {
			if (!row.stale) return;
			for (const earlier of rows.slice(0, index)) {
				expect(earlier.distanceMetres!).toBeLessThan(Math.max(row.distanceMetres! * 2, 250));
			}
		});
		expect(rows.some((r) => r.stale)).toBe(true);
	});
});

describe('freshness in every sort', () => {
	const sorts: [DirectorySort, object][] = [
		['name', {}],
		['checked', {}],
		['best', { q: 'club' }],
		['best', {}],
		['name', { q: 'group' }],
		['checked', { q: 'group' }],
		['checked', { patch: 'sorrel-green-and-millbrook' }]
	];
	it.each(sorts)('ranks stale entries below fresh ones sorting by %s %j', (sort, changes) => {
		const result = searchAll(db, { ...changes, sort });
		expect(result.sort).toBe(sort);
		const stale = result.rows.map((r) => r.stale);
		expect(stale).toContain(true);
		expect(stale).toContain(false);
		expect(stale.indexOf(true)).toBe(stale.lastIndexOf(false) + 1);
		for (const row of result.rows) expect(row.stale).toBe(isStaleRef(byRef.get(refOf(row.id))!));
	});

	it.each([
		['best', { point: [-2.95, 53.06], radiusKm: 10, q: 'group' }],
		['distance', { point: [-2.95, 53.06], radiusKm: 10 }]
	] as [DirectorySort, object][])(
		'with a place, ranks stale entries below fresh ones within each band, by %s %j',
		(sort, changes) => {
			const result = searchAll(db, { ...changes, sort });
			expect(result.sort).toBe(sort);
			expect(result.rows.some((r) => r.stale)).toBe(true);
			let previous = { band: -1, stale: false };
			for (const row of result.rows) {
				const band = distanceBand(row.distanceMetres);
				expect(band).toBeGreaterThanOrEqual(previous.band);
				if (band === previous.band && previous.stale) expect(row.stale).toBe(true);
				previous = { band, stale: row.stale };
			}
		}
	);

	it('orders "most recently checked" newest first', () => {
		const dates = searchAll(db, { sort: 'checked' }).rows.map((r) => r.lastVerifiedOn ?? '');
		expect(dates).toEqual([...dates].sort().reverse());
	});
});

describe('community first', () => {
	const nameWords = (a: DemoAsset) => wordsOf({ ...a, description: '', descriptionCy: undefined });
	/** Rows with their demo entry: whether stale, whether the name holds the word, and the kind. */
	const tiers = (result: ReturnType<typeof searchAll>, word: string) =>
		result.rows.map((row) => {
			const asset = byRef.get(refOf(row.id))!;
			return {
				kind: row.kind,
				stale: row.stale,
				inName: nameWords(asset).some((w) => w.startsWith(word))
			};
		});

	it.each(['food', 'community', 'support'])(
		'lists groups, informal supports and venues before services of equal relevance: %s',
		(word) => {
			const result = searchAll(db, { q: word });
			expect(result.sort).toBe('best');
			const rows = tiers(result, word);
			let mixed = 0;
			for (const stale of [false, true]) {
				for (const inName of [true, false]) {
					const kinds = rows
						.filter((r) => r.stale === stale && r.inName === inName)
						.map((r) => (r.kind === 'service' ? 1 : 0));
					expect(kinds, `stale ${stale}, in name ${inName}`).toEqual([...kinds].sort());
					if (kinds.includes(0) && kinds.includes(1)) mixed++;
				}
				// Relevance still comes first: a name match is never below a mere mention.
				const matched = rows.filter((r) => r.stale === stale).map((r) => (r.inName ? 0 : 1));
				expect(matched).toEqual([...matched].sort());
			}
			// Each word has community entries and services of equal relevance to put in order.
			expect(mixed).toBeGreaterThan(0);
		}
	);

	it('starts an empty search with community entries, by name, services after them', () => {
		const result = searchAll(db, {});
		const fresh = result.rows.filter((r) => !r.stale);
		const firstService = fresh.findIndex((r) => r.kind === 'service');
		expect(firstService).toBeGreaterThan(20);
		expect(fresh.slice(firstService).every((r) => r.kind === 'service')).toBe(true);
		const names = fresh.slice(0, firstService).map((r) => r.name);
		expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
		// Sorting by name asks for the plain alphabet, services and all.
		const byName = searchAll(db, { sort: 'name' }).rows.filter((r) => !r.stale);
		expect(byName.map((r) => r.id).sort()).toEqual(fresh.map((r) => r.id).sort());
		expect(byName.map((r) => r.id)).not.toEqual(fresh.map((r) => r.id));
	});

	it('ranks community first within each band of distance around a place', () => {
		const result = searchAll(db, { point: [-2.95, 53.06], radiusKm: 5 });
		const key = (r: (typeof result.rows)[number]) => `${distanceBand(r.distanceMetres)}:${r.stale}`;
		for (const group of new Set(result.rows.map(key))) {
			const kinds = result.rows
				.filter((r) => key(r) === group)
				.map((r) => (r.kind === 'service' ? 1 : 0));
			expect(kinds, group).toEqual([...kinds].sort());
		}
	});
});

describe('Welsh words', () => {
	it('find English entries through the synonym list: "cerdded" finds the walking groups', () => {
		const welshOnly = expected((a) => wordsOf(a).some((w) => w.startsWith('cerdded')));
		const walking = expected((a) => wordsOf(a).some((w) => w.startsWith('walk')));
		const found = refs(searchAll(db, { q: 'cerdded' }));
		expect(walking.length).toBeGreaterThan(welshOnly.length);
		expect(found).toEqual([...new Set([...welshOnly, ...walking])].sort());
		const groups = searchAll(db, { q: 'grŵp cerdded' }).rows;
		expect(groups.length).toBeGreaterThan(0);
		expect(groups.every((r) => /walk|cerdded/i.test(JSON.stringify(r)))).toBe(true);
	});
});

describe('paging', () => {
	it.each([
		['browse by name', {}],
		['words, by relevance', { q: 'group' }],
		['a place, by distance', { point: [-2.95, 53.06] as [number, number], radiusKm: 10 }]
	])('pages of 20 add up to the whole list, in order: %s', (_label, changes) => {
		const all = searchAll(db, changes);
		const seen: number[] = [];
		for (let page = 1; page <= Math.ceil(all.total / 20); page++) {
			const result = searchDirectory(db, { ...emptySearch(), ...changes, page }, { today: TODAY });
			expect(result.total).toBe(all.total);
			expect(result.page).toBe(page);
			seen.push(...result.rows.map((r) => r.id));
		}
		expect(seen).toEqual(all.rows.map((r) => r.id));
	});

	it('shows the last page, with a notice, for a page past the end', () => {
		const result = searchDirectory(db, { ...emptySearch(), page: 500 }, { today: TODAY });
		expect(result.page).toBe(result.pageCount);
		expect(result.rows.length).toBeGreaterThan(0);
		expect(result.notices.map((n) => n.code)).toEqual(['page_past_end']);
	});

	it('writes its notices in Welsh for a Welsh page', () => {
		const result = searchDirectory(
			db,
			{ ...emptySearch(), postcode: 'FV9 9ZZ', category: 'dragons', page: 500 },
			{ today: TODAY, lang: 'cy' }
		);
		const messages = result.notices.map((n) => n.message);
		expect(messages).toContain(
			'Ni allem ddod o hyd i’r cod post FV9 9ZZ, felly ni ddefnyddiwyd pellter.'
		);
		expect(messages).toContain('Does dim categori “dragons”, felly ni chafodd ei ddefnyddio.');
		expect(messages.some((m) => m.startsWith('Dim ond '))).toBe(true);
	});

	it('says "more than" when the count reaches its limit', () => {
		const result = searchDirectory(db, emptySearch(), { today: TODAY, countLimit: 100 });
		expect(result).toMatchObject({ total: 100, totalIsExact: false, pageCount: 5 });
	});
});

describe('what a visitor never sees', () => {
	const hidden = demoAssets.filter((a) => !visible.includes(a));

	it('never returns a draft, archived or private entry, even searched for by its exact name', () => {
		expect(hidden.length).toBeGreaterThan(0);
		for (const asset of hidden.slice(0, 15)) {
			expect(refs(searchAll(db, { q: asset.name }))).not.toContain(asset.ref);
		}
		const everything = new Set(refs(searchAll(db, {})));
		for (const asset of hidden) expect(everything.has(asset.ref)).toBe(false);
	});

	it('has no contact details in result rows', () => {
		const row = searchAll(db, { q: 'club' }).rows[0];
		expect(Object.keys(row)).not.toContain('contacts');
		const coordinatorsOnly = demoAssets.flatMap((a) =>
			a.contacts.filter((c) => c.visibility === 'coordinators').map((c) => c.value)
		);
		const text = JSON.stringify(searchAll(db, {}).rows);
		for (const value of coordinatorsOnly) expect(text).not.toContain(value);
	});
});
