import { booleanPointInPolygon, point } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { ASSET_KINDS } from '../domain/vocabulary';
import { isVisibleToVisitors } from './keeping-true';
import { REFERENCE_DATE, addDays, isoWeekday } from './sessions';
import { generatedDemo } from './test-fixture';

const demo = generatedDemo();
const { assets, categories, users } = demo;
const published = assets.filter((a) => a.status === 'published');
const visible = assets.filter(isVisibleToVisitors);
const borough: Feature<Polygon> = {
	type: 'Feature',
	properties: {},
	geometry: demo.programme.boundary as Polygon
};
const smallAreas = demo.smallAreas.features as Feature<Polygon>[];

describe('demo assets', () => {
	it('number at least 400, of every kind, with unique refs and names', () => {
		expect(assets.length).toBeGreaterThanOrEqual(400);
		for (const kind of ASSET_KINDS)
			expect(
				published.some((a) => a.kind === kind),
				kind
			).toBe(true);
		expect(new Set(assets.map((a) => a.ref)).size).toBe(assets.length);
		expect(new Set(assets.map((a) => a.name)).size).toBe(assets.length);
	});

	it('use only known categories, and every category is used by 3 or more visible assets', () => {
		const ids = new Set(categories.map((c) => c.id));
		for (const asset of assets) for (const c of asset.categories) expect(ids.has(c), c).toBe(true);
		for (const category of categories) {
			const uses = visible.filter((a) => a.categories.includes(category.id)).length;
			expect(uses, category.id).toBeGreaterThanOrEqual(3);
		}
	});

	it('give services a sector and nothing else one', () => {
		for (const asset of assets) {
			expect(asset.sector !== undefined, asset.name).toBe(asset.kind === 'service');
		}
		const sectors = new Set(assets.map((a) => a.sector).filter(Boolean));
		expect([...sectors].sort()).toEqual(['commissioned', 'community', 'statutory']);
	});

	it('put every place inside the borough and inside a small area; online and roaming have no point', () => {
		for (const asset of assets) {
			if (asset.locationKind !== 'place') {
				expect(asset.point, asset.name).toBeUndefined();
				continue;
			}
			const p = point(asset.point!);
			expect(booleanPointInPolygon(p, borough), asset.name).toBe(true);
			expect(
				smallAreas.some((f) => booleanPointInPolygon(p, f)),
				asset.name
			).toBe(true);
			expect(asset.postcode, asset.name).toMatch(/^FV\d{1,2} \d[A-Z]{2}$/);
		}
		expect(assets.some((a) => a.locationKind === 'online')).toBe(true);
		expect(assets.some((a) => a.locationKind === 'roaming')).toBe(true);
	});

	it('meet at venues that exist, sharing the venue’s point, address and postcode', () => {
		const venues = new Map(assets.filter((a) => a.kind === 'venue').map((v) => [v.ref, v]));
		const atVenues = assets.filter((a) => a.venueRef);
		expect(atVenues.length).toBeGreaterThan(150);
		for (const asset of atVenues) {
			const venue = venues.get(asset.venueRef!);
			expect(venue, asset.name).toBeDefined();
			expect(venue?.status, asset.name).toBe('published');
			expect([asset.point, asset.address, asset.postcode]).toEqual([
				venue?.point,
				venue?.address,
				venue?.postcode
			]);
		}
	});

	it('have well-formed sessions: fortnightly ones anchored on their weekday, monthly ones with a week', () => {
		const sessions = assets.flatMap((a) => a.sessions);
		for (const frequency of ['weekly', 'fortnightly', 'monthly']) {
			expect(
				sessions.some((s) => s.frequency === frequency),
				frequency
			).toBe(true);
		}
		for (const s of sessions) {
			expect(s.startTime < s.endTime).toBe(true);
			expect(s.anchorDate !== undefined).toBe(s.frequency === 'fortnightly');
			expect(s.weekOfMonth !== undefined).toBe(s.frequency === 'monthly');
			if (s.anchorDate) expect(isoWeekday(s.anchorDate)).toBe(s.weekday);
		}
		expect(sessions.some((s) => s.weekOfMonth === -1)).toBe(true);
	});

	it('include drafts and published informal supports, and a few archived assets', () => {
		const informal = assets.filter((a) => a.kind === 'informal_support');
		expect(informal.some((a) => a.status === 'draft')).toBe(true);
		expect(informal.some((a) => a.status === 'published')).toBe(true);
		const archived = assets.filter((a) => a.status === 'archived').length;
		expect(archived).toBeGreaterThanOrEqual(3);
		expect(archived).toBeLessThan(20);
	});

	it('are mostly checked in the last 12 months, with at least 40 older, each by a demo user', () => {
		const yearAgo = addDays(REFERENCE_DATE, -365);
		const stale = assets.filter((a) => a.lastVerifiedOn! < yearAgo).length;
		expect(stale).toBeGreaterThanOrEqual(40);
		expect(stale).toBeLessThan(assets.length / 4);
		const emails = new Set(users.map((u) => u.email));
		for (const asset of assets) {
			expect(asset.lastVerifiedOn! <= REFERENCE_DATE).toBe(true);
			expect(emails.has(asset.lastVerifiedBy!), asset.name).toBe(true);
		}
	});

	it('cover ages, family-friendly, costs, languages, access and Welsh', () => {
		expect(assets.some((a) => a.ageMax !== undefined && a.ageMax <= 5)).toBe(true);
		expect(assets.some((a) => a.ageMin === 18 && a.ageMax === undefined)).toBe(true);
		expect(assets.some((a) => a.familyFriendly)).toBe(true);
		for (const cost of ['free', 'low', 'paid'])
			expect(
				assets.some((a) => a.cost === cost),
				cost
			).toBe(true);
		expect(assets.filter((a) => a.costDetail).every((a) => a.cost !== undefined)).toBe(true);
		for (const language of ['cy', 'pl', 'ur']) {
			expect(
				assets.some((a) => a.languages.includes(language)),
				language
			).toBe(true);
		}
		expect(assets.some((a) => a.accessibility.includes('step_free'))).toBe(true);
		expect(assets.filter((a) => a.nameCy && a.descriptionCy).length).toBeGreaterThan(20);
	});

	it('use reserved drama numbers and example domains only', () => {
		for (const contact of assets.flatMap((a) => a.contacts)) {
			if (contact.kind === 'phone')
				expect(contact.value).toMatch(/^(01632 960\d{3}|07700 900\d{3})$/);
			if (contact.kind === 'email') expect(contact.value).toMatch(/@example\.(org|com)$/);
			if (contact.kind === 'website')
				expect(contact.value).toMatch(/^https:\/\/example\.(org|com)\//);
		}
	});

	it('keep every coordinators-only value out of every public text', () => {
		const hidden = assets.flatMap((a) => a.contacts).filter((c) => c.visibility === 'coordinators');
		expect(hidden.length).toBeGreaterThan(100);
		const publicTexts = [
			demo.files.programme,
			demo.files.patches,
			demo.files.categories,
			...users.flatMap((u) => [u.email, u.displayName, ...u.presence.map((p) => p.note ?? '')]),
			...assets.flatMap((a) => [
				a.name,
				a.nameCy ?? '',
				a.description,
				a.descriptionCy ?? '',
				a.address ?? '',
				a.postcode ?? '',
				...a.sessions.map((s) => s.note ?? ''),
				...a.contacts
					.filter((c) => c.visibility === 'public')
					.map((c) => `${c.label ?? ''} ${c.value}`)
			])
		].join('\n');
		for (const contact of hidden)
			expect(publicTexts.includes(contact.value), contact.value).toBe(false);
		expect(new Set(hidden.map((c) => c.value)).size).toBe(hidden.length);
	});
});
