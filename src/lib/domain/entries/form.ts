/**
 * The entry editor's form, read and checked: one zod schema built from what was posted (which fields
 * apply depends on other answers: the sector on the kind, the point on how the place was given, a
 * session's week on its frequency), with every message naming its field in plain words, so the error
 * summary can say "Enter an end time later than the start time for session 2".
 *
 * Repeatable rows (sessions, contacts) are named `session-2-start`, `contact-1-value`: the number is
 * the row as the person sees it. Blank rows and rows marked "remove" are dropped.
 */
import { z } from 'zod';
import { normalisePostcode } from '../postcode';
import { weekdayName } from '../sessions';
import {
	ACCESSIBILITY_FEATURES,
	ASSET_KINDS,
	ASSET_STATUSES,
	CONTACT_KINDS,
	CONTACT_VISIBILITIES,
	COST_KINDS,
	LOCATION_KINDS,
	SERVICE_SECTORS,
	SESSION_FREQUENCIES
} from '../vocabulary';
import { isoWeekday, readDate, readTime } from './dates';
import { many, one, type FormFields } from './fields';
import { POINT_SOURCES, type ParsedEntry } from './types';

/** Most rows of sessions or of contacts one entry may have. */
export const MAX_ROWS = 30;

export interface EntryFormOptions {
	/** The ids the form offered: anything else is refused as "from the list". */
	categoryIds: readonly string[];
	venueIds: readonly number[];
	patchIds: readonly number[];
	languageCodes: readonly string[];
	/** Today ('YYYY-MM-DD', London): consent cannot be given in the future. */
	today: string;
}

export type EntryFormResult =
	{ ok: true; entry: ParsedEntry } | { ok: false; errors: Record<string, string> };

const SESSION_PARTS = ['frequency', 'weekday', 'week', 'anchor', 'start', 'end', 'note'] as const;
const CONTACT_PARTS = ['kind', 'label', 'value', 'visibility'] as const;
type SessionRow = Record<(typeof SESSION_PARTS)[number], string> & { row: number };
type ContactRow = Record<(typeof CONTACT_PARTS)[number], string> & { row: number };

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

function readRows<P extends string>(
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
const sessionIsBlank = (r: Record<(typeof SESSION_PARTS)[number], string>) =>
	!r.weekday && !r.week && !r.anchor && !r.start && !r.end && !r.note;
const contactIsBlank = (r: Record<(typeof CONTACT_PARTS)[number], string>) =>
	!r.kind && !r.label && !r.value;

// ---- Field schemas ----

/** Whitespace inside a one-line text is one space. */
const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim();

const requiredText = (max: number, missing: string, tooLong: string) =>
	z.string().transform(oneLine).pipe(z.string().min(1, missing).max(max, tooLong));

const optionalText = (max: number, tooLong: string) =>
	z
		.string()
		.transform(oneLine)
		.pipe(z.string().max(max, tooLong))
		.transform((value) => value || null);

/** Several lines (a description): line breaks kept, Windows ones made plain, ends trimmed. */
const longText = (max: number, missing: string | null, tooLong: string) =>
	z
		.string()
		.transform((value) => value.replace(/\r\n?/g, '\n').trim())
		.pipe(missing ? z.string().min(1, missing).max(max, tooLong) : z.string().max(max, tooLong));

/** A value read by `read` (null: unreadable), with one message when missing and one when wrong. */
function readWith<T>(read: (value: string) => T | null, missing: string, wrong: string) {
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
const ignored = <T>(value: T) => z.unknown().transform(() => value);

const yesNo = (message: string) =>
	z.enum(['yes', 'no'], { error: message }).transform((value) => value === 'yes');

function readNumber(text: string, min: number, max: number): number | null {
	if (!/^-?\d{1,3}(\.\d+)?$/.test(text)) return null;
	const value = Number(text);
	return value >= min && value <= max ? value : null;
}

function readAge(text: string): number | null {
	return /^\d{1,3}$/.test(text) && Number(text) <= 120 ? Number(text) : null;
}

const age = (which: string) =>
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

const dateNotAfter = (today: string, missing: string, wrong: string, future: string) =>
	readWith(readDate, missing, wrong).refine((date) => date <= today, future);

// ---- Rows ----

function sessionSchema(raw: SessionRow) {
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

const PHONE = /^\+?[0-9 ()-]{6,20}$/;
const EMAIL = /^[^\s@<>()"',;]+@[^\s@<>()"',;]+\.[A-Za-z]{2,}$/;

/** A website as a full http(s) address; "example.org/x" gets https:// in front. */
function readWebsite(text: string): string | null {
	const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
	try {
		const url = new URL(withScheme);
		if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
		return url.hostname.includes('.') ? withScheme : null;
	} catch {
		return null;
	}
}

function contactSchema(raw: ContactRow, visibilityRule: 'any' | 'coordinators') {
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

// ---- The whole form ----

/** What the form says, field by field, before checking: strings, lists and rows. */
function readRaw(fields: FormFields) {
	const text = (name: string) => one(fields, name);
	return {
		kind: text('kind'),
		sector: text('sector'),
		name: text('name'),
		nameCy: text('nameCy'),
		// Descriptions keep their line breaks: not trimmed line by line.
		description: fields.description?.[0] ?? '',
		descriptionCy: fields.descriptionCy?.[0] ?? '',
		consentRecordedOn: text('consentRecordedOn'),
		consentHow: text('consentHow'),
		consentPublic: text('consentPublic'),
		consentPublicOn: text('consentPublicOn'),
		consentContactsPublic: text('consentContactsPublic'),
		categories: many(fields, 'categories'),
		locationKind: text('locationKind'),
		pointFrom: text('pointFrom'),
		postcode: text('postcode'),
		lat: text('lat'),
		lon: text('lon'),
		mapLat: text('mapLat'),
		mapLon: text('mapLon'),
		address: text('address'),
		patches: many(fields, 'patches'),
		venueId: text('venueId'),
		sessions: readRows(fields, 'session', SESSION_PARTS, sessionIsBlank),
		contacts: readRows(fields, 'contact', CONTACT_PARTS, contactIsBlank),
		accessibility: many(fields, 'accessibility'),
		ageMin: text('ageMin'),
		ageMax: text('ageMax'),
		familyFriendly: text('familyFriendly'),
		cost: text('cost'),
		costDetail: text('costDetail'),
		languages: many(fields, 'languages'),
		status: text('status')
	};
}

type RawEntryForm = ReturnType<typeof readRaw>;

/**
 * The schema for one posted form: which fields are required depends on the answers in `raw` (a
 * service needs a sector; an informal support needs consent; a place given by postcode needs one).
 */
export function entryFormSchema(raw: RawEntryForm, options: EntryFormOptions) {
	const isService = raw.kind === 'service';
	const isInformal = raw.kind === 'informal_support';
	const atPlace = raw.locationKind === 'place';
	const linked = raw.locationKind === 'online' || raw.locationKind === 'roaming';
	const pointFrom = atPlace ? raw.pointFrom : '';
	const ageMin = readAge(raw.ageMin);
	const fromList =
		<T>(list: readonly T[]) =>
		(values: T[]) =>
			values.every((v) => list.includes(v));
	// Contacts of a person are coordinators-only unless they agreed to be shown and to share them.
	const contactsMayBePublic =
		!isInformal || (raw.consentPublic === 'yes' && raw.consentContactsPublic === 'yes');

	const postcode = z.string().transform((value, ctx) => {
		if (value === '') {
			if (pointFrom === 'postcode')
				ctx.issues.push({
					code: 'custom',
					message: 'Enter the postcode, like FV1 2AB',
					input: value
				});
			return null;
		}
		const normal = normalisePostcode(value.slice(0, 20));
		if (!normal) {
			ctx.issues.push({
				code: 'custom',
				message: 'Enter a real postcode, like FV1 2AB',
				input: value
			});
			return z.NEVER;
		}
		return normal;
	});

	return z.object({
		kind: z.enum(ASSET_KINDS, {
			error: 'Choose what kind of entry this is: a group, venue, informal support or service'
		}),
		sector: isService
			? z.enum(SERVICE_SECTORS, {
					error: 'Choose who provides the service: community, commissioned or statutory'
				})
			: ignored(null),
		name: requiredText(
			120,
			'Enter the name in English',
			'The name in English must be 120 characters or fewer'
		),
		nameCy: optionalText(120, 'The name in Welsh must be 120 characters or fewer'),
		description: longText(
			5000,
			'Enter a description in English',
			'The description in English must be 5,000 characters or fewer'
		),
		descriptionCy: longText(
			5000,
			null,
			'The description in Welsh must be 5,000 characters or fewer'
		).transform((value) => value || null),
		consentRecordedOn: isInformal
			? dateNotAfter(
					options.today,
					'Enter the date the person agreed to be recorded, like 25/11/2026',
					'Enter a real date for when the person agreed to be recorded, like 25/11/2026',
					'The date the person agreed to be recorded must be today or in the past'
				)
			: ignored(null),
		consentHow: isInformal
			? requiredText(
					200,
					'Enter how the person gave their consent to be recorded, for example "In person, at the library"',
					'How the person gave their consent must be 200 characters or fewer'
				)
			: ignored(null),
		consentPublic: isInformal
			? yesNo('Choose whether the person agreed to be shown publicly')
			: ignored(false),
		consentPublicOn:
			isInformal && raw.consentPublic === 'yes'
				? dateNotAfter(
						options.today,
						'Enter the date the person agreed to be shown publicly, like 25/11/2026',
						'Enter a real date for when the person agreed to be shown publicly, like 25/11/2026',
						'The date the person agreed to be shown publicly must be today or in the past'
					)
				: ignored(null),
		consentContactsPublic: isInformal
			? yesNo('Choose whether the person agreed to their contact details being public').refine(
					(yes) => !yes || raw.consentPublic === 'yes',
					'Their contact details can be public only if the person also agreed to be shown publicly'
				)
			: ignored(false),
		categories: z
			.array(z.string())
			.min(1, 'Choose at least one category')
			.refine(fromList(options.categoryIds), 'Choose categories from the list'),
		locationKind: z.enum(LOCATION_KINDS, {
			error: 'Choose where it happens: at a place, online, or moving around (roaming)'
		}),
		pointFrom: atPlace
			? z.enum(POINT_SOURCES, {
					error: 'Choose how to give the place: from its postcode, on the map, or as coordinates'
				})
			: ignored(null),
		postcode: atPlace ? postcode : ignored(null),
		map:
			pointFrom === 'map'
				? z.object({ lat: z.string(), lon: z.string() }).transform((point, ctx) => {
						const lat = readNumber(point.lat, -90, 90);
						const lon = readNumber(point.lon, -180, 180);
						if (lat === null || lon === null) {
							ctx.issues.push({
								code: 'custom',
								message: 'Select the place on the map, or give its postcode or coordinates instead',
								input: point
							});
							return z.NEVER;
						}
						return { lat, lon };
					})
				: ignored(null),
		lat:
			pointFrom === 'coordinates'
				? readWith(
						(text) => readNumber(text, -90, 90),
						'Enter the latitude, like 53.0512',
						'Enter the latitude as a number from -90 to 90, like 53.0512'
					)
				: ignored(null),
		lon:
			pointFrom === 'coordinates'
				? readWith(
						(text) => readNumber(text, -180, 180),
						'Enter the longitude, like -2.9064',
						'Enter the longitude as a number from -180 to 180, like -2.9064'
					)
				: ignored(null),
		address: atPlace
			? optionalText(200, 'The address must be 200 characters or fewer')
			: ignored(null),
		patches: linked
			? z
					.array(z.string())
					.min(1, 'Choose at least one patch it serves')
					.transform((ids) => ids.map(Number))
					.refine(fromList(options.patchIds), 'Choose patches from the list')
			: ignored([] as number[]),
		venueId: z
			.string()
			.transform((value) => (value === '' ? null : Number(value)))
			.refine(
				(id) => id === null || options.venueIds.includes(id),
				'Choose a venue from the list, or "None"'
			),
		sessions: z.tuple(raw.sessions.map(sessionSchema) as []),
		contacts: z.tuple(
			raw.contacts.map((row) =>
				contactSchema(row, contactsMayBePublic ? 'any' : 'coordinators')
			) as []
		),
		accessibility: z
			.array(z.string())
			.refine(
				fromList(Object.keys(ACCESSIBILITY_FEATURES)),
				'Choose accessibility features from the list'
			),
		ageMin: age('youngest'),
		ageMax: age('oldest').refine(
			(max) => max === null || ageMin === null || max >= ageMin,
			'Enter an oldest age that is the same as or more than the youngest age'
		),
		familyFriendly: yesNo('Choose whether it is family-friendly'),
		cost: z
			.enum([...COST_KINDS, 'unknown'], {
				error: 'Choose what it costs: free, low cost, paid, or not known'
			})
			.transform((cost) => (cost === 'unknown' ? null : cost)),
		costDetail: optionalText(200, 'The cost details must be 200 characters or fewer'),
		languages: z
			.array(z.string())
			.refine(fromList(options.languageCodes), 'Choose languages from the list'),
		status: z.enum(ASSET_STATUSES, {
			error: 'Choose whether it is a draft or published'
		})
	});
}

/** The order fields appear in the form, for the error summary. Rows sit where their group is. */
const FIELD_ORDER = [
	'kind',
	'sector',
	'name',
	'nameCy',
	'description',
	'descriptionCy',
	'consentRecordedOn',
	'consentHow',
	'consentPublic',
	'consentPublicOn',
	'consentContactsPublic',
	'categories',
	'locationKind',
	'pointFrom',
	'postcode',
	'map',
	'lat',
	'lon',
	'address',
	'patches',
	'venueId',
	'session',
	'contact',
	'accessibility',
	'ageMin',
	'ageMax',
	'familyFriendly',
	'cost',
	'costDetail',
	'languages',
	'status'
];

function fieldRank(field: string): [number, number, number] {
	const row = /^(session|contact)-(\d+)-(\w+)$/.exec(field);
	if (row) {
		const parts: readonly string[] = row[1] === 'session' ? SESSION_PARTS : CONTACT_PARTS;
		return [FIELD_ORDER.indexOf(row[1]), Number(row[2]), parts.indexOf(row[3])];
	}
	const index = FIELD_ORDER.indexOf(field);
	return [index < 0 ? FIELD_ORDER.length : index, 0, 0];
}

/** Errors in the order their fields appear on the page. */
export function orderErrors(errors: Record<string, string>): Record<string, string> {
	const compare = (a: string, b: string) => {
		const [x, y] = [fieldRank(a), fieldRank(b)];
		return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
	};
	return Object.fromEntries(
		Object.keys(errors)
			.sort(compare)
			.map((field) => [field, errors[field]])
	);
}

/** The form field an issue is about: `['sessions', 1, 'end']` is the second row's `session-N-end`. */
function fieldOf(path: readonly PropertyKey[], raw: RawEntryForm): string {
	const [first, index, part] = path;
	if (first === 'sessions' && typeof index === 'number' && part !== undefined) {
		return `session-${raw.sessions[index].row}-${String(part)}`;
	}
	if (first === 'contacts' && typeof index === 'number' && part !== undefined) {
		return `contact-${raw.contacts[index].row}-${String(part)}`;
	}
	return String(first ?? 'form');
}

/**
 * Reads and checks the editor's form. Returns the entry (with its point still to look up when it was
 * given by postcode), or one message per field in page order.
 * @example parseEntryForm({ kind: ['group'], name: [''], ... }, options)
 * // { ok: false, errors: { name: 'Enter the name in English', ... } }
 */
export function parseEntryForm(fields: FormFields, options: EntryFormOptions): EntryFormResult {
	const raw = readRaw(fields);
	const input = { ...raw, map: { lat: raw.mapLat, lon: raw.mapLon } };
	const parsed = entryFormSchema(raw, options).safeParse(input);
	if (!parsed.success) {
		const errors: Record<string, string> = {};
		for (const issue of parsed.error.issues) {
			const field = fieldOf(issue.path, raw);
			if (issue.message) errors[field] ??= issue.message;
		}
		return { ok: false, errors: orderErrors(errors) };
	}
	const form = parsed.data;
	const point = form.map ?? (form.lat !== null && form.lon !== null ? form : null);
	const sortedNumbers = (values: number[]) => [...values].sort((a, b) => a - b);
	return {
		ok: true,
		entry: {
			kind: form.kind,
			sector: form.sector,
			name: form.name,
			nameCy: form.nameCy,
			description: form.description,
			descriptionCy: form.descriptionCy,
			categoryIds: [...form.categories].sort(),
			locationKind: form.locationKind,
			pointFrom: form.pointFrom,
			lon: point ? point.lon : null,
			lat: point ? point.lat : null,
			address: form.address,
			postcode: form.postcode,
			linkedPatchIds: sortedNumbers(form.patches),
			venueId: form.venueId,
			sessions: (form.sessions as z.output<ReturnType<typeof sessionSchema>>[]).map((session) => ({
				frequency: session.frequency,
				weekday: session.weekday,
				weekOfMonth: session.week,
				anchorDate: session.anchor,
				startTime: session.start,
				endTime: session.end,
				note: session.note
			})),
			contacts: (form.contacts as z.output<ReturnType<typeof contactSchema>>[]).map((contact) => ({
				kind: contact.kind,
				label: contact.label,
				value: contact.value,
				visibility: contact.visibility
			})),
			accessibility: [...form.accessibility].sort(),
			ageMin: form.ageMin,
			ageMax: form.ageMax,
			familyFriendly: form.familyFriendly,
			cost: form.cost,
			costDetail: form.costDetail,
			languages: [...form.languages].sort(),
			status: form.status,
			consentRecordedOn: form.consentRecordedOn,
			consentHow: form.consentHow,
			consentPublic: form.consentPublic,
			consentPublicOn: form.consentPublicOn,
			consentContactsPublic: form.consentContactsPublic
		}
	};
}
