import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { listSessionsForAssets } from '$lib/server/queries/assets';
import { searchPublicAssets } from '$lib/server/queries/search';
import type { PageServerLoad } from './$types';

const PER_PAGE = 20;

// Anything odd in the query string falls back to a default rather than an error page.
const querySchema = z.object({
	q: z.string().max(200).catch('').default(''),
	page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1)
});

export const load: PageServerLoad = ({ url }) => {
	const { q, page } = querySchema.parse({
		q: url.searchParams.get('q')?.slice(0, 200) ?? undefined,
		page: url.searchParams.get('page') ?? undefined
	});
	const db = getDb();
	const { rows, total } = searchPublicAssets(db, { q: q.trim(), page, perPage: PER_PAGE });
	const sessions = listSessionsForAssets(
		db,
		rows.map((row) => row.id)
	);
	return {
		q,
		page,
		pageCount: Math.max(1, Math.ceil(total / PER_PAGE)),
		total,
		results: rows.map((row) => ({ ...row, sessions: sessions.get(row.id) ?? [] }))
	};
};
