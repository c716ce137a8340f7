/**
 * The entry form's field schemas: one-line and long texts, values read by a function with one message
 * when missing and one when wrong, yes/no, ages and dates. Each message is given by the caller, so it
 * names the field as the person sees it.
 */
import { z } from 'zod';
import { readDate } from './dates';

/** Whitespace inside a one-line text is one space. */
export const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim();

export const requiredText = (max: number, missing: string, tooLong: string) =>
	z.string().transform(oneLine).pipe(z.string().min(1, missing).max(max, tooLong));

export const optionalText = (max: number, tooLong: string) =>
	z
		.string()
		.transform(oneLine)
		.pipe(z.string().max(max, tooLong))
		.transform((value) => value || null);

/** Several lines (a description): line breaks kept, Windows ones made plain, ends trimmed. */
export const longText = (max: number, missing: string | null, tooLong: string) =>
	z
		.string()
		.transform((value) => value.replace(/\r\n?/g, '\n').trim())
		.pipe(missing ? z.string().min(1, missing).max(max, tooLong) : z.string().max(max, tooLong));

/** A value read by `read` (null: unreadable), with one message when missing and one when wrong. */
export function readWith<T>(read: (value: string) => T | null, missing: string, wrong: string) {
	return z.string().transform((value, ctx) => {
		if (value === '') {
			ctx.issues.push({ code: 'custom', message: missing, input: value });
			return z.NEVER;
		}
		const result = read(value);
		if (result === null) {
			ctx.issues.push({ code: 'custom', message: wrong, input: value });
			return z.NEVER;
		}
		return result;
	});
}

/** A field that does not apply to this entry: whatever was posted becomes `value`. */
export const ignored = <T>(value: T) => z.unknown().transform(() => value);

export const yesNo = (message: string) =>
	z.enum(['yes', 'no'], { error: message }).transform((value) => value === 'yes');

export function readNumber(text: string, min: number, max: number): number | null {
	if (!/^-?\d{1,3}(\.\d+)?$/.test(text)) return null;
	const value = Number(text);
	return value >= min && value <= max ? value : null;
}

export function readAge(text: string): number | null {
	return /^\d{1,3}$/.test(text) && Number(text) <= 120 ? Number(text) : null;
}

export const age = (which: string) =>
	z
		.string()
		.transform((value, ctx) => {
			if (value === '') return null;
			const result = readAge(value);
			if (result === null) {
				ctx.issues.push({
					code: 'custom',
					message: `Enter the ${which} age as a whole number from 0 to 120, like 16`,
					input: value
				});
				return z.NEVER;
			}
			return result;
		})
		.nullable();

export const dateNotAfter = (today: string, missing: string, wrong: string, future: string) =>
	readWith(readDate, missing, wrong).refine((date) => date <= today, future);
