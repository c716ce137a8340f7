import { describe, expect, it } from 'vitest';
import { segmentsMeet, sharedRun, straightenSharedBoundary } from './street-boundary';
import type { XY } from './plane';

describe('sharedRun', () => {
	it('finds the edges two neighbours share, in the first ring’s order, even across its end', () => {
		// Two squares side by side, both anticlockwise: 0-1-2-3 and 1-4-5-2 share 1-2.
		expect(sharedRun([0, 1, 2, 3], [1, 4, 5, 2])).toEqual([1, 2]);
		// The shared run 3-0-1 wraps round the end of the first ring.
		expect(sharedRun([0, 1, 2, 3], [1, 0, 3, 9])).toEqual([3, 0, 1]);
		expect(sharedRun([0, 1, 2], [5, 6, 7])).toEqual([]);
	});
});

describe('segmentsMeet', () => {
	it('says whether two segments cross or touch', () => {
		expect(segmentsMeet([0, 0], [2, 2], [0, 2], [2, 0])).toBe(true);
		expect(segmentsMeet([0, 0], [2, 0], [1, 0], [1, 3])).toBe(true);
		expect(segmentsMeet([0, 0], [1, 1], [2, 2], [3, 5])).toBe(false);
	});
});

describe('straightenSharedBoundary', () => {
	// Two patches stacked: the lower one 0..5 (anticlockwise), the upper one above it; they share
	// a zigzag edge 1-2-3-4 from (4,0) back to (0,0)... here from right to left along y≈1.
	const points: XY[] = [
		[0, 0], // 0
		[4, 0], // 1
		[4, 1], // 2 shared
		[3, 1.3], // 3 shared
		[2, 0.8], // 4 shared
		[1, 1.2], // 5 shared
		[0, 1], // 6 shared
		[4, 3], // 7
		[0, 3] // 8
	];
	const lower = [0, 1, 2, 3, 4, 5, 6];
	const upper = [2, 7, 8, 6, 5, 4, 3];
	const at = (v: number) => points[v];

	it('replaces the zigzag with one straight street, dropping its corners from both rings', () => {
		const street = straightenSharedBoundary([lower, upper], at, { maxEdges: 8, minOffset: 0.1 });
		expect(street).toEqual({
			pair: [0, 1],
			rings: [
				[0, 1, 2, 6],
				[2, 7, 8, 6]
			],
			street: [2, 6],
			replaced: [3, 4, 5]
		});
	});

	it('keeps to shorter stretches when told, and skips pairs it must not touch', () => {
		const street = straightenSharedBoundary([lower, upper], at, { maxEdges: 2, minOffset: 0.1 });
		expect(street?.replaced).toHaveLength(1);
		expect(
			straightenSharedBoundary([lower, upper], at, {
				maxEdges: 8,
				minOffset: 0.1,
				skip: new Set([1])
			})
		).toBeNull();
	});

	it('never draws a street that crosses another edge of either ring', () => {
		// The lower patch has a slot cut up from its bottom edge to y = 1.5; the shared edge bumps up
		// from (3, 1) over (2, 2) and (1, 2) to (0, 1). The street from (3, 1) to (0, 1) would cross
		// the slot, so only a shorter one, clear above it, is drawn.
		const xy: XY[] = [
			[0, 0],
			[1.4, 0],
			[1.4, 1.5],
			[1.6, 1.5],
			[1.6, 0],
			[3, 0],
			[3, 1],
			[2, 2],
			[1, 2],
			[0, 1],
			[3, 3],
			[0, 3]
		];
		const slotted = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
		const above = [6, 10, 11, 9, 8, 7];
		expect(
			straightenSharedBoundary([slotted, above], (v) => xy[v], { maxEdges: 8, minOffset: 0.1 })
		).toEqual({
			pair: [0, 1],
			rings: [
				[0, 1, 2, 3, 4, 5, 6, 8, 9],
				[6, 10, 11, 9, 8]
			],
			street: [6, 8],
			replaced: [7]
		});
	});
});
