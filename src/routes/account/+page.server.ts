import { ROLE_LABELS, listPatchesForUser, requireUser } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import { listPresenceForUser } from '$lib/server/queries/patches';
import { formatDate } from '$lib/domain/format';
import { usesSingleVenue } from '$lib/domain/presence';
import { londonDate } from '$lib/domain/sessions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const user = requireUser(locals, url);
	const isCoordinator = user.role === 'coordinator';
	const presence = isCoordinator
		? listPresenceForUser(getDb(), user.id, londonDate(new Date()))
		: [];
	const weekly = presence.filter((visit) => !visit.onDate);
	return {
		account: {
			displayName: user.displayName,
			email: user.email,
			role: user.role,
			roleLabel: ROLE_LABELS[user.role]
		},
		patches: isCoordinator ? listPatchesForUser(getDb(), user.id) : [],
		presence: weekly,
		oneOffs: presence
			.filter((visit) => visit.onDate)
			.map((visit) => ({ ...visit, date: formatDate(visit.onDate!) })),
		// The warning is about the usual week, so one-offs do not count.
		singleVenue: usesSingleVenue(weekly),
		signedInUntil: locals.session ? formatDate(locals.session.expiresAt) : null,
		passwordChanged: url.searchParams.has('password-changed')
	};
};
