/** A rich asset for mapping tests: a group meeting at a venue, with every kind of detail. */
import { hsdsIds } from './ids';
import { buildTermCatalogue } from './taxonomy';
import type { AssetForHsds, HsdsContext } from './to-hsds';

export const context: HsdsContext = (() => {
	const ids = hsdsIds('test-borough');
	const catalogue = buildTermCatalogue(ids, [
		{ id: 'social', parentId: null, name: 'Social', description: 'Meeting people' },
		{ id: 'coffee-and-chat', parentId: 'social', name: 'Coffee and chat', description: null }
	]);
	return { ids, catalogue };
})();

export const knitting: AssetForHsds = {
	id: 12,
	kind: 'group',
	sector: null,
	name: 'Knit and Natter',
	description: 'Bring your needles.',
	accessibility: ['large_print', 'step_free'],
	ageMin: 16,
	ageMax: null,
	cost: 'low',
	costDetail: '£2 a session, tea included',
	languages: ['en', 'cy'],
	lastVerifiedOn: '2026-10-01',
	updatedAt: '2026-11-20T09:00:00.000Z',
	categoryIds: ['social', 'coffee-and-chat'],
	contacts: [
		{ id: 101, kind: 'phone', label: 'Bookings', value: '01632 960001' },
		{ id: 102, kind: 'email', label: null, value: 'knit@example.org' },
		{ id: 103, kind: 'website', label: null, value: 'https://example.org/knit' },
		{ id: 104, kind: 'email', label: 'Secretary', value: 'not an email' }
	],
	sessions: [
		{
			id: 7,
			frequency: 'fortnightly',
			weekday: 3,
			weekOfMonth: null,
			anchorDate: '2026-11-25',
			startTime: '14:00',
			endTime: '16:00',
			note: 'Term time only'
		},
		{
			id: 8,
			frequency: 'monthly',
			weekday: 6,
			weekOfMonth: -1,
			anchorDate: null,
			startTime: '10:00',
			endTime: '12:30',
			note: null
		}
	],
	place: {
		assetId: 3,
		name: 'Aldermoor Community Centre',
		description: 'A hall with a kitchen.',
		lon: -2.906396,
		lat: 53.05112,
		address: '140 Well Street, Aldermoor',
		postcode: 'FV7 0RE',
		accessibility: ['step_free', 'hearing_loop']
	}
};
