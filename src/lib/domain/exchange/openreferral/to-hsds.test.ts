import { describe, expect, it } from 'vitest';
import { context, knitting } from './fixtures.test-data';
import { toPage, toService, toServiceAtLocationSummary, toServiceSummary } from './to-hsds';

/** Every path in a JSON value whose value is null or undefined. */
function nullPaths(value: unknown, path = ''): string[] {
	if (value === null || value === undefined) return [path];
	if (typeof value !== 'object') return [];
	return Object.entries(value).flatMap(([key, child]) => nullPaths(child, `${path}.${key}`));
}

describe('toService', () => {
	const service = toService(knitting, context);

	it('has no nulls, which the profile types would reject', () => {
		expect(nullPaths(service)).toEqual([]);
	});

	it('puts a group that meets at a venue at the venue’s location, with the venue’s address', () => {
		const [sal] = service.service_at_locations;
		expect(sal.location_id).toBe(context.ids.row('location', 3));
		expect(sal.location).toMatchObject({ name: 'Aldermoor Community Centre', latitude: 53.05112 });
		expect(sal.location.addresses[0]).toMatchObject({
			address_1: '140 Well Street',
			city: 'Aldermoor',
			postal_code: 'FV7 0RE',
			country: 'GB'
		});
		expect(sal.location.accessibility.map((a) => a.description)).toEqual([
			'Step-free access',
			'Hearing loop'
		]);
	});

	it('sends the first website and valid email as the service’s own, phones inside contacts, no bad email', () => {
		expect(service).toMatchObject({ url: 'https://example.org/knit', email: 'knit@example.org' });
		expect(service.contacts.map((c) => c.name)).toEqual(['Bookings', 'Email']);
		expect(service.contacts[0].phones![0]).toMatchObject({
			number: '01632 960001',
			description: 'Bookings'
		});
	});

	it('classifies by category, kind and the asset’s own access features', () => {
		expect(service.attributes.map((a) => `${a.link_type}:${a.taxonomy_term.term}`)).toEqual([
			'category:social',
			'category:coffee-and-chat',
			'kind:group',
			'accessibility:large_print',
			'accessibility:step_free'
		]);
		const child = service.attributes[1].taxonomy_term;
		expect(child.parent_id).toBe(service.attributes[0].taxonomy_term_id);
	});

	it('gives cost, languages, ages and schedules', () => {
		expect(service.cost_options).toEqual([
			expect.objectContaining({
				option: 'Low cost',
				amount_description: '£2 a session, tea included'
			})
		]);
		expect(service.languages.map((l) => [l.code, l.name])).toEqual([
			['en', 'English'],
			['cy', 'Welsh']
		]);
		expect(service).toMatchObject({ minimum_age: 16, assured_date: '2026-10-01' });
		expect(service).not.toHaveProperty('maximum_age');
		expect(service.schedules.map((s) => s.byday)).toEqual(['WE', '-1SA']);
	});
});

describe('list forms', () => {
	it('has no nested arrays in the service list form', () => {
		const summary = toServiceSummary(knitting, context);
		expect(Object.values(summary).some(Array.isArray)).toBe(false);
		expect(summary.organization.id).toBe(summary.organization_id);
	});

	it('has no service at location for an asset without a place', () => {
		expect(toServiceAtLocationSummary({ ...knitting, place: null }, context)).toBeNull();
		expect(toService({ ...knitting, place: null }, context).service_at_locations).toEqual([]);
	});
});

describe('toPage', () => {
	it('fills the envelope, including past the last page', () => {
		expect(toPage(['a', 'b'], 5, 1, 2)).toMatchObject({
			total_pages: 3,
			first_page: true,
			last_page: false,
			size: 2
		});
		expect(toPage(['e'], 5, 3, 2)).toMatchObject({ last_page: true, size: 1, empty: false });
		expect(toPage([], 5, 9, 2)).toMatchObject({ last_page: true, empty: true, size: 0 });
		expect(toPage([], 0, 1, 50)).toMatchObject({
			total_pages: 0,
			first_page: true,
			last_page: true,
			empty: true
		});
	});
});
