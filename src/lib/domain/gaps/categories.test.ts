import { describe, expect, it } from 'vitest';
import { withAncestors } from './categories';

const parents = new Map<string, string | null>([
	['social', null],
	['coffee-and-chat', 'social'],
	['board-games', 'coffee-and-chat'],
	['loop-a', 'loop-b'],
	['loop-b', 'loop-a']
]);

describe('withAncestors', () => {
	it('adds every ancestor once', () => {
		expect(withAncestors(['board-games', 'coffee-and-chat'], parents)).toEqual([
			'board-games',
			'coffee-and-chat',
			'social'
		]);
	});
	it('keeps unknown categories and survives a loop', () => {
		expect(withAncestors(['other'], parents)).toEqual(['other']);
		expect(withAncestors(['loop-a'], parents)).toEqual(['loop-a', 'loop-b']);
	});
});
