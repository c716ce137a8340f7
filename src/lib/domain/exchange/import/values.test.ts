import { describe, expect, it } from 'vitest';
import { emailOf, phoneOf, repairPostcode, textOf, websiteOf } from './values';

describe('reading values', () => {
	it('treats blank markers as blank, and numbers as text', () => {
		expect([' NA ', 'N/A', 'None', 'null', '-', '', undefined, {}].map(textOf)).toEqual(
			Array(8).fill(null)
		);
		expect([textOf(1043459.0), textOf(' x '), textOf(true)]).toEqual(['1043459', 'x', 'yes']);
	});

	it('gives bare web addresses a scheme and leaves out what is not one', () => {
		expect(websiteOf('www.can.uk.com').value).toBe('https://www.can.uk.com/');
		expect(websiteOf('allfm.org').value).toBe('https://allfm.org/');
		expect(websiteOf('http://example.org/a?b=1').value).toBe('http://example.org/a?b=1');
		expect(websiteOf('http//:www.hope-kpa.org.uk')).toEqual({
			value: null,
			warning: 'website "http//:www.hope-kpa.org.uk" is not a web address, so it was left out'
		});
		expect(websiteOf('javascript:alert(1)').value).toBeNull();
	});

	it('checks emails and phone numbers for shape', () => {
		expect(emailOf('mailto:info@example.org').value).toBe('info@example.org');
		expect(emailOf('not an email').value).toBeNull();
		expect(phoneOf('0161 912 2122').value).toBe('0161 912 2122');
		expect(phoneOf('0161').warning).toBe('phone "0161" is not a phone number, so it was left out');
	});

	it('reads a letter O at the start of the inward code as a zero', () => {
		expect(repairPostcode('WA15 OHF')).toEqual({ postcode: 'WA15 0HF', repaired: true });
		expect(repairPostcode('M1 1AA')).toEqual({ postcode: 'M1 1AA', repaired: false });
	});
});
