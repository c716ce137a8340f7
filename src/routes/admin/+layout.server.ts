import { requireRole } from '$lib/server/auth';
import type { LayoutServerLoad } from './$types';

/**
 * Every admin page needs an administrator. Layouts guard loads, not form actions or +server.ts
 * endpoints: each of those calls requireRole itself.
 */
export const load: LayoutServerLoad = ({ locals, url }) => {
	requireRole(locals, url, 'admin');
	return {};
};
