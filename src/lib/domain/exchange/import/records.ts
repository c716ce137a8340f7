/**
 * What every format's reader produces for each row, feature or service: a candidate asset (its
 * categories still as the file names them, its place perhaps still a postcode to look up), or
 * the reasons it cannot be one. `finaliseRecords` then resolves categories and postcodes, checks
 * each candidate with the shared asset draft schema, and refuses a second record with an id
 * already used in the same file.
 */
import type { AccessibilityFeature, AssetKind, AssetStatus, ServiceSector } from '../../vocabulary';
import { normalisePostcode } from '../../postcode';
import {
	MAX_DESCRIPTION_LENGTH,
	parseAssetDraft,
	type AssetDraft,
	type AssetDraftInput
} from '../asset-draft';
import type { CategoryResolver } from './categories';
import { emailOf, oneLine, phoneOf, repairPostcode, websiteOf } from './values';

/**
 * Where a reader says a record is: at a point, wherever its postcode is (and if the postcode is
 * missing or unknown, refused or roaming), or nowhere in particular.
 */
export type ReaderWhere =
	| { point: [number, number] }
	| { byPostcode: 'reject' | 'roaming' }
	| { none: 'reject' | 'roaming' | 'online' };

/** Where a candidate is, once its postcode has been read. */
export type Whereabouts =
	| { point: [number, number] }
	| { postcode: string; orElse: 'reject' | 'roaming' }
	| { none: 'reject' | 'roaming' | 'online' }
	| { problem: string };

export interface Candidate {
	/** How messages name the record, e.g. 'feature 12 ("Altrincham Library")' or 'line 5'. */
	ref: string;
	/** The draft without source, location or categories (added by finaliseRecords). */
	input: Omit<AssetDraftInput, 'source' | 'categories' | 'locationKind' | 'point' | 'status'> & {
		status?: AssetStatus;
		locationKind?: AssetDraftInput['locationKind'];
	};
	categories: string[];
	where: Whereabouts;
	warnings: string[];
}

export type RecordOutcome =
	{ ok: true; candidate: Candidate } | { ok: false; ref: string; reasons: string[] };

export interface ReadyDraft {
	ref: string;
	draft: AssetDraft;
	warnings: string[];
	/** True when the file gave no id, so the external id was made from the name and place. */
	fingerprinted: boolean;
}

export interface Rejection {
	ref: string;
	reasons: string[];
}

/** How messages name a record: its position in the file and, when it has one, its name. */
export function recordRef(what: string, name: string | null): string {
	if (!name) return what;
	const short = name.length > 60 ? `${name.slice(0, 57)}…` : name;
	return `${what} ("${short}")`;
}

export interface CommonFields {
	externalId: string | null;
	name: string;
	description: string | null;
	address: string | null;
	postcode: string | null;
	website: string | null;
	email: string | null;
	phone: string | null;
}

export interface Classification {
	kind: AssetKind | null;
	sector: ServiceSector | null;
	accessibility: AccessibilityFeature[];
	familyFriendly: boolean;
}

/**
 * A candidate from the fields a mapping read and the kind its rules chose. Contacts come from the
 * website, email and phone (public: they were published in the file); a value that is not shaped
 * like one is left out with a warning rather than refusing the whole record.
 */
export function candidateFrom(
	ref: string,
	fields: CommonFields,
	classification: Classification,
	categories: string[],
	where: ReaderWhere
): Candidate {
	const warnings: string[] = [];
	const contacts: NonNullable<AssetDraftInput['contacts']> = [];
	const checked = [
		['website', websiteOf(fields.website)],
		['email', emailOf(fields.email)],
		['phone', phoneOf(fields.phone)]
	] as const;
	for (const [kind, { value, warning }] of checked) {
		if (value) contacts.push({ kind, value });
		if (warning) warnings.push(warning);
	}
	let postcode: string | null = null;
	if (fields.postcode) {
		const { postcode: repaired, repaired: fixed } = repairPostcode(fields.postcode);
		postcode = normalisePostcode(repaired);
		if (fixed && postcode)
			warnings.push(
				`postcode "${fields.postcode.trim()}" was read as ${postcode} (a letter O where a zero belongs)`
			);
		if (!postcode)
			warnings.push(
				`postcode "${fields.postcode.trim().slice(0, 20)}" is not a UK postcode, so it was left out`
			);
	}
	const kind = classification.kind ?? 'venue';
	return {
		ref,
		input: {
			externalId: fields.externalId,
			kind,
			// Community first: a service from a file is a community service unless a rule says otherwise.
			sector: kind === 'service' ? (classification.sector ?? 'community') : null,
			name: oneLine(fields.name),
			description: description(fields.description, warnings),
			address: fields.address ? oneLine(fields.address) : null,
			postcode,
			accessibility: classification.accessibility,
			familyFriendly: classification.familyFriendly,
			contacts
		},
		categories,
		where: whereabouts(where, postcode, fields.postcode),
		warnings
	};
}

function whereabouts(where: ReaderWhere, postcode: string | null, raw: string | null): Whereabouts {
	if (!('byPostcode' in where)) return where;
	if (postcode) return { postcode, orElse: where.byPostcode };
	if (where.byPostcode === 'roaming') return { none: 'roaming' };
	return {
		problem: raw
			? `has the postcode "${raw.trim().slice(0, 20)}", which is not a UK postcode, and no latitude and longitude or easting and northing`
			: 'has no location: give latitude and longitude, easting and northing, or a postcode'
	};
}

/** A description cut to the longest kept, with a warning, rather than losing the whole record. */
function description(text: string | null, warnings: string[]): string {
	if (!text) return '';
	if (text.length <= MAX_DESCRIPTION_LENGTH) return text;
	warnings.push(
		`its description was cut to ${MAX_DESCRIPTION_LENGTH.toLocaleString('en-GB')} characters`
	);
	return text.slice(0, MAX_DESCRIPTION_LENGTH);
}

export interface FinaliseOptions {
	source: string;
	status: AssetStatus;
	resolver: CategoryResolver;
	/** [lon, lat] of a normalised postcode from the postcode table, or null when it is not there. */
	lookupPostcode: (postcode: string) => [number, number] | null;
}

/** The external id for a record the file gave no id: its name and place, so a re-import finds it. */
function fingerprint(
	name: string,
	point: [number, number] | null,
	postcode: string | null
): string {
	const where = point ? `${point[0].toFixed(4)},${point[1].toFixed(4)}` : (postcode ?? 'nowhere');
	return `${name.toLowerCase().replace(/\s+/g, ' ').slice(0, 150)}@${where}`;
}

/**
 * Resolves each candidate's place and categories, checks it against the asset draft schema, and
 * refuses a record whose id an earlier record in the same file already has.
 */
export function finaliseRecords(
	outcomes: Iterable<RecordOutcome>,
	options: FinaliseOptions,
	onEach?: () => void
): { drafts: ReadyDraft[]; rejected: Rejection[] } {
	const drafts: ReadyDraft[] = [];
	const rejected: Rejection[] = [];
	const seen = new Map<string, string>();
	for (const outcome of outcomes) {
		onEach?.();
		if (!outcome.ok) {
			rejected.push({ ref: outcome.ref, reasons: outcome.reasons });
			continue;
		}
		const { candidate } = outcome;
		const placed = place(candidate, options.lookupPostcode);
		if ('problem' in placed) {
			rejected.push({ ref: candidate.ref, reasons: [placed.problem] });
			continue;
		}
		const fingerprinted = !candidate.input.externalId;
		const externalId =
			candidate.input.externalId ??
			fingerprint(
				candidate.input.name,
				placed.point,
				(candidate.input.postcode as string | null | undefined) ?? null
			);
		const result = parseAssetDraft({
			...candidate.input,
			status: candidate.input.status ?? options.status,
			source: options.source,
			externalId,
			locationKind: placed.locationKind,
			point: placed.point ? { lon: placed.point[0], lat: placed.point[1] } : null,
			categories: options.resolver.resolveAll(candidate.categories)
		});
		if (!result.ok) {
			rejected.push({ ref: candidate.ref, reasons: result.reasons });
			continue;
		}
		const key = result.draft.externalId!;
		const earlier = seen.get(key);
		if (earlier !== undefined) {
			rejected.push({
				ref: candidate.ref,
				reasons: [
					fingerprinted
						? `has the same name and place as ${earlier}, so it is the same asset twice`
						: `has the id "${key}", which ${earlier} already has: ids must be unique in a file`
				]
			});
			continue;
		}
		seen.set(key, candidate.ref);
		drafts.push({
			ref: candidate.ref,
			draft: result.draft,
			warnings: candidate.warnings,
			fingerprinted
		});
	}
	return { drafts, rejected };
}

type Placed =
	| { locationKind: 'place' | 'online' | 'roaming'; point: [number, number] | null }
	| { problem: string };

function place(candidate: Candidate, lookup: FinaliseOptions['lookupPostcode']): Placed {
	const where = candidate.where;
	if ('problem' in where) return { problem: where.problem };
	if ('point' in where) return { locationKind: 'place', point: where.point };
	if ('postcode' in where) {
		const point = lookup(where.postcode);
		if (point) return { locationKind: 'place', point };
		if (where.orElse === 'roaming') return { locationKind: 'roaming', point: null };
		return {
			problem: `has the postcode ${where.postcode}, which is not in Patchwork's postcode table (import the ONS Postcode Directory for the area, or give latitude and longitude)`
		};
	}
	if (where.none === 'reject') {
		return {
			problem: 'has no location: give latitude and longitude, easting and northing, or a postcode'
		};
	}
	return { locationKind: where.none, point: null };
}
