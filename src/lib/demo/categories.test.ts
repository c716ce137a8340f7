import { describe, expect, it } from 'vitest';
import { generatedDemo } from './test-fixture';

const { categories } = generatedDemo();

describe('categories.json', () => {
	it('is 15 to 25 categories in two levels, parents listed before their children', () => {
		expect(categories.length).toBeGreaterThanOrEqual(15);
		expect(categories.length).toBeLessThanOrEqual(25);
		const seen = new Set<string>();
		for (const category of categories) {
			if (category.parentId !== null) {
				expect(seen.has(category.parentId), category.id).toBe(true);
				const parent = categories.find((c) => c.id === category.parentId);
				expect(parent?.parentId, category.id).toBeNull();
			}
			seen.add(category.id);
		}
		expect(new Set(categories.map((c) => c.id)).size).toBe(categories.length);
	});

	it('has a Welsh name for every category', () => {
		for (const category of categories) expect(category.nameCy, category.id).toBeTruthy();
	});

	it('names activities and needs, never kinds of people', () => {
		const labels = /\b(disabled|elderly|older people|carers|young people|vulnerable|men|women)\b/i;
		for (const category of categories) expect(category.name, category.id).not.toMatch(labels);
	});
});
