/**
 * The entry editor's form, read and checked: one zod schema built from what was posted (which fields
 * apply depends on other answers: the sector on the kind, the point on how the place was given, a
 * session's week on its frequency), with every message naming its field in plain words, so the error
 * summary can say "Enter an end time later than the start time for session 2".
 *
 * The field schemas are in form-fields.ts, the repeatable rows in form-rows.ts and the error order
 * in form-errors.ts.
 */
import { z } from 'zod';
import { normalisePostcode } from '../postcode';
import {
	ACCESSIBILITY_FEATURES,
	ASSET_KINDS,
	ASSET_STATUSES,
	COST_KINDS,
	LOCATION_KINDS,
	SERVICE_SECTORS
} from '../vocabulary';
import { many, one, type FormFields } from './fields';
import { fieldOf, orderErrors } from './form-errors';
import {
	age,
	dateNotAfter,
	ignored,
	longText,
	optionalText,
	readAge,
	readNumber,
	readWith,
	requiredText,
	yesNo
} from './form-fields';
import {
	CONTACT_PARTS,
	contactIsBlank,
	contactSchema,
	readRows,
	SESSION_PARTS,
	sessionIsBlank,
	sessionSchema
} from './form-rows';
import { POINT_SOURCES, type ParsedEntry } from './types';

export { MAX_ROWS, rowNumbers } from './form-rows';
export { orderErrors } from './form-errors';

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

export type RawEntryForm = ReturnType<typeof readRaw>;

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
