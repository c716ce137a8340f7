import { describe, expect, it } from 'vitest';
import { ImportError } from '../../import/errors';
import { CategoryResolver } from './categories';
import { readOpenReferralServices, servicesOf } from './openreferral';

describe('servicesOf', () => {
	it('reads a flat list, a page with contents, an object with services, and one service', () => {
		expect(servicesOf([{ id: 'a', name: 'A' }], 'f').shape).toBe('list');
		expect(servicesOf({ total_pages: 1, contents: [{ id: 'a' }] }, 'f')).toMatchObject({
			shape: 'page',
			services: [{ id: 'a' }]
		});
		expect(servicesOf({ services: [{ id: 'a' }] }, 'f').shape).toBe('services');
		expect(servicesOf({ id: 'a', name: 'A' }, 'f')).toMatchObject({
			shape: 'service',
			services: [{ id: 'a', name: 'A' }]
		});
	});

	it.each([
		[
			{ type: 'FeatureCollection', features: [] },
			'f is not an Open Referral feed: it should be a list of services'
		],
		['text', 'f is not an Open Referral feed: it holds a string, not services.'],
		[[], 'f has no services.']
	])('refuses %j', (value, message) => {
		expect(() => servicesOf(value, 'f')).toThrow(ImportError);
		expect(() => servicesOf(value, 'f')).toThrow(message);
	});
});

describe('readOpenReferralServices', () => {
	const read = (services: unknown[], terms?: Record<string, string>) =>
		readOpenReferralServices(services, {
			source: 'openreferral',
			status: 'draft',
			mapping: terms ? { rules: [], terms } : null,
			resolver: new CategoryResolver([{ id: 'caring-for-someone', name: 'Caring for someone' }]),
			lookupPostcode: () => null
		});

	it('names rejected services by position, id and name, and refuses a repeated id', () => {
		const result = read([
			{ id: 'a', name: 'First' },
			{ id: 'b', name: '' },
			{ id: 'a', name: 'Again' }
		]);
		expect(result.drafts.map((d) => d.ref)).toEqual(['service 1 (id a) ("First")']);
		expect(result.rejected).toEqual([
			{ ref: 'service 2 (id b)', reasons: ['its name is empty'] },
			{
				ref: 'service 3 (id a) ("Again")',
				reasons: [
					'has the id "a", which service 1 (id a) ("First") already has: ids must be unique in a feed'
				]
			}
		]);
	});

	it('maps taxonomy terms by name or the mapping, and counts those with no category', () => {
		const services = [
			{ id: 'a', name: 'A', pc_targetAudience: [{ id: '1', audienceType: 'Caring for someone' }] },
			{
				id: 'b',
				name: 'B',
				pc_targetAudience: [
					{ id: '2', audienceType: 'Carers' },
					{ id: '3', audienceType: 'Dementia' }
				]
			}
		];
		const plain = read(services);
		expect(plain.drafts.map((d) => d.draft.categories)).toEqual([
			['caring-for-someone'],
			['other']
		]);
		expect([...plain.unmatchedTerms]).toEqual([
			['Carers', 1],
			['Dementia', 1]
		]);
		expect(read(services, { carers: 'Caring for someone' }).drafts[1].draft.categories).toEqual([
			'caring-for-someone'
		]);
	});
});
