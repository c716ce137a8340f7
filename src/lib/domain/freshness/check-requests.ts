/**
 * "Is your entry still right?": the rules for the emails Patchwork sends the people who run an entry.
 * A request carries a link with a random token (the database keeps only its hash), valid 30 days from
 * the first email; a reminder goes 14 days after it if nobody has answered, with a second link; either
 * link answers the request once.
 * Pure: no clock (callers pass now), no database.
 */

/** How long a link works, counted from the first email. */
export const CHECK_LINK_VALID_DAYS = 30;
/** When the reminder goes, counted from the first email. */
export const CHECK_REMINDER_AFTER_DAYS = 14;

const DAY_MS = 24 * 60 * 60 * 1000;

/** 32 random bytes in base64url: 43 characters (the same shape as sign-in links). */
export const CHECK_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The path a link opens; the same page in Welsh is under /cy. */
export const checkLinkPath = (token: string, lang: 'en' | 'cy' = 'en') =>
	`${lang === 'cy' ? '/cy' : ''}/check/${token}`;

/** Whether a string could be a token we issued: cheap to check before touching the database. */
export const isCheckToken = (token: string) => CHECK_TOKEN_PATTERN.test(token);

/** When a link sent at `sentAt` stops working. */
export function checkLinkExpiresAt(sentAt: Date): Date {
	return new Date(sentAt.getTime() + CHECK_LINK_VALID_DAYS * DAY_MS);
}

/** When the reminder for a request sent at `sentAt` is due. */
export function checkReminderDueAt(sentAt: Date): Date {
	return new Date(sentAt.getTime() + CHECK_REMINDER_AFTER_DAYS * DAY_MS);
}

/** What the stored request says (timestamps as ISO text, as the table holds them). */
export interface CheckRequestTimes {
	sentAt: string;
	reminderSentAt: string | null;
	expiresAt: string;
	answeredAt: string | null;
}

/** Requests first sent at or before this instant are due their reminder at `now`. */
export function remindIfSentBy(now: Date): Date {
	return new Date(now.getTime() - CHECK_REMINDER_AFTER_DAYS * DAY_MS);
}

/** Where a request stands: waiting for an answer, answered (once is all), or past its 30 days. */
export type CheckRequestState = 'open' | 'answered' | 'expired';

/**
 * The state of a request at `now`. An answer wins over expiry, so a link used on day 29 and opened
 * again on day 31 still says it was answered.
 */
export function checkRequestState(request: CheckRequestTimes, now: Date): CheckRequestState {
	if (request.answeredAt) return 'answered';
	if (new Date(request.expiresAt).getTime() <= now.getTime()) return 'expired';
	return 'open';
}

/** Whether the one reminder is due at `now`: open, not reminded yet, and 14 days since the email. */
export function isCheckReminderDue(request: CheckRequestTimes, now: Date): boolean {
	if (checkRequestState(request, now) !== 'open' || request.reminderSentAt) return false;
	return checkReminderDueAt(new Date(request.sentAt)).getTime() <= now.getTime();
}

/**
 * Whether an entry should be asked (again): only once per check period. A request sent after the
 * entry's last check (or any request, for an entry never checked) means it has been asked already.
 * @param lastVerifiedOn the entry's last check, 'YYYY-MM-DD', or null
 * @param lastSentAt the newest request's sent_at for the entry, or null
 */
export function shouldAskAgain(lastVerifiedOn: string | null, lastSentAt: string | null): boolean {
	if (!lastSentAt) return true;
	if (!lastVerifiedOn) return false;
	return lastSentAt.slice(0, 10) < lastVerifiedOn;
}

/** The email's subject and body. Plain text, plain words, the link on a line of its own. */
export function checkRequestEmail({
	entryName,
	link,
	welshLink,
	expiresOn,
	programme,
	reminder
}: {
	entryName: string;
	link: string;
	/** The same page in Welsh. */
	welshLink: string;
	/** The last day the link works, as people read it ('25 December 2026'). */
	expiresOn: string;
	programme: string | null;
	reminder: boolean;
}): { subject: string; text: string } {
	const where = programme
		? `the ${programme} community directory`
		: 'the Patchwork community directory';
	return {
		subject: `${reminder ? 'Reminder: is' : 'Is'} the entry for ${entryName} still right?`,
		text: [
			'Hello,',
			'',
			`${entryName} is listed in ${where}, so that local people can find it. Local area coordinators keep it up to date, and you know it best.`,
			'',
			...(reminder
				? [
						'We wrote to you 2 weeks ago and have not heard back. You can use this link or the one in our first email.',
						''
					]
				: []),
			'Open this link to see the entry, then tell us either that everything is still right, or what has changed:',
			link,
			'',
			`The link works until ${expiresOn}, for one answer. You do not need an account.`,
			'If you were not expecting this email, you can ignore it.',
			'',
			`I ateb yn Gymraeg, agorwch y ddolen hon: ${welshLink}`
		].join('\n')
	};
}
