/**
 * The entry form's repeatable rows, sessions and contacts: named `session-2-start`, `contact-1-value`,
 * where the number is the row as the person sees it. Blank rows and rows marked "remove" are dropped;
 * each row left has its own schema, whose messages name the row ("session 2").
 */
import { z } from 'zod';
import { weekdayName } from '../sessions';
import { CONTACT_KINDS, CONTACT_VISIBILITIES, SESSION_FREQUENCIES } from '../vocabulary';
import { isoWeekday, readDate, readTime } from './dates';
import { one, type FormFields } from './fields';
import { ignored, optionalText, readWith, requiredText } from './form-fields';

/** Most rows of sessions or of contacts one entry may have. */
export const MAX_ROWS = 30;

export const SESSION_PARTS = [
	'frequency',
	'weekday',
	'week',
	'anchor',
	'start',
	'end',
	'note'
] as const;
export const CONTACT_PARTS = ['kind', 'label', 'value', 'visibility'] as const;
export type SessionRow = Record<(typeof SESSION_PARTS)[number], string> & { row: number };
export type ContactRow = Record<(typeof CONTACT_PARTS)[number], string> & { row: number };

/** The row numbers a form has for a group, from names like `session-2-start`, in order. */
export function rowNumbers(fields: FormFields, group: 'session' | 'contact'): number[] {
	const pattern = new RegExp(`^${group}-(\\d{1,3})-`);
	const rows = new Set<number>();
	for (const name of Object.keys(fields)) {
		const match = pattern.exec(name);
		const row = match ? Number(match[1]) : 0;
		if (row >= 1 && row <= MAX_ROWS) rows.add(row);
	}
	return [...rows].sort((a, b) => a - b);
}

export function readRows<P extends string>(
	fields: FormFields,
	group: 'session' | 'contact',
	parts: readonly P[],
	isBlank: (row: Record<P, string>) => boolean
): (Record<P, string> & { row: number })[] {
	return rowNumbers(fields, group)
		.filter((row) => one(fields, `${group}-${row}-remove`) === '')
		.map((row) => {
			const values = Object.fromEntries(
				parts.map((part) => [part, one(fields, `${group}-${row}-${part}`)])
			) as Record<P, string>;
			return { ...values, row };
		})
		.filter((row) => !isBlank(row));
}

/** The frequency and visibility have defaults in an empty row, so they do not make a row count. */
export const sessionIsBlank = (r: Record<(typeof SESSION_PARTS)[number], string>) =>
	!r.weekday && !r.week && !r.anchor && !r.start && !r.end && !r.note;
export const contactIsBlank = (r: Record<(typeof CONTACT_PARTS)[number], string>) =>
	!r.kind && !r.label && !r.value;

export function sessionSchema(raw: SessionRow) {
	const n = `session ${raw.row}`;
	const weekday = /^[1-7]$/.test(raw.weekday) ? Number(raw.weekday) : null;
	const start = readTime(raw.start);
	return z.object({
		frequency: z.enum(SESSION_FREQUENCIES, { error: `Choose how often ${n} meets` }),
		weekday: z
			.string()
			.regex(/^[1-7]$/, `Choose the day of the week ${n} meets`)
			.transform(Number),
		week:
			raw.frequency === 'monthly'
				? z
						.enum(['1', '2', '3', '4', '-1'], {
							error: `Choose which week of the month ${n} meets: first, second, third, fourth or last`
						})
						.transform(Number)
				: ignored(null),
		anchor:
			raw.frequency === 'fortnightly'
				? readWith(
						readDate,
						`Enter the date of one meeting of ${n}, so we know which weeks it meets, like 25/11/2026`,
						`Enter a real date for one meeting of ${n}, like 25/11/2026`
					).refine(
						(date) => weekday === null || isoWeekday(date) === weekday,
						weekday === null
							? ''
							: `The date of one meeting of ${n} must be a ${weekdayName(weekday)}, the day it meets`
					)
				: ignored(null),
		start: readWith(
			readTime,
			`Enter a start time for ${n}, like 10:00`,
			`Enter the start time for ${n} as hours and minutes, like 10:00`
		),
		end: readWith(
			readTime,
			`Enter an end time for ${n}, like 12:00`,
			`Enter the end time for ${n} as hours and minutes, like 12:00`
		).refine(
			(end) => start === null || end > start,
			`Enter an end time later than the start time for ${n}`
		),
		note: optionalText(200, `The note for ${n} must be 200 characters or fewer`)
	});
}

export const PHONE = /^\+?[0-9 ()-]{6,20}$/;
export const EMAIL = /^[^\s@<>()"',;]+@[^\s@<>()"',;]+\.[A-Za-z]{2,}$/;

/** A website as a full http(s) address; "example.org/x" gets https:// in front. */
export function readWebsite(text: string): string | null {
	const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
	try {
		const url = new URL(withScheme);
		if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
		return url.hostname.includes('.') ? withScheme : null;
	} catch {
		return null;
	}
}

export function contactSchema(raw: ContactRow, visibilityRule: 'any' | 'coordinators') {
	const n = `contact ${raw.row}`;
	const value = {
		phone: readWith(
			(text) => (PHONE.test(text) ? text : null),
			`Enter the phone number for ${n}`,
			`Enter the phone number for ${n} using only numbers, spaces and brackets, like 01632 960190`
		),
		email: readWith(
			(text) => (EMAIL.test(text) && text.length <= 254 ? text : null),
			`Enter the email address for ${n}`,
			`Enter the email address for ${n} in the correct format, like name@example.com`
		),
		website: readWith(
			(text) => (text.length <= 500 ? readWebsite(text) : null),
			`Enter the website for ${n}`,
			`Enter the website for ${n} as a full address, like https://example.org`
		),
		person: requiredText(
			200,
			`Enter the name of the person for ${n}`,
			`The name of the person for ${n} must be 200 characters or fewer`
		)
	}[raw.kind as (typeof CONTACT_KINDS)[number]];
	return z.object({
		kind: z.enum(CONTACT_KINDS, {
			error: `Choose whether ${n} is a phone number, an email address, a website or a person`
		}),
		label: optionalText(100, `The label of ${n} must be 100 characters or fewer`),
		value:
			value ??
			requiredText(
				500,
				`Enter the details of ${n}`,
				`The details of ${n} must be 500 characters or fewer`
			),
		visibility:
			visibilityRule === 'coordinators'
				? z.literal('coordinators', {
						error: `Make ${n} for coordinators only: the person has not agreed to their contact details being public`
					})
				: z.enum(CONTACT_VISIBILITIES, { error: `Choose who can see ${n}` })
	});
}
