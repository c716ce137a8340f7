/** The programme-wide context the Open Referral API maps with: ids and the taxonomy catalogue. */
import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client';
import * as t from '../../db/schema';
import { getProgramme } from '../../queries/patches';
import { hsdsIds } from '../../../domain/exchange/openreferral/ids';
import { buildTermCatalogue } from '../../../domain/exchange/openreferral/taxonomy';
import type { HsdsContext } from '../../../domain/exchange/openreferral/to-hsds';

export interface ApiContext extends HsdsContext {
	programme: { id: number; slug: string; name: string } | null;
}

/**
 * Ids for the site's programme and its category catalogue. Built per request: a few dozen categories
 * hash in well under a millisecond, and nothing can go stale.
 */
export function loadApiContext(db: Db): ApiContext {
	const programme = getProgramme(db);
	const ids = hsdsIds(programme?.slug ?? 'patchwork');
	const categories = db
		.select({
			id: t.categories.id,
			parentId: t.categories.parentId,
			name: t.categories.name,
			description: t.categories.description
		})
		.from(t.categories)
		.orderBy(asc(t.categories.sortOrder), asc(t.categories.name))
		.all();
	return {
		programme: programme ? { id: programme.id, slug: programme.slug, name: programme.name } : null,
		ids,
		catalogue: buildTermCatalogue(ids, categories)
	};
}
