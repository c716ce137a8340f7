import { requireRole } from '$lib/server/auth';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	// Loads run alongside the layout's, so each page checks too rather than rely on it.
	requireRole(locals, url, 'council');
	return {};
};
