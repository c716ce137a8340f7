import { describe, expect, it } from 'vitest';
import * as t from '../db/schema';
import { createTestDb } from '../auth/test-db';
import { listCategories } from './categories';

describe('listCategories', () => {
	it('gives each category its parent and Welsh name, or null, in the taxonomy order', () => {
		const db = createTestDb();
		db.insert(t.categories)
			.values([
				{ id: 'food', parentId: 'social', name: 'Food', nameCy: null, sortOrder: 2 },
				{ id: 'social', name: 'Social', nameCy: 'Cymdeithasol', sortOrder: 1 }
			])
			.run();
		expect(listCategories(db)).toEqual([
			{ id: 'social', name: 'Social', nameCy: 'Cymdeithasol', parentId: null },
			{ id: 'food', name: 'Food', nameCy: null, parentId: 'social' }
		]);
	});
});
