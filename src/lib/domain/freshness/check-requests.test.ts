import { describe, expect, it } from 'vitest';
import {
	checkLinkExpiresAt,
	checkLinkPath,
	checkReminderDueAt,
	checkRequestEmail,
	checkRequestState,
	isCheckReminderDue,
	isCheckToken,
	remindIfSentBy,
	shouldAskAgain
} from './check-requests';

const sent = new Date('2026-11-25T10:00:00.000Z');
const at = (days: number, ms = 0) => new Date(sent.getTime() + days * 86_400_000 + ms);
const request = (values: Partial<Parameters<typeof checkRequestState>[0]> = {}) => ({
	sentAt: sent.toISOString(),
	reminderSentAt: null,
	expiresAt: checkLinkExpiresAt(sent).toISOString(),
	answeredAt: null,
	...values
});

describe('check request dates', () => {
	it('a link works for 30 days and its reminder is due after 14', () => {
		expect(checkLinkExpiresAt(sent).toISOString()).toBe('2026-12-25T10:00:00.000Z');
		expect(checkReminderDueAt(sent).toISOString()).toBe('2026-12-09T10:00:00.000Z');
		// Seen from the day the reminder is due: requests sent at or before `sent` are due one.
		expect(remindIfSentBy(at(14))).toEqual(sent);
	});

	it('is open until the last millisecond of its 30 days, then expired', () => {
		expect(checkRequestState(request(), at(30, -1))).toBe('open');
		expect(checkRequestState(request(), at(30))).toBe('expired');
	});

	it('once answered, says answered, even after it would have expired', () => {
		const answered = request({ answeredAt: at(29).toISOString() });
		expect(checkRequestState(answered, at(29))).toBe('answered');
		expect(checkRequestState(answered, at(40))).toBe('answered');
	});

	it('the reminder is due from day 14, once, and never for an answered or expired request', () => {
		expect(isCheckReminderDue(request(), at(14, -1))).toBe(false);
		expect(isCheckReminderDue(request(), at(14))).toBe(true);
		expect(isCheckReminderDue(request(), at(29))).toBe(true);
		expect(isCheckReminderDue(request(), at(30))).toBe(false);
		expect(isCheckReminderDue(request({ reminderSentAt: at(14).toISOString() }), at(20))).toBe(
			false
		);
		expect(isCheckReminderDue(request({ answeredAt: at(3).toISOString() }), at(20))).toBe(false);
	});
});

describe('asking once per check period', () => {
	it('asks an entry never asked', () => {
		expect(shouldAskAgain(null, null)).toBe(true);
		expect(shouldAskAgain('2026-01-01', null)).toBe(true);
	});
	it('does not ask again until someone checks the entry after the last request', () => {
		expect(shouldAskAgain(null, '2026-11-25T10:00:00.000Z')).toBe(false);
		expect(shouldAskAgain('2026-11-24', '2026-11-25T10:00:00.000Z')).toBe(false);
		expect(shouldAskAgain('2026-11-25', '2026-11-25T10:00:00.000Z')).toBe(false);
		expect(shouldAskAgain('2026-11-26', '2026-11-25T10:00:00.000Z')).toBe(true);
	});
});

describe('check links and emails', () => {
	it('accepts only tokens of the shape we issue', () => {
		expect(isCheckToken('A'.repeat(43))).toBe(true);
		expect(isCheckToken('A'.repeat(42))).toBe(false);
		expect(isCheckToken(`${'A'.repeat(42)}/`)).toBe(false);
		expect(checkLinkPath('abc')).toBe('/check/abc');
		expect(checkLinkPath('abc', 'cy')).toBe('/cy/check/abc');
	});

	it('says what the entry is, gives the link on its own line and says until when it works', () => {
		const link = 'https://patchwork.example/check/' + 'x'.repeat(43);
		const welshLink = 'https://patchwork.example/cy/check/' + 'x'.repeat(43);
		const email = checkRequestEmail({
			entryName: 'Knit and Natter',
			link,
			welshLink,
			expiresOn: '25 December 2026',
			programme: 'Fennick Vale',
			reminder: false
		});
		expect(email.subject).toBe('Is the entry for Knit and Natter still right?');
		expect(email.text.split('\n')).toContain(link);
		expect(email.text).toContain('the Fennick Vale community directory');
		expect(email.text).toContain('until 25 December 2026, for one answer');
		expect(email.text).not.toContain('first email');
		// One Welsh line, after the English link, points to the Welsh page.
		expect(email.text.split('\n').at(-1)).toBe(
			`I ateb yn Gymraeg, agorwch y ddolen hon: ${welshLink}`
		);
		const reminder = checkRequestEmail({
			entryName: 'Knit and Natter',
			link,
			welshLink,
			expiresOn: '25 December 2026',
			programme: null,
			reminder: true
		});
		expect(reminder.subject).toBe('Reminder: is the entry for Knit and Natter still right?');
		expect(reminder.text).toContain('You can use this link or the one in our first email.');
	});
});
