import { describe, expect, it } from 'vitest';
import { compareNearest, nearestSql, timedSql } from './postgis-gaps-sql';

describe('the PostGIS nearest-distance comparison', () => {
	it('counts differences, ties at one address and areas only one side answered', () => {
		const metres = Float64Array.of(100, 250.4, 800, Infinity, 42);
		const ids = Float64Array.of(7, 8, 9, -1, 3);
		// Area 1: another entry equally near (a tie); area 2: 2 m off; area 4: PostGIS has nothing.
		const output = ['0|7|100.0000001', '1|11|250.4', '2|9|802', ''].join('\n');
		expect(compareNearest(output, metres, ids)).toEqual({
			compared: 3,
			largestMetres: 2,
			overOneMetre: 1,
			otherEntry: 1,
			otherEntryFarther: 0,
			missing: 1
		});
	});

	it('asks each category through its own index, ordered by <-> with one answer per area', () => {
		expect(nearestSql(3, 'geography')).toMatch(
			/WHERE a\.category = 3 ORDER BY a\.geog <-> s\.geog LIMIT 1/
		);
		expect(nearestSql(3, 'planar')).toMatch(/ORDER BY a\.geom <-> s\.geom LIMIT 1/);
		expect(timedSql(20, 'geography').match(/UNION ALL/g)).toHaveLength(19);
	});
});
