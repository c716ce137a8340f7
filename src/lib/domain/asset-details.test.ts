import { describe, expect, it } from 'vitest';
import { contactHref, describeAges } from './asset-details';

describe('describeAges', () => {
	it.each([
		[null, null, 'All ages'],
		[18, null, 'Ages 18 and over'],
		[null, 11, 'Ages up to 11'],
		[0, 4, 'Ages up to 4'],
		[5, 11, 'Ages 5 to 11'],
		[16, 16, 'Age 16']
	])('ages %s to %s read "%s"', (min, max, words) => {
		expect(describeAges(min, max)).toBe(words);
	});
});

describe('contactHref', () => {
	it('links UK phone numbers in international form', () => {
		expect(contactHref('phone', '01632 960123')).toBe('tel:+441632960123');
		expect(contactHref('phone', '07700 900123')).toBe('tel:+447700900123');
		expect(contactHref('phone', '+44 161 496 0000')).toBe('tel:+441614960000');
	});

	it('links http(s) websites and well-formed emails only', () => {
		expect(contactHref('website', 'https://example.org/knit')).toBe('https://example.org/knit');
		expect(contactHref('website', 'javascript:alert(1)')).toBeNull();
		expect(contactHref('website', 'not a url')).toBeNull();
		expect(contactHref('email', 'hello@example.org')).toBe('mailto:hello@example.org');
		expect(contactHref('email', 'hello@example.org?bcc=x@y.z')).toBeNull();
	});

	it('shows people and odd numbers as plain text', () => {
		expect(contactHref('person', 'Ask for Jan')).toBeNull();
		expect(contactHref('phone', 'ring the bell')).toBeNull();
	});
});
