import { requireRole } from '$lib/server/auth';
import { listUsersForAdmin } from '$lib/server/auth/admin-users';
import { getDb } from '$lib/server/db';
import { ROLE_LABELS } from '$lib/domain/vocabulary';
import { formatDateTime } from '$lib/domain/format';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	requireRole(locals, url, 'admin');
	return {
		users: listUsersForAdmin(getDb()).map((user) => ({
			id: user.id,
			displayName: user.displayName,
			email: user.email,
			role: ROLE_LABELS[user.role],
			patches: user.patches.map((patch) => patch.name),
			status: user.disabled
				? 'Disabled'
				: user.waitingForLink
					? 'Waiting for first sign-in'
					: 'Can sign in',
			disabled: user.disabled,
			lastSignIn: user.lastSignInAt ? formatDateTime(user.lastSignInAt) : null
		}))
	};
};
