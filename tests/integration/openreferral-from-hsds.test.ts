import { describe, expect, it } from 'vitest';
import { context, knitting } from '../../src/lib/domain/exchange/openreferral/fixtures.test-data';
import {
	serviceToAssetDraft,
	type FromHsdsContext
} from '../../src/lib/domain/exchange/openreferral/from-hsds';
import { toService } from '../../src/lib/domain/exchange/openreferral/to-hsds';
import { readRealJson } from '../real-data';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the feeds are real JSON, read by shape below
const read = (path: string): any => readRealJson('openreferral', path);
const base: FromHsdsContext = { source: 'openreferral:test', defaultCategoryId: 'social' };

describe('serviceToAssetDraft: Patchwork’s own feed', () => {
	it('reads back what toService wrote (public details)', () => {
		const result = serviceToAssetDraft(toService(knitting, context), {
			...base,
			knownCategoryIds: new Set(['social', 'coffee-and-chat']),
			activeStatus: 'published'
		});
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.warnings).toEqual([]);
		const { draft } = result;
		expect(draft).toMatchObject({
			externalId: context.ids.row('service', 12),
			kind: 'group',
			sector: null,
			name: knitting.name,
			description: knitting.description,
			locationKind: 'place',
			point: { lon: -2.906396, lat: 53.05112 },
			address: '140 Well Street, Aldermoor',
			postcode: 'FV7 0RE',
			ageMin: 16,
			ageMax: null,
			cost: 'low',
			costDetail: knitting.costDetail,
			languages: ['en', 'cy'],
			status: 'published',
			lastVerifiedOn: '2026-10-01',
			categories: ['social', 'coffee-and-chat']
		});
		// The asset's own features and the venue's, which the draft cannot tell apart.
		expect(draft.accessibility.sort()).toEqual(['hearing_loop', 'large_print', 'step_free']);
		expect(draft.sessions).toEqual(knitting.sessions.map(({ id: _id, ...rule }) => rule));
		expect(draft.contacts.map((c) => [c.kind, c.value, c.visibility])).toEqual([
			['email', 'knit@example.org', 'public'],
			['website', 'https://example.org/knit', 'public'],
			['phone', '01632 960001', 'public']
		]);
	});
});

describe('serviceToAssetDraft: the profile’s example service', () => {
	const example = read('uk-profile-examples/service_full.json');
	const result = serviceToAssetDraft(example, base);

	it('lands, with its bad coordinates and US postcode reported rather than kept', () => {
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.draft).toMatchObject({
			kind: 'service',
			sector: 'community',
			locationKind: 'roaming',
			point: null,
			ageMin: 12,
			ageMax: 100,
			cost: 'paid',
			costDetail: '£35 per 1 hour session (Under 18s and Over 60s)',
			status: 'draft',
			lastVerifiedOn: '2005-01-01',
			accessibility: ['step_free', 'hearing_loop']
		});
		expect(result.warnings).toEqual(
			expect.arrayContaining([
				'postcode "ABC 1234" is not a UK postcode',
				'coordinates 100, 101 are not a place on Earth'
			])
		);
		// TH,FR 10:00-18:00 weekly; the example's bymonthday is ignored with a warning.
		expect(result.draft.sessions.map((s) => [s.frequency, s.weekday])).toEqual([
			['weekly', 4],
			['weekly', 5]
		]);
		expect(result.draft.contacts.find((c) => c.kind === 'person')).toMatchObject({
			value: 'Ann Persona',
			label: 'Reception Manager',
			visibility: 'coordinators'
		});
	});

	it('is placed at its postcode when the caller can locate it', () => {
		const uk = structuredClone(example);
		uk.service_at_locations[0].location.addresses[0].postal_code = 'fv7 0re';
		const placed = serviceToAssetDraft(uk, {
			...base,
			locatePostcode: (postcode) => (postcode === 'FV7 0RE' ? { lon: -2.9, lat: 53.05 } : null)
		});
		expect(placed.ok && placed.draft).toMatchObject({
			locationKind: 'place',
			point: { lon: -2.9, lat: 53.05 },
			postcode: 'FV7 0RE'
		});
	});
});

describe('serviceToAssetDraft: real council feeds', () => {
	for (const [file, total, rejected] of [
		['bristol_council_services.json', 819, 1],
		['north_lincolnshire_council_services.json', 738, 0]
	] as const) {
		it(`takes every service with a name from ${file}, and says why not the others`, () => {
			const feed: unknown[] = read(`real-feeds-2024-12/${file}`);
			expect(feed.length).toBe(total);
			const results = feed.map((service) => serviceToAssetDraft(service, base));
			const failed = results.filter((r) => !r.ok);
			expect(failed.length).toBe(rejected);
			for (const failure of failed)
				expect(!failure.ok && failure.reasons).toEqual(['its name is empty']);
			for (const result of results) {
				if (!result.ok) continue;
				expect(result.draft.description).not.toMatch(/<[a-z/][^>]*>|&nbsp;|&amp;/i);
				expect(result.draft.locationKind).toBe('roaming');
			}
		});
	}

	it('lets the caller map audience tags to categories', () => {
		const [, service] = read('real-feeds-2024-12/bristol_council_services.json');
		const result = serviceToAssetDraft(service, {
			...base,
			categoryFor: (term) => (term.name?.trim() === 'Homeless' ? 'housing-and-home' : null)
		});
		expect(result.ok && result.draft.categories).toEqual(['housing-and-home']);
	});
});

describe('serviceToAssetDraft: bad input', () => {
	it('gives reasons instead of throwing', () => {
		expect(serviceToAssetDraft(null, base)).toEqual({
			ok: false,
			reasons: ['it is not a JSON object']
		});
		expect(serviceToAssetDraft([1], base)).toEqual({
			ok: false,
			reasons: ['it is not a JSON object']
		});
		expect(serviceToAssetDraft({ name: 'x' }, base)).toEqual({
			ok: false,
			reasons: ['it has no id']
		});
		expect(serviceToAssetDraft({ id: 5, name: '<p>&nbsp;</p>' }, base)).toEqual({
			ok: false,
			reasons: ['its name is empty']
		});
	});

	it('survives wrong types everywhere', () => {
		const result = serviceToAssetDraft(
			{
				id: 'x1',
				name: 'Odd',
				description: 42,
				minimum_age: 'ten',
				maximum_age: 3.5,
				schedules: 'weekly',
				contacts: [null, { phones: [{ number: 123 }] }],
				languages: [{ name: 'Klingon' }],
				service_at_locations: [{ location: { latitude: '53.1', longitude: '-2.9' } }]
			},
			base
		);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.draft).toMatchObject({
			ageMin: null,
			ageMax: 4,
			point: { lon: -2.9, lat: 53.1 }
		});
		expect(result.draft.contacts).toEqual([
			expect.objectContaining({ kind: 'phone', value: '123' })
		]);
		expect(result.warnings).toContain('language "Klingon" is not one Patchwork knows');
	});
});
