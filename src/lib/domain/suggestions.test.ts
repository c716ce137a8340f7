import { describe, expect, it } from 'vitest';
import {
	assetChangeSuggestionSchema,
	fieldErrors,
	isHoneypotFilled,
	newAssetSuggestionSchema,
	SUGGESTION_MESSAGES
} from './suggestions';

const M = SUGGESTION_MESSAGES.en;

const schema = newAssetSuggestionSchema(['coffee-and-chat', 'food']);
const valid = {
	name: '  Knit and natter ',
	description: 'Knitting and a chat',
	whenWhere: 'Tuesdays 10 to 12 at the library',
	contact: '',
	category: 'coffee-and-chat',
	kind: 'group',
	submitterName: '',
	submitterEmail: ''
};

describe('newAssetSuggestionSchema', () => {
	it('accepts a full suggestion, trims text and turns blanks into null', () => {
		const result = schema.parse(valid);
		expect(result).toEqual({
			name: 'Knit and natter',
			description: 'Knitting and a chat',
			whenWhere: 'Tuesdays 10 to 12 at the library',
			contact: null,
			category: 'coffee-and-chat',
			kind: 'group',
			submitterName: null,
			submitterEmail: null
		});
	});

	it('gives a message for every missing required field at once', () => {
		const result = schema.safeParse({});
		expect(result.success).toBe(false);
		expect(fieldErrors(result.error!)).toEqual({
			name: M.nameRequired,
			description: M.whatRequired,
			whenWhere: M.whenWhereRequired,
			category: M.categoryChoose,
			kind: M.kindChoose
		});
	});

	it('treats whitespace-only as missing', () => {
		const errors = fieldErrors(schema.safeParse({ ...valid, name: '   ' }).error!);
		expect(errors).toEqual({ name: M.nameRequired });
	});

	it('refuses a category the form did not offer and an unknown kind', () => {
		const errors = fieldErrors(
			schema.safeParse({ ...valid, category: 'made-up', kind: 'referral' }).error!
		);
		expect(errors).toEqual({ category: M.categoryChoose, kind: M.kindChoose });
	});

	it('checks the optional email and lengths', () => {
		const errors = fieldErrors(
			schema.safeParse({ ...valid, submitterEmail: 'not an email', name: 'x'.repeat(121) }).error!
		);
		expect(errors).toEqual({ name: M.nameTooLong, submitterEmail: M.emailInvalid });
		expect(schema.parse({ ...valid, submitterEmail: ' a@example.org ' }).submitterEmail).toBe(
			'a@example.org'
		);
	});

	it('keeps HTML as plain text (escaping is the page’s job)', () => {
		expect(schema.parse({ ...valid, name: '<script>alert(1)</script>' }).name).toBe(
			'<script>alert(1)</script>'
		);
	});
});

describe('newAssetSuggestionSchema in Welsh', () => {
	const welsh = newAssetSuggestionSchema(['coffee-and-chat', 'food'], 'cy');

	it('gives every message in Welsh', () => {
		expect(fieldErrors(welsh.safeParse({ submitterEmail: 'not an email' }).error!)).toEqual({
			name: "Rhowch enw'r grŵp",
			description: "Dywedwch beth mae'r grŵp yn ei wneud",
			whenWhere: "Dywedwch pryd a ble mae'n cyfarfod",
			category: "Dewiswch gategori o'r rhestr",
			kind: 'Dewiswch pa fath o beth ydyw',
			submitterEmail: 'Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com'
		});
		expect(fieldErrors(welsh.safeParse({ ...valid, name: 'x'.repeat(121) }).error!)).toEqual({
			name: "Rhaid i'r enw fod yn 120 nod neu lai"
		});
	});

	it('accepts and cleans the same input as the English schema', () => {
		expect(welsh.parse(valid)).toEqual(schema.parse(valid));
	});

	it('defaults to English, for the English page', () => {
		expect(fieldErrors(newAssetSuggestionSchema([]).safeParse({}).error!).name).toBe(
			'Enter the name of the group'
		);
	});
});

describe('SUGGESTION_MESSAGES', () => {
	it('has every message in both languages, none left in English', () => {
		const { en, cy } = SUGGESTION_MESSAGES;
		expect(Object.keys(cy).sort()).toEqual(Object.keys(en).sort());
		for (const key of Object.keys(en) as (keyof typeof en)[]) {
			expect(cy[key].trim(), key).not.toBe('');
			expect(cy[key], key).not.toBe(en[key]);
		}
	});
});

describe('assetChangeSuggestionSchema', () => {
	it('needs details for a change but not for a closure', () => {
		expect(fieldErrors(assetChangeSuggestionSchema().safeParse({ kind: 'change' }).error!)).toEqual(
			{
				details: M.changeRequired
			}
		);
		expect(assetChangeSuggestionSchema().parse({ kind: 'closed', details: ' ' })).toEqual({
			kind: 'closed',
			details: null,
			submitterName: null,
			submitterEmail: null
		});
	});

	it('refuses other kinds, including "new"', () => {
		expect(fieldErrors(assetChangeSuggestionSchema().safeParse({ kind: 'new' }).error!)).toEqual({
			kind: M.changeKindChoose
		});
	});
});

describe('assetChangeSuggestionSchema in Welsh', () => {
	const welsh = assetChangeSuggestionSchema('cy');

	it('asks what has changed, and which it is, in Welsh', () => {
		expect(fieldErrors(welsh.safeParse({ kind: 'change', details: '  ' }).error!)).toEqual({
			details: 'Dywedwch beth sydd wedi newid'
		});
		expect(fieldErrors(welsh.safeParse({}).error!)).toEqual({
			kind: 'Dewiswch a oes rhywbeth wedi newid neu a yw wedi cau'
		});
		expect(
			fieldErrors(welsh.safeParse({ kind: 'change', details: 'x'.repeat(2001) }).error!)
		).toEqual({ details: "Rhaid i'r hyn sydd wedi newid fod yn 2,000 nod neu lai" });
	});

	it('accepts a closure without details', () => {
		expect(welsh.parse({ kind: 'closed' })).toEqual({
			kind: 'closed',
			details: null,
			submitterName: null,
			submitterEmail: null
		});
	});
});

describe('isHoneypotFilled', () => {
	it('is true only when the hidden field has text', () => {
		expect(isHoneypotFilled({ website_url: 'http://spam.example' })).toBe(true);
		expect(isHoneypotFilled({ website_url: '' })).toBe(false);
		expect(isHoneypotFilled({})).toBe(false);
	});
});
