import { describe, expect, it } from 'vitest';
import { rowNumbers } from './form';
import { entryOf, errorsOf, form } from './form-test-forms';

describe('sessions', () => {
	it('reads weekly, fortnightly and monthly (nth and last) sessions, each with its own details', () => {
		const entry = entryOf(
			form({
				'session-1-frequency': 'weekly',
				'session-1-weekday': '2',
				'session-1-week': '3',
				'session-1-anchor': '2026-06-09',
				'session-1-start': '9:30',
				'session-1-end': '11:00',
				'session-1-note': 'Term time only',
				'session-2-frequency': 'fortnightly',
				'session-2-weekday': '4',
				'session-2-anchor': '11/06/2026',
				'session-2-start': '18:00',
				'session-2-end': '20.00',
				'session-3-frequency': 'monthly',
				'session-3-weekday': '6',
				'session-3-week': '-1',
				'session-3-start': '10:00:00',
				'session-3-end': '12:00',
				'session-4-frequency': 'monthly',
				'session-4-weekday': '1',
				'session-4-week': '2',
				'session-4-start': '13:00',
				'session-4-end': '14:00'
			})
		);
		expect(entry.sessions).toEqual([
			{
				frequency: 'weekly',
				weekday: 2,
				weekOfMonth: null,
				anchorDate: null,
				startTime: '09:30',
				endTime: '11:00',
				note: 'Term time only'
			},
			{
				frequency: 'fortnightly',
				weekday: 4,
				weekOfMonth: null,
				anchorDate: '2026-06-11',
				startTime: '18:00',
				endTime: '20:00',
				note: null
			},
			{
				frequency: 'monthly',
				weekday: 6,
				weekOfMonth: -1,
				anchorDate: null,
				startTime: '10:00',
				endTime: '12:00',
				note: null
			},
			{
				frequency: 'monthly',
				weekday: 1,
				weekOfMonth: 2,
				anchorDate: null,
				startTime: '13:00',
				endTime: '14:00',
				note: null
			}
		]);
	});

	it('ignores empty rows (a default frequency alone) and rows marked for removal', () => {
		const entry = entryOf(
			form({
				'session-1-frequency': 'weekly',
				'session-1-weekday': '',
				'session-2-frequency': 'weekly',
				'session-2-weekday': '3',
				'session-2-start': '10:00',
				'session-2-end': '11:00',
				'session-3-frequency': 'weekly',
				'session-3-weekday': '5',
				'session-3-start': 'nonsense',
				'session-3-remove': 'yes'
			})
		);
		expect(entry.sessions).toHaveLength(1);
		expect(entry.sessions[0].weekday).toBe(3);
	});

	it('names the session, by the number the person sees, in every message', () => {
		const errors = errorsOf(
			form({
				'session-1-frequency': 'weekly',
				'session-1-weekday': '1',
				'session-1-start': '10:00',
				'session-1-end': '11:00',
				'session-2-frequency': 'weekly',
				'session-2-weekday': '2',
				'session-2-start': '14:00',
				'session-2-end': '13:30',
				'session-3-frequency': '',
				'session-3-weekday': '8',
				'session-3-start': '25:00',
				'session-3-end': '',
				'session-3-note': 'n'.repeat(201)
			})
		);
		expect(errors).toEqual({
			'session-2-end': 'Enter an end time later than the start time for session 2',
			'session-3-frequency': 'Choose how often session 3 meets',
			'session-3-weekday': 'Choose the day of the week session 3 meets',
			'session-3-start': 'Enter the start time for session 3 as hours and minutes, like 10:00',
			'session-3-end': 'Enter an end time for session 3, like 12:00',
			'session-3-note': 'The note for session 3 must be 200 characters or fewer'
		});
	});

	it('needs the week of a monthly session and a meeting date of a fortnightly one, on its day', () => {
		const errors = errorsOf(
			form({
				'session-1-frequency': 'monthly',
				'session-1-weekday': '1',
				'session-1-start': '10:00',
				'session-1-end': '11:00',
				'session-2-frequency': 'fortnightly',
				'session-2-weekday': '2',
				'session-2-start': '10:00',
				'session-2-end': '11:00',
				'session-3-frequency': 'fortnightly',
				'session-3-weekday': '2',
				'session-3-anchor': '2026-06-11',
				'session-3-start': '10:00',
				'session-3-end': '11:00',
				'session-4-frequency': 'fortnightly',
				'session-4-weekday': '2',
				'session-4-anchor': '31/02/2026',
				'session-4-start': '10:00',
				'session-4-end': '11:00'
			})
		);
		expect(errors).toEqual({
			'session-1-week':
				'Choose which week of the month session 1 meets: first, second, third, fourth or last',
			'session-2-anchor':
				'Enter the date of one meeting of session 2, so we know which weeks it meets, like 25/11/2026',
			'session-3-anchor':
				'The date of one meeting of session 3 must be a Tuesday, the day it meets',
			'session-4-anchor': 'Enter a real date for one meeting of session 4, like 25/11/2026'
		});
	});

	it('finds the rows a form has, up to the most allowed', () => {
		expect(
			rowNumbers(
				{ 'session-3-start': [''], 'session-1-end': [''], 'session-99-x': [''] },
				'session'
			)
		).toEqual([1, 3]);
	});
});

describe('contacts', () => {
	const contact = (
		row: number,
		kind: string,
		value: string,
		visibility = 'public',
		label = ''
	) => ({
		[`contact-${row}-kind`]: kind,
		[`contact-${row}-value`]: value,
		[`contact-${row}-visibility`]: visibility,
		[`contact-${row}-label`]: label
	});

	it('reads phone, email, website and person contacts, public or for coordinators only', () => {
		const entry = entryOf(
			form({
				...contact(1, 'phone', '01632 960190', 'public', 'Bookings'),
				...contact(2, 'email', 'chair@example.org', 'coordinators'),
				...contact(3, 'website', 'example.org/knit'),
				...contact(4, 'person', 'Ann (organiser)', 'coordinators')
			})
		);
		expect(entry.contacts).toEqual([
			{ kind: 'phone', label: 'Bookings', value: '01632 960190', visibility: 'public' },
			{ kind: 'email', label: null, value: 'chair@example.org', visibility: 'coordinators' },
			{ kind: 'website', label: null, value: 'https://example.org/knit', visibility: 'public' },
			{ kind: 'person', label: null, value: 'Ann (organiser)', visibility: 'coordinators' }
		]);
	});

	it('checks each kind of value, naming the contact', () => {
		const errors = errorsOf(
			form({
				...contact(1, 'phone', 'call me'),
				...contact(2, 'email', 'chair at example'),
				...contact(3, 'website', 'javascript:alert(1)'),
				...contact(4, 'person', ''),
				...contact(5, '', 'something', ''),
				...contact(6, 'email', 'x@example.org', ''),
				'contact-7-kind': 'phone',
				'contact-7-label': 'x'.repeat(101),
				'contact-7-value': '01632 960190',
				'contact-7-visibility': 'public'
			})
		);
		expect(errors).toEqual({
			'contact-1-value':
				'Enter the phone number for contact 1 using only numbers, spaces and brackets, like 01632 960190',
			'contact-2-value':
				'Enter the email address for contact 2 in the correct format, like name@example.com',
			'contact-3-value':
				'Enter the website for contact 3 as a full address, like https://example.org',
			'contact-4-value': 'Enter the name of the person for contact 4',
			'contact-5-kind':
				'Choose whether contact 5 is a phone number, an email address, a website or a person',
			'contact-5-visibility': 'Choose who can see contact 5',
			'contact-6-visibility': 'Choose who can see contact 6',
			'contact-7-label': 'The label of contact 7 must be 100 characters or fewer'
		});
	});
});
