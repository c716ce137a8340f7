import { error } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { listCategories } from '$lib/server/queries/categories';
import {
	getPatchBySlug,
	listPresenceForPatch,
	listPublicAssetsInPatch
} from '$lib/server/queries/patches';
import { listPrintDetails, listPublicSessionsWithNotes } from '$lib/server/queries/whats-on';
import { pageLang } from '$lib/components/lang';
import { londonDate } from '$lib/domain/sessions';
import { groupForPrint } from './group';
import type { PageServerLoad } from './$types';

const slugSchema = z
	.string()
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
	.max(100);

export const load: PageServerLoad = async ({ params, url }) => {
	const slug = slugSchema.safeParse(params.slug);
	if (!slug.success) error(404, 'Page not found');
	const db = getDb();
	const patch = getPatchBySlug(db, slug.data);
	if (!patch) error(404, 'Page not found');
	const assets = listPublicAssetsInPatch(db, patch);
	// The patch page in the sheet's language: a Welsh sheet's code opens the Welsh page.
	const patchPath = `${pageLang() === 'cy' ? '/cy' : ''}/patches/${patch.slug}`;
	const ids = assets.map((asset) => asset.id);
	const sessions = listPublicSessionsWithNotes(db, ids);
	const { categories, phones } = listPrintDetails(db, ids);
	const sheetAssets = assets.map((asset) => ({
		id: asset.id,
		name: asset.name,
		nameCy: asset.nameCy,
		locationKind: asset.locationKind,
		address: asset.address,
		postcode: asset.postcode,
		cost: asset.cost,
		sessions: sessions.get(asset.id) ?? [],
		categoryIds: (categories.get(asset.id) ?? []).map((category) => category.id),
		phones: phones.get(asset.id) ?? []
	}));
	return {
		patch: {
			slug: patch.slug,
			name: patch.name,
			nameCy: patch.nameCy,
			coordinators: patch.coordinators
		},
		// In the order of the names the page shows, so Welsh readers get Welsh alphabetical order.
		groups: groupForPrint(sheetAssets, listCategories(db), pageLang()),
		// A printed sheet lasts for weeks: the weekly visits only, not one-offs.
		presence: listPresenceForPatch(db, patch.id, londonDate(new Date())).filter(
			(visit) => !visit.onDate
		),
		/** For the sheet's footer line: where to find it online. */
		origin: url.origin,
		/** A QR code of the patch page's address, as SVG markup made here (no script, no request). */
		qrSvg: await QRCode.toString(`${url.origin}${patchPath}`, {
			type: 'svg',
			margin: 0,
			errorCorrectionLevel: 'M'
		})
	};
};
