import { ROLE_LABELS, listPatchesForUser, requireUser } from '$lib/server/auth';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

const longDate = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'Europe/London'
});

export const load: PageServerLoad = ({ locals, url }) => {
	const user = requireUser(locals, url);
	return {
		account: {
			displayName: user.displayName,
			email: user.email,
			role: user.role,
			roleLabel: ROLE_LABELS[user.role]
		},
		patches: user.role === 'coordinator' ? listPatchesForUser(getDb(), user.id) : [],
		signedInUntil: locals.session ? longDate.format(locals.session.expiresAt) : null
	};
};
