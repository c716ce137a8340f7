/**
 * Demo accounts: a council lead, an admin and one coordinator per patch, with the venues each
 * coordinator is at through the week. Passwords are printed in the open on purpose: the borough is
 * fictional and the accounts exist only in demo databases.
 */
import type { DemoUsers } from '../domain/schemas/demo-borough';
import type { VenueRecord } from './assets';
import type { ContactBook } from './contacts';
import { distance2, type XY } from './plane';
import type { SmallArea } from './borough';
import { slugify } from './names';
import type { Random } from './random';

type User = DemoUsers[number];

export const DEMO_PASSWORDS = {
	council: 'council-demo-2026',
	admin: 'admin-demo-2026',
	coordinator: 'coordinator-demo-2026'
} as const;

export const COUNCIL_EMAIL = 'council.lead@example.org';
export const ADMIN_EMAIL = 'admin@example.org';

/** The accounts without presence yet: council, admin, then a coordinator for each patch in order. */
export function makeUsers(patchSlugs: readonly string[], book: ContactBook): User[] {
	const coordinators = patchSlugs.map((slug): User => {
		const { name } = book.person();
		return {
			email: `${slugify(name).replace(/-/g, '.')}@example.org`,
			displayName: name,
			role: 'coordinator',
			password: DEMO_PASSWORDS.coordinator,
			patches: [slug],
			presence: []
		};
	});
	return [
		{
			email: COUNCIL_EMAIL,
			displayName: 'Programme lead (demo)',
			role: 'council',
			password: DEMO_PASSWORDS.council,
			patches: [],
			presence: []
		},
		{
			email: ADMIN_EMAIL,
			displayName: 'Administrator (demo)',
			role: 'admin',
			password: DEMO_PASSWORDS.admin,
			patches: [],
			presence: []
		},
		...coordinators
	];
}

const SLOTS = ['09:30-12:30', '10:00-12:00', '13:00-15:30', '13:30-16:30'] as const;
const NOTES = [
	'Drop in: no appointment needed.',
	'In the café area.',
	'Ask at reception.',
	'Meeting room 2.',
	undefined,
	undefined
];

/**
 * Gives each coordinator a week of presence at published venues in their patch (the nearest others if
 * the patch has fewer than three), at three or more venues, except one coordinator whose whole week is
 * at a single venue, so the "only one venue" flag has someone to show.
 */
export function addPresence(
	coordinators: readonly User[],
	footprints: readonly (readonly number[])[],
	areas: readonly SmallArea[],
	venues: readonly VenueRecord[],
	singleVenuePatch: number,
	rng: Random
): void {
	const open = venues.filter((v) => v.asset.status === 'published');
	coordinators.forEach((user, p) => {
		const inPatch = new Set(footprints[p]);
		const centre = centreOf(footprints[p], areas);
		const local = open.filter((v) => inPatch.has(v.area));
		const nearby = open
			.filter((v) => !inPatch.has(v.area))
			.sort(
				(a, b) => distance2(areas[a.area].centre, centre) - distance2(areas[b.area].centre, centre)
			);
		const pool = [...rng.shuffle(local), ...nearby];
		const chosen = p === singleVenuePatch ? pool.slice(0, 1) : pool.slice(0, rng.int(3, 4));
		const days = rng
			.shuffle([1, 2, 3, 4, 5])
			.slice(0, rng.int(4, 5))
			.sort((a, b) => a - b);
		user.presence = days.map((weekday, k) => {
			const [startTime, endTime] = rng.pick(SLOTS).split('-');
			const note = rng.pick(NOTES);
			return {
				venueRef: chosen[k % chosen.length].asset.ref,
				weekday,
				startTime,
				endTime,
				...(note ? { note } : {})
			};
		});
	});
}

function centreOf(ids: readonly number[], areas: readonly SmallArea[]): XY {
	const people = ids.reduce((s, i) => s + areas[i].population, 0);
	return [
		ids.reduce((s, i) => s + areas[i].centre[0] * areas[i].population, 0) / people,
		ids.reduce((s, i) => s + areas[i].centre[1] * areas[i].population, 0) / people
	];
}
