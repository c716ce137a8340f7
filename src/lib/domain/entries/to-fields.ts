/**
 * An entry as form fields, the other way from parseEntryForm: what the editor shows for a saved entry,
 * or for an entry merged after a conflict. Parsing these fields gives the entry back.
 */
import type { FormFields } from './fields';
import type { EntryData } from './types';

const text = (value: string | number | null | undefined) =>
	value === null || value === undefined ? [] : [String(value)];
const yesNo = (value: boolean) => [value ? 'yes' : 'no'];

/** The fields that show `entry` in the editor; a place's point as typed coordinates. */
export function entryToFields(entry: EntryData): FormFields {
	const fields: FormFields = {
		kind: [entry.kind],
		sector: text(entry.sector),
		name: [entry.name],
		nameCy: text(entry.nameCy),
		description: [entry.description],
		descriptionCy: text(entry.descriptionCy),
		categories: [...entry.categoryIds],
		locationKind: [entry.locationKind],
		pointFrom: entry.locationKind === 'place' ? ['coordinates'] : [],
		lat: text(entry.lat),
		lon: text(entry.lon),
		address: text(entry.address),
		postcode: text(entry.postcode),
		patches: entry.linkedPatchIds.map(String),
		venueId: text(entry.venueId),
		accessibility: [...entry.accessibility],
		ageMin: text(entry.ageMin),
		ageMax: text(entry.ageMax),
		familyFriendly: yesNo(entry.familyFriendly),
		cost: [entry.cost ?? 'unknown'],
		costDetail: text(entry.costDetail),
		languages: [...entry.languages],
		status: [entry.status]
	};
	if (entry.kind === 'informal_support') {
		Object.assign(fields, {
			consentRecordedOn: text(entry.consentRecordedOn),
			consentHow: text(entry.consentHow),
			consentPublic: yesNo(entry.consentPublic),
			consentPublicOn: text(entry.consentPublicOn),
			consentContactsPublic: yesNo(entry.consentContactsPublic)
		});
	}
	entry.sessions.forEach((session, index) => {
		const row = `session-${index + 1}`;
		Object.assign(fields, {
			[`${row}-frequency`]: [session.frequency],
			[`${row}-weekday`]: [String(session.weekday)],
			[`${row}-week`]: text(session.weekOfMonth),
			[`${row}-anchor`]: text(session.anchorDate),
			[`${row}-start`]: [session.startTime],
			[`${row}-end`]: [session.endTime],
			[`${row}-note`]: text(session.note)
		});
	});
	entry.contacts.forEach((contact, index) => {
		const row = `contact-${index + 1}`;
		Object.assign(fields, {
			[`${row}-kind`]: [contact.kind],
			[`${row}-label`]: text(contact.label),
			[`${row}-value`]: [contact.value],
			[`${row}-visibility`]: [contact.visibility]
		});
	});
	return fields;
}

/** A new entry's form: a draft at a place given by postcode, not family-friendly, cost not known. */
export function newEntryFields(kind = ''): FormFields {
	return {
		kind: kind ? [kind] : [],
		locationKind: ['place'],
		pointFrom: ['postcode'],
		familyFriendly: ['no'],
		cost: ['unknown'],
		status: ['draft']
	};
}
