import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDirectorySearch } from '../../src/lib/domain/directory';
import type { Db } from '../../src/lib/server/db/client';
import {
	findPatchForPoint,
	lookupPostcode,
	searchDirectory
} from '../../src/lib/server/queries/directory';
import { representativePoint, type AreaGeometry } from '../../src/lib/domain/geometry';
import { TODAY, demoPatches, demoPostcodes, openDemo, visible } from './directory-fixture';

let db: Db;
beforeAll(async () => {
	({ db } = await openDemo());
});

/** Parses and searches as the search page will: both kinds of notice together. */
function visit(query: string) {
	const { search, notices } = parseDirectorySearch(new URLSearchParams(query));
	const result = searchDirectory(db, search, { today: TODAY });
	return { result, codes: [...notices, ...result.notices].map((n) => n.code) };
}

describe('hostile and odd query strings give results or a plain notice, never an error', () => {
	it.each([
		['empty', '', []],
		['10,000 characters', 'q=' + 'knit'.repeat(2500), ['q_too_long']],
		['FTS operators', 'q=' + encodeURIComponent('knit AND OR NOT NEAR( * ^ "'), []],
		['an unterminated quote', 'q=%22coffee', []],
		['SQL', 'q=' + encodeURIComponent("'; DROP TABLE assets; --"), []],
		['HTML', 'q=' + encodeURIComponent('<script>alert(1)</script>'), []],
		['only emoji', 'q=%F0%9F%98%80%F0%9F%98%80', ['q_no_words']],
		['a column filter', 'q=' + encodeURIComponent('name:walk description:*'), []],
		['unknown kind', 'kind=spaceship', ['kind_unknown']],
		['unknown category', 'category=no-such-thing', ['category_unknown']],
		['unknown patch', 'patch=atlantis', ['patch_unknown']],
		['unknown day and time', 'day=someday&time=teatime', ['day_unknown', 'time_unknown']],
		['unknown accessibility', 'access=teleporter', ['access_unknown']],
		['a postcode that does not exist', 'postcode=FV99+9ZZ', ['postcode_not_found']],
		['a postcode of the wrong shape', 'postcode=12345', ['postcode_invalid']],
		['coordinates off the globe', 'lat=123&lon=456', ['point_invalid']],
		['coordinates in the sea', 'lat=0&lon=0', []],
		['a negative radius', 'lat=53.06&lon=-2.95&radius=-5', ['radius_invalid']],
		['a page far past the end', 'page=9999', ['page_past_end']],
		['page zero', 'page=0', ['page_invalid']],
		['sort by distance with no place', 'sort=distance', ['sort_needs_place']],
		['__proto__ as a name', '__proto__=x&__proto__[]=y', []],
		['constructor as a name', 'constructor=x&q=walk', []],
		['toString as a name', 'toString=x', []],
		['valueOf as a name', 'valueOf=1&valueOf=2', []],
		['hasOwnProperty as a name', 'hasOwnProperty=q', []]
	])('%s', (_label, query, expectedCodes) => {
		const { result, codes } = visit(query);
		expect(codes).toEqual(expectedCodes);
		expect(result.page).toBeGreaterThanOrEqual(1);
		expect(result.page).toBeLessThanOrEqual(result.pageCount);
		expect(result.rows.length).toBeLessThanOrEqual(20);
	});

	it('still searches the words of a hostile query', () => {
		const { result } = visit('q=' + encodeURIComponent('"coffee" AND morning*'));
		expect(result.total).toBeGreaterThan(0);
		for (const row of result.rows)
			expect(`${row.name} ${row.summary}`.toLowerCase()).toMatch(/coffee|morning/);
	});

	it('shows everything when the postcode is unknown, and nothing "near" an empty sea', () => {
		expect(visit('postcode=FV99+9ZZ').result.total).toBe(visible.length);
		expect(visit('lat=0&lon=0').result.total).toBe(0);
	});

	it('shows no results, not an error, when a patch and a distant place do not overlap', () => {
		const { result } = visit('patch=fennick-town-centre&lat=51.5&lon=-0.12&radius=1');
		expect(result.total).toBe(0);
	});

	it('survives a malformed JSON list in a row (an import gone wrong)', () => {
		db.run(
			sql`UPDATE assets SET accessibility = 'not json', languages = '['
			WHERE id = (SELECT min(id) FROM assets WHERE status = 'published')`
		);
		expect(() => visit('access=step_free&language=cy')).not.toThrow();
		expect(visit('access=step_free').result.total).toBeGreaterThan(0);
	});
});

describe('lookupPostcode', () => {
	it('finds a demo postcode however it is typed', () => {
		const [lon, lat] = demoPostcodes.get('FV1 0LW')!;
		for (const typed of ['FV1 0LW', 'fv10lw', '  fv1   0lw ']) {
			expect(lookupPostcode(db, typed)).toEqual({ postcode: 'FV1 0LW', lon, lat });
		}
	});

	it('gives null for a postcode not in the table, or not a postcode', () => {
		expect(lookupPostcode(db, 'FV99 9ZZ')).toBeNull();
		expect(lookupPostcode(db, "'; DROP TABLE postcodes; --")).toBeNull();
		expect(lookupPostcode(db, 'x'.repeat(10_000))).toBeNull();
	});
});

describe('findPatchForPoint', () => {
	it('finds each demo patch from a point inside it', () => {
		for (const patch of demoPatches) {
			const point = representativePoint(patch.geometry as AreaGeometry);
			expect(findPatchForPoint(db, point)?.slug).toBe(patch.properties.slug);
		}
	});

	it('gives null outside every patch and off the globe', () => {
		expect(findPatchForPoint(db, [-0.12, 51.5])).toBeNull();
		expect(findPatchForPoint(db, [500, 100])).toBeNull();
		expect(findPatchForPoint(db, [Number.NaN, 0])).toBeNull();
	});

	it('finds the patch of a demo postcode', () => {
		const point = demoPostcodes.get('FV1 0LW')!;
		expect(findPatchForPoint(db, point)).toMatchObject({
			slug: expect.any(String),
			name: expect.any(String)
		});
	});
});
