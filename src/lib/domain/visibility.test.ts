import { describe, expect, it } from 'vitest';
import { areContactsShownToVisitors, isShownToVisitors } from './visibility';

const group = { status: 'published', kind: 'group', consentPublic: false };
const person = { status: 'published', kind: 'informal_support', consentPublic: false };

describe('what a visitor sees', () => {
	it('shows published entries, and a person only with consent to be shown', () => {
		expect(isShownToVisitors(group)).toBe(true);
		expect(isShownToVisitors({ ...group, status: 'draft' })).toBe(false);
		expect(isShownToVisitors(person)).toBe(false);
		expect(isShownToVisitors({ ...person, consentPublic: true })).toBe(true);
	});

	it('shows a person’s contacts only with consent for those too', () => {
		expect(areContactsShownToVisitors(group)).toBe(true);
		expect(areContactsShownToVisitors({ ...person, consentPublic: true })).toBe(false);
		expect(
			areContactsShownToVisitors({ ...person, consentPublic: true, consentContactsPublic: true })
		).toBe(true);
		expect(areContactsShownToVisitors({ ...person, consentContactsPublic: true })).toBe(false);
	});
});
