import { ROLE_LABELS, listPatchesForUser, requireUser } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { listPresenceForUser } from '$lib/server/queries/patches';
import { formatDate } from '$lib/domain/format';
import { usesSingleVenue } from '$lib/domain/presence';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const user = requireUser(locals, url);
	const isCoordinator = user.role === 'coordinator';
	const presence = isCoordinator ? listPresenceForUser(getDb(), user.id) : [];
	return {
		account: {
			displayName: user.displayName,
			email: user.email,
			role: user.role,
			roleLabel: ROLE_LABELS[user.role]
		},
		patches: isCoordinator ? listPatchesForUser(getDb(), user.id) : [],
		presence,
		singleVenue: usesSingleVenue(presence),
		signedInUntil: locals.session ? formatDate(locals.session.expiresAt) : null
	};
};
