/** The entry form's errors: each issue's field as the page names it, in the order of the page. */
import { CONTACT_PARTS, SESSION_PARTS } from './form-rows';
import type { RawEntryForm } from './form';

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
export function fieldOf(path: readonly PropertyKey[], raw: RawEntryForm): string {
	const [first, index, part] = path;
	if (first === 'sessions' && typeof index === 'number' && part !== undefined) {
		return `session-${raw.sessions[index].row}-${String(part)}`;
	}
	if (first === 'contacts' && typeof index === 'number' && part !== undefined) {
		return `contact-${raw.contacts[index].row}-${String(part)}`;
	}
	return String(first ?? 'form');
}
