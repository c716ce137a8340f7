import { describe, expect, it } from 'vitest';
import { CategoryResolver } from './categories';

describe('CategoryResolver', () => {
	const existing = [
		{ id: 'food', name: 'Food and shared meals' },
		{ id: 'mental-wellbeing', name: 'Mental wellbeing' }
	];

	it('matches existing categories by id or by name in any case', () => {
		const resolver = new CategoryResolver(existing);
		expect(resolver.resolve('food')).toBe('food');
		expect(resolver.resolve('FOOD AND SHARED MEALS')).toBe('food');
		expect(resolver.match('Mental Wellbeing')).toBe('mental-wellbeing');
		expect(resolver.match('Dementia')).toBeNull();
		expect(resolver.created()).toEqual([]);
	});

	it('creates a category once for a new name or id, named well', () => {
		const resolver = new CategoryResolver(existing);
		expect(
			resolver.resolveAll([
				'Health and fitness',
				'health and fitness',
				'sport-and-exercise',
				'bowls-clubs'
			])
		).toEqual(['health-and-fitness', 'sport-and-exercise', 'bowls-clubs']);
		expect(resolver.created()).toEqual([
			{ id: 'health-and-fitness', name: 'Health and fitness', parentId: null },
			{ id: 'sport-and-exercise', name: 'Sport and exercise', parentId: null },
			{ id: 'bowls-clubs', name: 'Bowls clubs', parentId: null }
		]);
	});

	it('falls back to Other when nothing resolves', () => {
		const resolver = new CategoryResolver([]);
		expect(resolver.resolveAll(['', '!!!'])).toEqual(['other']);
		expect(resolver.created()).toEqual([{ id: 'other', name: 'Other', parentId: null }]);
	});
});
