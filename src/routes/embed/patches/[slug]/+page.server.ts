/**
 * "What's on in this neighbourhood" for other websites to frame (a community centre's, a parish's):
 * the patch's groups meeting in the next 7 days, the same list as its page's. No script runs (csr
 * off, so no inline script needs a nonce), no cookie is set (hooks.server.ts skips the session
 * here), and any site may frame it (security-headers.ts: frame-ancestors * on /embed only).
 */
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { readPatchWhatsOn } from '$lib/server/patch-whats-on';
import { londonDate } from '$lib/domain/sessions';
import { pageLang } from '$lib/components/lang';
import type { PageServerLoad } from './$types';

/** Plain HTML and a stylesheet: nothing for the framing page to load or run. */
export const csr = false;

const slugSchema = z
	.string()
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
	.max(100);

export const load: PageServerLoad = ({ params, setHeaders }) => {
	const slug = slugSchema.safeParse(params.slug);
	if (!slug.success) error(404, 'Page not found');
	const found = readPatchWhatsOn(getDb(), slug.data, pageLang(), londonDate(new Date()));
	if (!found) error(404, 'Page not found');
	// The same for every visitor (no session is read here): shared caches may keep it a few minutes.
	setHeaders({ 'cache-control': 'public, max-age=300' });
	return found;
};
