import { describe, expect, it } from 'vitest';
import {
	assetChangeSuggestionSchema,
	fieldErrors,
	isHoneypotFilled,
	newAssetSuggestionSchema,
	SUGGESTION_MESSAGES as M
} from './suggestions';

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

describe('assetChangeSuggestionSchema', () => {
	it('needs details for a change but not for a closure', () => {
		expect(fieldErrors(assetChangeSuggestionSchema.safeParse({ kind: 'change' }).error!)).toEqual({
			details: M.changeRequired
		});
		expect(assetChangeSuggestionSchema.parse({ kind: 'closed', details: ' ' })).toEqual({
			kind: 'closed',
			details: null,
			submitterName: null,
			submitterEmail: null
		});
	});

	it('refuses other kinds, including "new"', () => {
		expect(fieldErrors(assetChangeSuggestionSchema.safeParse({ kind: 'new' }).error!)).toEqual({
			kind: M.changeKindChoose
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
