/** Forms for the entry form's tests: a complete, valid group that each test changes. */
import type { FormFields } from './fields';
import { parseEntryForm, type EntryFormOptions } from './form';

export const options: EntryFormOptions = {
	categoryIds: ['social', 'crafts', 'walking'],
	venueIds: [40, 41],
	patchIds: [1, 2, 3],
	languageCodes: ['en', 'cy', 'pl'],
	today: '2026-06-10'
};

/** A complete, valid group at a place given by coordinates: each test changes what it is about. */
export function form(changes: Record<string, string | string[] | undefined> = {}): FormFields {
	const base: Record<string, string | string[] | undefined> = {
		kind: 'group',
		name: '  Knit   and natter ',
		nameCy: 'Gweu a sgwrsio',
		description: 'A friendly knitting group.\r\n\r\nAll welcome.',
		descriptionCy: '',
		categories: ['crafts', 'social'],
		locationKind: 'place',
		pointFrom: 'coordinates',
		lat: '53.0512',
		lon: '-2.9064',
		address: '140 Well Street',
		postcode: 'fv7 0re',
		venueId: '40',
		accessibility: ['step_free', 'hearing_loop'],
		ageMin: '',
		ageMax: '',
		familyFriendly: 'yes',
		cost: 'free',
		costDetail: '',
		languages: ['en', 'cy'],
		status: 'published',
		...changes
	};
	return Object.fromEntries(
		Object.entries(base)
			.filter(([, value]) => value !== undefined)
			.map(([name, value]) => [name, Array.isArray(value) ? value : [value!]])
	);
}

export function errorsOf(fields: FormFields): Record<string, string> {
	const result = parseEntryForm(fields, options);
	if (result.ok) throw new Error('expected errors, got a valid entry');
	return result.errors;
}

export function entryOf(fields: FormFields) {
	const result = parseEntryForm(fields, options);
	if (!result.ok) throw new Error(`expected a valid entry: ${JSON.stringify(result.errors)}`);
	return result.entry;
}
