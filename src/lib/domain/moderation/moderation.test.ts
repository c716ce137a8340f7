import { describe, expect, it } from 'vitest';
import {
	compareEntryValues,
	entryValuesSchema,
	findPostcode,
	firstErrors,
	guessContacts,
	MODERATION_MESSAGES as M,
	newEntrySchema,
	suggestedPlace,
	suggestedValues,
	type EntryValues
} from './index';

const current: EntryValues = {
	name: 'Knit and Natter',
	nameCy: '',
	description: 'Knitting and a chat.',
	descriptionCy: '',
	cost: 'free',
	costDetail: '',
	phone: '01632 960123',
	email: '',
	website: ''
};

describe('comparing an entry with a suggestion', () => {
	it('marks only the fields that differ, ignoring spaces at the ends', () => {
		const suggested = suggestedValues(current, {
			fields: { name: ' Knit and Natter ', cost: 'low', phone: 42, nonsense: 'x' }
		});
		const rows = compareEntryValues(current, suggested);
		expect(rows.filter((r) => r.differs).map((r) => [r.key, r.current, r.suggested])).toEqual([
			['cost', 'free', 'low']
		]);
		expect(rows).toHaveLength(9);
	});

	it('suggests the current values when the resident wrote free text only', () => {
		const rows = compareEntryValues(current, suggestedValues(current, { details: 'New phone' }));
		expect(rows.some((r) => r.differs)).toBe(false);
	});
});

describe('the values a moderator applies', () => {
	it('keeps good values, trimmed', () => {
		const parsed = entryValuesSchema.parse({
			...current,
			name: '  New name ',
			website: 'https://example.org'
		});
		expect(parsed).toMatchObject({ name: 'New name', website: 'https://example.org' });
	});

	it('refuses a blank name, a bad email, a javascript: website and an unknown cost', () => {
		const result = entryValuesSchema.safeParse({
			...current,
			name: ' ',
			email: 'not an email',
			website: 'javascript:alert(1)',
			cost: 'priceless'
		});
		expect(result.success).toBe(false);
		expect(firstErrors(result.error!)).toEqual({
			name: M.nameRequired,
			email: M.emailInvalid,
			website: M.websiteInvalid,
			cost: M.costChoose
		});
	});
});

describe('a new entry from a suggestion', () => {
	const schema = newEntrySchema(['sport'], [1, 2]);
	const base = {
		kind: 'group',
		name: 'Walking football',
		description: 'Gentle football for over-50s',
		category: 'sport',
		where: 'place',
		postcode: 'fv1 0lw',
		status: 'draft'
	};

	it('needs a postcode for a place, a sector for a service, a patch for an online entry', () => {
		expect(schema.safeParse(base).success).toBe(true);
		const errors = (values: Record<string, unknown>) => {
			const result = schema.safeParse(values);
			return result.success ? {} : firstErrors(result.error);
		};
		expect(errors({ ...base, postcode: '' })).toEqual({ postcode: M.postcodeRequired });
		expect(errors({ ...base, kind: 'service' })).toEqual({ sector: M.sectorChoose });
		expect(errors({ ...base, where: 'online', postcode: '' })).toEqual({ patches: M.patchChoose });
		expect(errors({ ...base, where: 'online', patches: ['3'] })).toEqual({
			patches: M.patchChoose
		});
		expect(errors({ ...base, category: 'forged', status: 'live' })).toEqual({
			category: M.categoryChoose,
			status: M.statusChoose
		});
	});
});

describe('reading what a resident wrote', () => {
	it('finds a postcode, written any way', () => {
		expect(findPostcode('Tuesdays at the library, fv10lw.')).toBe('FV1 0LW');
		expect(findPostcode('No postcode here, 123 ABC')).toBeNull();
	});

	it('places a suggestion by its point, else by a postcode in its text, else nowhere', () => {
		expect(suggestedPlace({ lon: -2.9, lat: 53.05, whenWhere: 'FV1 0LW' })).toEqual({
			point: [-2.9, 53.05]
		});
		expect(suggestedPlace({ whenWhere: 'Mondays at St Anne’s, FV7 0RE' })).toEqual({
			postcode: 'FV7 0RE'
		});
		expect(suggestedPlace({ whenWhere: 'Mondays somewhere' })).toBeNull();
	});

	it('picks out a phone number, an email address and a website', () => {
		expect(
			guessContacts('Call Jean on 01632 960123, or jean@example.org, see https://example.org/knit.')
		).toEqual({
			phone: '01632 960123',
			email: 'jean@example.org',
			website: 'https://example.org/knit'
		});
		expect(guessContacts(null)).toEqual({ phone: '', email: '', website: '' });
	});
});
