import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../domain/geometry';
import { staleCutoff } from '../domain/directory/freshness';
import {
	contactsVisibleToVisitors,
	hiddenFromVisitors,
	isVisibleToVisitors,
	LONG_UNCHECKED_COUNT,
	patchesOf
} from './keeping-true';
import { REFERENCE_DATE } from './sessions';
import { generatedDemo } from './test-fixture';

const demo = generatedDemo();
const { assets, suggestions, users } = demo;
const patches = demo.patches.features.map((f) => ({
	slug: f.properties.slug,
	geometry: f.geometry as AreaGeometry
}));
const slugs = patches.map((p) => p.slug);
const patchOf = (asset: (typeof assets)[number]) => patchesOf(asset, patches);
const byRef = new Map(assets.map((a) => [a.ref, a]));
const informal = assets.filter((a) => a.kind === 'informal_support');
const publishedInformal = informal.filter((a) => a.status === 'published');
const hasPublicContact = (a: (typeof assets)[number]) =>
	a.contacts.some((c) => c.visibility === 'public');

describe('consent of informal supports', () => {
	it('is recorded for every informal support, on a date no later than its last check, and how', () => {
		expect(informal.length).toBeGreaterThan(40);
		for (const asset of informal) {
			const consent = asset.consent!;
			expect(consent.recordedOn <= asset.lastVerifiedOn!, asset.name).toBe(true);
			expect(consent.how.length).toBeGreaterThan(5);
			if (consent.public) expect(consent.publicOn! >= consent.recordedOn).toBe(true);
			expect(consent.publicOn! <= REFERENCE_DATE || !consent.public).toBe(true);
		}
		expect(assets.filter((a) => a.consent && a.kind !== 'informal_support')).toEqual([]);
	});

	it('shows some publicly, some with their contacts too, and keeps others private', () => {
		const shown = publishedInformal.filter((a) => a.consent!.public);
		const held = publishedInformal.filter((a) => !a.consent!.public);
		expect(shown.length).toBeGreaterThanOrEqual(10);
		expect(held.length).toBeGreaterThanOrEqual(10);
		// Something for the privacy checks to find: public contacts of both kinds of consent.
		const withContacts = shown.filter((a) => a.consent!.contactsPublic && hasPublicContact(a));
		const withoutContacts = shown.filter((a) => !a.consent!.contactsPublic && hasPublicContact(a));
		expect(withContacts.length).toBeGreaterThanOrEqual(2);
		expect(withoutContacts.length).toBeGreaterThanOrEqual(2);
		expect(held.filter(hasPublicContact).length).toBeGreaterThanOrEqual(2);
		// Drafts are private, and held privately in most patches.
		expect(informal.filter((a) => a.status === 'draft' && a.consent!.public)).toEqual([]);
		const patchesWithPrivate = new Set(held.flatMap(patchOf));
		expect(patchesWithPrivate.size).toBeGreaterThanOrEqual(slugs.length - 2);
	});
});

describe('links of online and roaming entries to patches', () => {
	it('link only online and roaming entries, to patches that exist', () => {
		const linked = assets.filter((a) => a.linkedPatches);
		expect(linked.length).toBeGreaterThan(20);
		for (const asset of linked) {
			expect(asset.locationKind).not.toBe('place');
			for (const slug of asset.linkedPatches!) expect(slugs).toContain(slug);
		}
	});

	it('include an online entry linked to two patches', () => {
		expect(
			assets.some(
				(a) =>
					a.locationKind === 'online' && a.status === 'published' && a.linkedPatches?.length === 2
			)
		).toBe(true);
	});
});

describe('freshness', () => {
	const visible = assets.filter(isVisibleToVisitors);
	const months = (n: number) => staleCutoff(REFERENCE_DATE, n);

	it('has entries due for a check and stale ones in most patches', () => {
		const due = visible.filter(
			(a) => a.lastVerifiedOn! < months(6) && a.lastVerifiedOn! >= months(12)
		);
		const stale = visible.filter((a) => a.lastVerifiedOn! < months(12));
		for (const list of [due, stale]) {
			const inPatches = new Set(list.flatMap(patchOf));
			expect(inPatches.size).toBeGreaterThanOrEqual(slugs.length - 1);
		}
		// Most entries are fresh: the to-check lists are work, not the whole directory.
		expect(due.length + stale.length).toBeLessThan(visible.length / 2);
	});

	it('has a few published entries unchecked for over 18 months, in different patches', () => {
		const old = assets.filter((a) => a.status === 'published' && a.lastVerifiedOn! < months(18));
		expect(old).toHaveLength(LONG_UNCHECKED_COUNT);
		expect(new Set(old.flatMap(patchOf)).size).toBe(LONG_UNCHECKED_COUNT);
		// The next oldest are well inside 18 months, so the demo's automatic archive finds three.
		const rest = assets.filter((a) => !old.includes(a)).map((a) => a.lastVerifiedOn!);
		expect(rest.every((date) => date >= months(16))).toBe(true);
	});
});

describe('open suggestions', () => {
	it('include each kind, oldest first, about entries a visitor can see in three or more patches', () => {
		for (const kind of ['new', 'change', 'closed'] as const) {
			expect(suggestions.filter((s) => s.kind === kind).length, kind).toBeGreaterThanOrEqual(2);
		}
		const times = suggestions.map((s) => s.createdAt);
		expect(times).toEqual([...times].sort());
		expect(times.every((time) => time.slice(0, 10) <= REFERENCE_DATE)).toBe(true);
		const about = suggestions.filter((s) => s.assetRef).map((s) => byRef.get(s.assetRef!)!);
		for (const asset of about) expect(isVisibleToVisitors(asset), asset.name).toBe(true);
		expect(new Set(about.flatMap(patchOf)).size).toBeGreaterThanOrEqual(3);
	});

	it('say where a new entry would be: a venue and its postcode', () => {
		const postcodes = new Set(assets.map((a) => a.postcode).filter(Boolean));
		for (const suggestion of suggestions.filter((s) => s.kind === 'new')) {
			const postcode = /FV\d{1,2} \d[A-Z]{2}$/.exec(String(suggestion.details.whenWhere))?.[0];
			expect(postcodes.has(postcode), String(suggestion.details.whenWhere)).toBe(true);
			expect(demo.categories.map((c) => c.id)).toContain(suggestion.details.category);
		}
	});

	it('have a few submitters with a name and email, invented and used nowhere else', () => {
		const withEmail = suggestions.filter((s) => s.submitterName && s.submitterEmail);
		expect(withEmail.length).toBeGreaterThanOrEqual(3);
		expect(suggestions.some((s) => !s.submitterName && !s.submitterEmail)).toBe(true);
		const elsewhere = [demo.files.assets, demo.files.users, demo.files.patches].join('\n');
		for (const s of suggestions) {
			for (const value of [s.submitterName, s.submitterEmail].filter(Boolean)) {
				expect(elsewhere.includes(value!), value).toBe(false);
			}
			if (s.submitterEmail) expect(s.submitterEmail).toMatch(/@example\.com$/);
		}
		expect(users.length).toBeGreaterThan(0);
	});
});

describe('what is hidden from visitors', () => {
	const hidden = hiddenFromVisitors(assets);

	it('has names, descriptions and contacts of private informal supports to look for', () => {
		const privateSupports = publishedInformal.filter((a) => !a.consent!.public);
		for (const asset of privateSupports) expect(hidden.names).toContain(asset.name);
		expect(
			privateSupports.filter((a) => hidden.descriptions.includes(a.description)).length
		).toBeGreaterThanOrEqual(5);
		for (const asset of privateSupports) {
			for (const contact of asset.contacts) expect(hidden.contactValues).toContain(contact.value);
		}
		const shownWithoutContacts = publishedInformal.filter(
			(a) => a.consent!.public && !a.consent!.contactsPublic
		);
		for (const contact of shownWithoutContacts.flatMap((a) => a.contacts)) {
			expect(hidden.contactValues).toContain(contact.value);
		}
	});

	it('never hides a contact value that a visible entry shows, nor one inside a visible text', () => {
		const shown = assets
			.filter(isVisibleToVisitors)
			.flatMap((a) => [
				a.name,
				a.nameCy ?? '',
				a.description,
				a.descriptionCy ?? '',
				a.address ?? '',
				...a.sessions.map((session) => session.note ?? ''),
				...contactsVisibleToVisitors(a).map((c) => `${c.label ?? ''} ${c.value}`)
			])
			.join('\n');
		const inside = hidden.contactValues.filter((value) => shown.includes(value));
		expect(inside).toEqual([]);
		expect(new Set(hidden.contactValues).size).toBe(hidden.contactValues.length);
	});
});
