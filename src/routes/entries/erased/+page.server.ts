import { requireRole } from '$lib/server/auth';
import type { PageServerLoad } from './$types';

/** Where "Remove this person's data" lands: staff only, like the page it comes from. */
export const load: PageServerLoad = ({ locals, url }) => {
	requireRole(locals, url, 'coordinator', 'council');
	return {};
};
