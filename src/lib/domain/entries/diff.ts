/**
 * Field by field: what differs between two versions of an entry, and how two people's saves combine.
 * When a save is refused because someone else saved first, the editor shows each field the other
 * person changed (their value beside the value you started from) and keeps what you typed; fields you
 * did not touch take their new value, so your second save never quietly undoes their work.
 */
import { formatDate } from '../format';
import { describeSession } from '../sessions';
import {
	ACCESSIBILITY_FEATURES,
	ASSET_KIND_LABELS,
	COST_LABELS,
	LANGUAGE_NAMES,
	SERVICE_SECTOR_LABELS,
	type AccessibilityFeature
} from '../vocabulary';
import type { EntryData } from './types';

/** The fields compared, in form order, with their names as the editor labels them. */
export const ENTRY_FIELDS = [
	{ key: 'kind', label: 'Kind of entry' },
	{ key: 'sector', label: 'Who provides the service' },
	{ key: 'name', label: 'Name in English' },
	{ key: 'nameCy', label: 'Name in Welsh' },
	{ key: 'description', label: 'Description in English' },
	{ key: 'descriptionCy', label: 'Description in Welsh' },
	{ key: 'consentRecordedOn', label: 'Date they agreed to be recorded' },
	{ key: 'consentHow', label: 'How they gave consent' },
	{ key: 'consentPublic', label: 'Agreed to be shown publicly' },
	{ key: 'consentPublicOn', label: 'Date they agreed to be shown publicly' },
	{ key: 'consentContactsPublic', label: 'Agreed to public contact details' },
	{ key: 'categoryIds', label: 'Categories' },
	{ key: 'locationKind', label: 'Where it happens' },
	{ key: 'point', label: 'Point on the map' },
	{ key: 'address', label: 'Address' },
	{ key: 'postcode', label: 'Postcode' },
	{ key: 'linkedPatchIds', label: 'Patches it serves' },
	{ key: 'venueId', label: 'Venue it meets at' },
	{ key: 'sessions', label: 'When it meets' },
	{ key: 'contacts', label: 'Contacts' },
	{ key: 'accessibility', label: 'Accessibility' },
	{ key: 'ageMin', label: 'Youngest age' },
	{ key: 'ageMax', label: 'Oldest age' },
	{ key: 'familyFriendly', label: 'Family-friendly' },
	{ key: 'cost', label: 'Cost' },
	{ key: 'costDetail', label: 'Cost details' },
	{ key: 'languages', label: 'Languages' },
	{ key: 'status', label: 'Status' }
] as const;

export type EntryFieldKey = (typeof ENTRY_FIELDS)[number]['key'];

/** The value of one compared field; the point is longitude and latitude together. */
function valueOf(entry: EntryData, key: EntryFieldKey): unknown {
	if (key === 'point')
		return entry.lon === null || entry.lat === null ? null : [entry.lon, entry.lat];
	return entry[key];
}

function setValue(entry: EntryData, key: EntryFieldKey, value: unknown): void {
	if (key === 'point') {
		const point = value as [number, number] | null;
		entry.lon = point ? point[0] : null;
		entry.lat = point ? point[1] : null;
		return;
	}
	(entry as unknown as Record<string, unknown>)[key] = structuredClone(value);
}

/** Same value: lists of ids are compared as sets, sessions and contacts in order. */
function same(key: EntryFieldKey, a: unknown, b: unknown): boolean {
	const canonical = (value: unknown) =>
		Array.isArray(value) &&
		['categoryIds', 'linkedPatchIds', 'accessibility', 'languages'].includes(key)
			? [...value].map(String).sort()
			: (value ?? null);
	return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** The fields that differ between two versions, in form order. */
export function diffEntries(before: EntryData, after: EntryData): EntryFieldKey[] {
	return ENTRY_FIELDS.map((field) => field.key).filter(
		(key) => !same(key, valueOf(before, key), valueOf(after, key))
	);
}

export interface MergedField {
	key: EntryFieldKey;
	label: string;
	/** You changed it too: your value is kept in the form, theirs is shown beside it. */
	bothChanged: boolean;
}

/**
 * Combines your edit with a save that beat you to it, from the version you started from (`base`):
 * every field you changed keeps your value; every other field takes theirs. Returns the combined entry
 * and the fields they changed (marking those you changed too).
 */
export function mergeEntries(
	base: EntryData,
	theirs: EntryData,
	yours: EntryData
): { merged: EntryData; theirChanges: MergedField[] } {
	const merged = structuredClone(yours);
	const theirChanges: MergedField[] = [];
	for (const { key, label } of ENTRY_FIELDS) {
		const theyChanged = !same(key, valueOf(base, key), valueOf(theirs, key));
		if (!theyChanged) continue;
		const youChanged = !same(key, valueOf(base, key), valueOf(yours, key));
		if (!youChanged) setValue(merged, key, valueOf(theirs, key));
		theirChanges.push({
			key,
			label,
			bothChanged: youChanged && !same(key, valueOf(theirs, key), valueOf(yours, key))
		});
	}
	return { merged, theirChanges };
}

/** Names for ids, to describe categories, venues and patches in words. */
export interface EntryNames {
	categories: ReadonlyMap<string, string>;
	venues: ReadonlyMap<number, string>;
	patches: ReadonlyMap<number, string>;
}

const NONE = 'None';
const yesNo = (value: boolean) => (value ? 'Yes' : 'No');
const list = (values: readonly string[]) => (values.length ? values.join(', ') : NONE);
const LOCATION_LABELS: Record<string, string> = {
	place: 'At a place',
	online: 'Online',
	roaming: 'Moving around (roaming)'
};
const STATUS_LABELS: Record<string, string> = {
	draft: 'Draft',
	published: 'Published',
	archived: 'Archived'
};
const VISIBILITY_LABELS: Record<string, string> = {
	public: 'public',
	coordinators: 'coordinators only'
};

/** One field of an entry in plain words, as the conflict view shows it. */
export function describeEntryField(
	entry: EntryData,
	key: EntryFieldKey,
	names: EntryNames
): string {
	switch (key) {
		case 'kind':
			return ASSET_KIND_LABELS[entry.kind].one;
		case 'sector':
			return entry.sector ? SERVICE_SECTOR_LABELS[entry.sector] : NONE;
		case 'categoryIds':
			return list(entry.categoryIds.map((id) => names.categories.get(id) ?? id));
		case 'locationKind':
			return LOCATION_LABELS[entry.locationKind] ?? entry.locationKind;
		case 'point':
			return entry.lat === null || entry.lon === null
				? NONE
				: `Latitude ${entry.lat}, longitude ${entry.lon}`;
		case 'linkedPatchIds':
			return list(entry.linkedPatchIds.map((id) => names.patches.get(id) ?? `Patch ${id}`));
		case 'venueId':
			return entry.venueId === null
				? NONE
				: (names.venues.get(entry.venueId) ?? `Entry ${entry.venueId}`);
		case 'sessions':
			return entry.sessions.length
				? entry.sessions
						.map(
							(session) =>
								describeSession(session) +
								(session.anchorDate ? ` (meets on ${formatDate(session.anchorDate)})` : '') +
								(session.note ? `: ${session.note}` : '')
						)
						.join('; ')
				: NONE;
		case 'contacts':
			return entry.contacts.length
				? entry.contacts
						.map(
							(c) =>
								`${c.label ? `${c.label}: ` : ''}${c.value} (${c.kind}, ${VISIBILITY_LABELS[c.visibility]})`
						)
						.join('; ')
				: NONE;
		case 'accessibility':
			return list(
				entry.accessibility.map(
					(code) => ACCESSIBILITY_FEATURES[code as AccessibilityFeature] ?? code
				)
			);
		case 'familyFriendly':
		case 'consentPublic':
		case 'consentContactsPublic':
			return yesNo(entry[key]);
		case 'cost':
			return entry.cost ? COST_LABELS[entry.cost] : 'Not known';
		case 'languages':
			return list(entry.languages.map((code) => LANGUAGE_NAMES[code] ?? code));
		case 'status':
			return STATUS_LABELS[entry.status];
		case 'consentRecordedOn':
		case 'consentPublicOn':
			return entry[key] ? formatDate(entry[key]) : NONE;
		default: {
			const value = entry[key];
			return value === null || value === '' ? NONE : String(value);
		}
	}
}
