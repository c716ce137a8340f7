import { env } from '$env/dynamic/private';
import { configuredBasemap } from '$lib/server/basemap';
import { getDb } from '$lib/server/db';
import { getProgramme } from '$lib/server/queries/patches';
import { londonDate } from '$lib/domain/sessions';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	const programme = getProgramme(getDb());
	return {
		programme: programme && {
			name: programme.name,
			nameCy: programme.nameCy,
			isFictional: programme.isFictional
		},
		/** Today in Europe/London, so freshness and "next meets" agree between server and browser. */
		today: londonDate(new Date()),
		/** The programme's stale limit (months since the last check), for every freshness label. */
		staleMonths: programme?.checkStaleMonths ?? 12,
		/** The background map (a style URL, or a file Patchwork serves); null keeps the offline plain style. */
		basemap: configuredBasemap(env),
		user: locals.user && { displayName: locals.user.displayName, role: locals.user.role }
	};
};
