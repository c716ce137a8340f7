/** The directory's categories, for the search form, the suggestion form and the print sheet. */
import { asc } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import { cachedRead } from '../db/read-cache';

/** Every category with its parent, in the taxonomy's order (read once until the next write; do not change it). */
export function listCategories(db: Db) {
	return cachedRead(db, 'categories', () => readCategories(db));
}

function readCategories(db: Db) {
	return db
		.select({
			id: t.categories.id,
			parentId: t.categories.parentId,
			name: t.categories.name,
			nameCy: t.categories.nameCy
		})
		.from(t.categories)
		.orderBy(asc(t.categories.sortOrder), asc(t.categories.name))
		.all();
}
