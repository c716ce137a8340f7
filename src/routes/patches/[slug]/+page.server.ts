import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { listSessionsForAssets } from '$lib/server/queries/assets';
import {
	getPatchBySlug,
	listPresenceForPatch,
	listPublicAssetsInPatch
} from '$lib/server/queries/patches';
import type { PageServerLoad } from './$types';

const slugSchema = z
	.string()
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
	.max(100);

export const load: PageServerLoad = ({ params }) => {
	const slug = slugSchema.safeParse(params.slug);
	if (!slug.success) error(404, 'Page not found');
	const db = getDb();
	const patch = getPatchBySlug(db, slug.data);
	if (!patch) error(404, 'Page not found');
	const assets = listPublicAssetsInPatch(db, patch);
	const sessions = listSessionsForAssets(
		db,
		assets.map((asset) => asset.id)
	);
	return {
		patch,
		assets: assets.map((asset) => ({ ...asset, sessions: sessions.get(asset.id) ?? [] })),
		presence: listPresenceForPatch(db, patch.id)
	};
};
