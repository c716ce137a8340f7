import { describe, expect, it } from 'vitest';
import { initials } from './initials';
import { sessionsAreMeetings } from './whats-on';

describe('initials', () => {
	it('takes the first letters of the first and last names', () => {
		expect(initials('Priya Shah')).toBe('PS');
		expect(initials('Mary Jane Watson')).toBe('MW');
		expect(initials('Siân Ellis-Roberts')).toBe('SE');
	});
	it('keeps Welsh letters, leaves out titles and copes with one name or none', () => {
		expect(initials('ŵyn ap Iestyn')).toBe('ŴI');
		expect(initials('Dr. Gareth Lloyd')).toBe('GL');
		expect(initials('  Cher ')).toBe('C');
		expect(initials('')).toBe('');
	});
});

describe('what counts as meeting', () => {
	it("lists groups' sessions as meetings and venues' and services' as opening hours", () => {
		expect(sessionsAreMeetings('group')).toBe(true);
		expect(sessionsAreMeetings('venue')).toBe(false);
		expect(sessionsAreMeetings('service')).toBe(false);
	});
});
