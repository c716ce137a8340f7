/**
 * What the staff screens that keep the directory true need to find in the demo: online and roaming
 * entries linked to their neighbourhoods' patches, consent for every informal support (some shown
 * publicly, some with their contacts too, some private), entries due for a check, stale and long
 * unchecked in most patches, and residents' suggestions waiting for a moderator.
 *
 * Each step runs after the assets are built, on its own random stream, so it changes nothing else
 * the generator made (names, places and contacts stay as they were).
 */
import type { DemoAssets, DemoConsent, DemoSuggestions } from '../domain/schemas/demo-borough';
import type { AreaGeometry } from '../domain/geometry';
import { pointInArea } from '../domain/point-in-area';
import type { VenueRecord } from './assets';
import type { ContactBook } from './contacts';
import type { Random } from './random';
import { addDays, REFERENCE_DATE } from './sessions';
import { areContactsShownToVisitors, isShownToVisitors } from '../domain/visibility';

type Asset = DemoAssets[number];
type Suggestion = DemoSuggestions[number];

export interface PatchShape {
	slug: string;
	geometry: AreaGeometry;
}

/**
 * The patches an entry belongs to, by slug: those its point falls in, or, online or roaming, those it
 * is linked to (the rule of src/lib/server/staff/entry-patches.ts).
 */
export function patchesOf(asset: Asset, patches: readonly PatchShape[]): string[] {
	if (asset.point) {
		const point = asset.point as [number, number];
		return patches.filter((p) => pointInArea(point, p.geometry)).map((p) => p.slug);
	}
	return [...(asset.linkedPatches ?? [])];
}

/** Whether a visitor may see the entry (src/lib/server/queries/visibility.ts). */
export function isVisibleToVisitors(asset: Asset): boolean {
	return isShownToVisitors({ ...asset, consentPublic: asset.consent?.public === true });
}

/** The contacts of an entry a visitor may see (the contact rule of visibility.ts). */
export function contactsVisibleToVisitors(asset: Asset): Asset['contacts'] {
	const facts = {
		...asset,
		consentPublic: asset.consent?.public === true,
		consentContactsPublic: asset.consent?.contactsPublic === true
	};
	if (!areContactsShownToVisitors(facts)) return [];
	return asset.contacts.filter((contact) => contact.visibility === 'public');
}

/**
 * What must never reach a visitor, for privacy checks: the names of entries they may not see, the
 * descriptions only those entries have, and every contact value they may not see (coordinators-only
 * ones, and those of entries or informal supports without consent). Each is unique to hidden things:
 * no text a visitor may see contains it.
 */
export function hiddenFromVisitors(assets: readonly Asset[]): {
	names: string[];
	descriptions: string[];
	contactValues: string[];
} {
	const visible = assets.filter(isVisibleToVisitors);
	const shownTexts = visible
		.flatMap((a) => [
			a.name,
			a.nameCy ?? '',
			a.description,
			a.descriptionCy ?? '',
			...contactsVisibleToVisitors(a).map((c) => c.value)
		])
		.join('\n');
	const hidden = assets.filter((a) => !isVisibleToVisitors(a));
	const shownValues = new Set(visible.flatMap(contactsVisibleToVisitors).map((c) => c.value));
	return {
		names: hidden.map((a) => a.name).filter((name) => !shownTexts.includes(name)),
		descriptions: [
			...new Set(
				hidden
					.flatMap((a) => [a.description, a.descriptionCy ?? ''])
					.filter((text) => text && !shownTexts.includes(text))
			)
		],
		contactValues: assets
			.flatMap((a) => a.contacts.map((c) => c.value))
			.filter((value) => !shownValues.has(value))
	};
}

/**
 * Links each online and roaming entry to the patches of the neighbourhood it was made for (none when
 * that is in no patch), and one online group to a second patch too: a group for two neighbourhoods.
 */
export function linkOnlineEntries(
	assets: Asset[],
	homeAreas: ReadonlyMap<string, number>,
	areaPatchSlugs: (area: number) => string[],
	allSlugs: readonly string[]
): void {
	for (const asset of assets) {
		const area = homeAreas.get(asset.ref);
		if (area === undefined) continue;
		const slugs = areaPatchSlugs(area);
		if (slugs.length) asset.linkedPatches = slugs;
	}
	const shared = assets.find(
		(a) =>
			a.locationKind === 'online' &&
			a.kind === 'group' &&
			a.status === 'published' &&
			a.linkedPatches?.length === 1
	);
	if (!shared) throw new Error('no online group to link to two patches');
	const [first] = shared.linkedPatches!;
	const second = allSlugs[(allSlugs.indexOf(first) + 1) % allSlugs.length];
	shared.linkedPatches = [first, second].sort();
}

/** Days since the last check, by band: fresh, due (6 to 12 months), stale (12 to 16 months). */
const CHECK_BANDS = [
	{ share: 0.64, days: [2, 170] },
	{ share: 0.22, days: [190, 350] },
	{ share: 0.14, days: [370, 480] }
] as const;
/** How many entries were last checked over 18 months ago, for the automatic archive to find. */
export const LONG_UNCHECKED_COUNT = 3;

/**
 * When each entry was last checked: most in the last six months, some due for a check, some stale,
 * and three published groups (in three patches) unchecked for over 18 months.
 */
export function spreadCheckDates(
	assets: Asset[],
	patchOf: (asset: Asset) => string[],
	rng: Random
): void {
	for (const asset of assets) {
		let r = rng.next();
		const band = CHECK_BANDS.find((b) => (r -= b.share) < 0) ?? CHECK_BANDS[0];
		asset.lastVerifiedOn = addDays(REFERENCE_DATE, -rng.int(band.days[0], band.days[1]));
	}
	const usedPatches = new Set<string>();
	let chosen = 0;
	for (const asset of rng.shuffle(assets)) {
		if (chosen === LONG_UNCHECKED_COUNT) break;
		if (asset.kind !== 'group' || asset.status !== 'published') continue;
		const patches = patchOf(asset);
		if (patches.length !== 1 || usedPatches.has(patches[0])) continue;
		usedPatches.add(patches[0]);
		asset.lastVerifiedOn = addDays(REFERENCE_DATE, -rng.int(560, 620));
		chosen++;
	}
}

const CONSENT_HOW = [
	'In person, with their coordinator',
	'In person, at a community event',
	'By phone, noted by their coordinator',
	'By email to their coordinator',
	'On a signed consent form'
];
/** Share of published informal supports whose person agreed to be shown publicly. */
const PUBLIC_SHARE = 0.55;

/**
 * Consent for every informal support: recorded on a date, and how. Of the published ones, a little
 * over half agreed to be shown publicly, and about half of those with a public contact agreed to show
 * it too; the rest are private (coordinators only). Drafts are private.
 */
export function recordConsent(assets: Asset[], rng: Random): void {
	const informal = assets.filter((a) => a.kind === 'informal_support');
	for (const asset of informal) {
		const recordedOn = addDays(asset.lastVerifiedOn ?? REFERENCE_DATE, -rng.int(0, 120));
		asset.consent = {
			recordedOn,
			how: rng.pick(CONSENT_HOW),
			public: false,
			contactsPublic: false
		};
	}
	const published = rng.shuffle(informal.filter((a) => a.status === 'published'));
	const shown = published.slice(0, Math.round(published.length * PUBLIC_SHARE));
	for (const asset of shown) {
		const consent = asset.consent!;
		consent.public = true;
		consent.publicOn = addDays(consent.recordedOn, rng.int(0, 30));
		if (consent.publicOn > REFERENCE_DATE) consent.publicOn = REFERENCE_DATE;
	}
	const hasPublicContact = (a: Asset) => a.contacts.some((c) => c.visibility === 'public');
	const withContact = shown.filter(hasPublicContact);
	for (const asset of withContact.slice(0, Math.ceil(withContact.length / 2))) {
		asset.consent!.contactsPublic = true;
	}
	for (const asset of shown.filter((a) => !hasPublicContact(a))) {
		if (rng.chance(0.3)) asset.consent!.contactsPublic = true;
	}
	// Key order as the schema lists it, so the file reads the same way for every entry.
	for (const asset of informal) {
		const { recordedOn, how, public: isPublic, publicOn, contactsPublic } = asset.consent!;
		const consent: DemoConsent = {
			recordedOn,
			how,
			public: isPublic,
			...(publicOn ? { publicOn } : {}),
			contactsPublic
		};
		asset.consent = consent;
	}
}

const NEW_ENTRIES: {
	name: string;
	description: string;
	when: string;
	category: string;
	kind: 'group' | 'informal_support' | 'service';
	contact: string | null;
}[] = [
	{
		name: 'Repair Café',
		description: 'Volunteers fix broken toasters, lamps, bikes and clothes while you have a cuppa.',
		when: 'Last Saturday of the month, 10am to 1pm',
		category: 'repair-and-reuse',
		kind: 'group',
		contact: 'repaircafe@example.com'
	},
	{
		name: 'Tuesday Ukulele Strummers',
		description: 'Beginners welcome. We have spare ukuleles to borrow.',
		when: 'Tuesday evenings, 7pm to 9pm',
		category: 'music-and-singing',
		kind: 'group',
		contact: null
	},
	{
		name: 'Lifts to the Hospital',
		description:
			'My neighbour drives people to the hospital for appointments if they cannot get the bus.',
		when: 'Weekdays, if you ring the day before',
		category: 'getting-about',
		kind: 'informal_support',
		contact: null
	},
	{
		name: 'Chair Yoga for Beginners',
		description: 'Gentle stretches sitting down, for any age and any fitness.',
		when: 'Thursdays, 11am to 12 noon',
		category: 'sport-and-exercise',
		kind: 'group',
		contact: 'chairyoga@example.com'
	}
];

const CHANGES = [
	'They meet on Thursdays now, not Tuesdays. Same time.',
	'It costs £3 a session now, not £2.',
	'It starts at 10:30 now, not 10:00.',
	'They have moved to the back room: the door is round the side and there are two steps.',
	'The website link does not work any more.',
	'There is a new organiser, and they now also meet in the school holidays.'
];
const CLOSURES: (string | null)[] = [
	'The last session was in September. The organiser has retired.',
	'The building has been shut since the summer and the sign has gone.',
	null
];

/**
 * Residents' suggestions waiting for a moderator: new entries (at a venue, with its postcode, so a
 * moderator can tell where), changes and closures of visible entries in different patches, a few
 * with the submitter's name and email. Oldest first, within the six weeks before the reference date.
 */
export function makeSuggestions(
	assets: readonly Asset[],
	venues: readonly VenueRecord[],
	patchSlugs: readonly string[],
	patchOf: (asset: Asset) => string[],
	book: ContactBook,
	rng: Random
): DemoSuggestions {
	const candidates = (slug: string) =>
		assets.filter(
			(a) =>
				isVisibleToVisitors(a) &&
				a.kind !== 'venue' &&
				patchOf(a).length === 1 &&
				patchOf(a)[0] === slug
		);
	const patchOrder = rng.shuffle(patchSlugs);
	const used = new Set<string>();
	const pickIn = (slug: string) => {
		const pool = candidates(slug).filter((a) => !used.has(a.ref));
		const asset = rng.pick(pool);
		used.add(asset.ref);
		return asset;
	};
	const openVenues = venues.filter((v) => v.asset.status === 'published' && v.asset.postcode);
	const suggestions: Omit<Suggestion, 'createdAt' | 'submitterName' | 'submitterEmail'>[] = [
		...NEW_ENTRIES.map((entry) => {
			const venue = rng.pick(openVenues).asset;
			return {
				kind: 'new' as const,
				details: {
					name: entry.name,
					description: entry.description,
					whenWhere: `${entry.when}, at ${venue.name}, ${venue.postcode}`,
					contact: entry.contact,
					category: entry.category,
					kind: entry.kind
				}
			};
		}),
		...CHANGES.map((text, i) => ({
			kind: 'change' as const,
			assetRef: pickIn(patchOrder[i % patchOrder.length]).ref,
			details: { details: text }
		})),
		...CLOSURES.map((text, i) => ({
			kind: 'closed' as const,
			assetRef: pickIn(patchOrder[(i + CHANGES.length) % patchOrder.length]).ref,
			details: { details: text }
		}))
	];
	// Who sent them: some give a name and email, one a name only, the rest nothing.
	const senders = rng.shuffle(suggestions.map((_, i) => i));
	const named = new Set(senders.slice(0, 5));
	const nameOnly = senders[5];
	const times = suggestions
		.map(() => {
			const day = addDays(REFERENCE_DATE, -rng.int(1, 42));
			const hour = String(rng.int(7, 21)).padStart(2, '0');
			const minute = String(rng.int(0, 59)).padStart(2, '0');
			return `${day}T${hour}:${minute}:00.000Z`;
		})
		.sort();
	return rng.shuffle(suggestions).map((suggestion, i): Suggestion => {
		const index = suggestions.indexOf(suggestion);
		const person = named.has(index) || index === nameOnly ? book.person() : null;
		return {
			...suggestion,
			...(person ? { submitterName: person.name } : {}),
			...(person && named.has(index) ? { submitterEmail: person.email } : {}),
			createdAt: times[i]
		};
	});
}
