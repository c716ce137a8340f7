import { describe, expect, it } from 'vitest';
import { fieldsFrom } from './fields';
import { entryOf, errorsOf, form } from './form-test-forms';
import { entryToFields } from './to-fields';
import type { EntryData } from './types';

describe('reading a whole entry', () => {
	it('reads every field of a group, tidying what was typed', () => {
		expect(entryOf(form())).toEqual({
			kind: 'group',
			sector: null,
			name: 'Knit and natter',
			nameCy: 'Gweu a sgwrsio',
			description: 'A friendly knitting group.\n\nAll welcome.',
			descriptionCy: null,
			categoryIds: ['crafts', 'social'],
			locationKind: 'place',
			pointFrom: 'coordinates',
			lon: -2.9064,
			lat: 53.0512,
			address: '140 Well Street',
			postcode: 'FV7 0RE',
			linkedPatchIds: [],
			venueId: 40,
			sessions: [],
			contacts: [],
			accessibility: ['hearing_loop', 'step_free'],
			ageMin: null,
			ageMax: null,
			familyFriendly: true,
			cost: 'free',
			costDetail: null,
			languages: ['cy', 'en'],
			status: 'published',
			consentRecordedOn: null,
			consentHow: null,
			consentPublic: false,
			consentPublicOn: null,
			consentContactsPublic: false
		});
	});

	it('names every missing field in plain words, in the order of the page', () => {
		const errors = errorsOf({});
		expect(errors).toEqual({
			kind: 'Choose what kind of entry this is: a group, venue, informal support or service',
			name: 'Enter the name in English',
			description: 'Enter a description in English',
			categories: 'Choose at least one category',
			locationKind: 'Choose where it happens: at a place, online, or moving around (roaming)',
			familyFriendly: 'Choose whether it is family-friendly',
			cost: 'Choose what it costs: free, low cost, paid, or not known',
			status: 'Choose whether it is a draft or published'
		});
		expect(Object.keys(errors)[0]).toBe('kind');
	});

	it('refuses values that were not offered (a forged form) as "from the list"', () => {
		const errors = errorsOf(
			form({
				kind: 'person',
				categories: ['social', 'made-up'],
				venueId: '99',
				accessibility: ['wings'],
				languages: ['xx'],
				cost: 'expensive',
				status: 'deleted'
			})
		);
		expect(errors).toMatchObject({
			kind: 'Choose what kind of entry this is: a group, venue, informal support or service',
			categories: 'Choose categories from the list',
			venueId: 'Choose a venue from the list, or "None"',
			accessibility: 'Choose accessibility features from the list',
			languages: 'Choose languages from the list',
			cost: 'Choose what it costs: free, low cost, paid, or not known',
			status: 'Choose whether it is a draft or published'
		});
	});

	it('gives a too-long message naming the field', () => {
		const errors = errorsOf(
			form({
				name: 'x'.repeat(121),
				nameCy: 'y'.repeat(121),
				description: 'z'.repeat(5001),
				descriptionCy: 'z'.repeat(5001),
				costDetail: 'c'.repeat(201),
				address: 'a'.repeat(201)
			})
		);
		expect(errors).toEqual({
			name: 'The name in English must be 120 characters or fewer',
			nameCy: 'The name in Welsh must be 120 characters or fewer',
			description: 'The description in English must be 5,000 characters or fewer',
			descriptionCy: 'The description in Welsh must be 5,000 characters or fewer',
			address: 'The address must be 200 characters or fewer',
			costDetail: 'The cost details must be 200 characters or fewer'
		});
	});
});

describe('kind and sector', () => {
	it('asks a service who provides it, and keeps the sector', () => {
		expect(errorsOf(form({ kind: 'service' }))).toEqual({
			sector: 'Choose who provides the service: community, commissioned or statutory'
		});
		expect(entryOf(form({ kind: 'service', sector: 'statutory' })).sector).toBe('statutory');
	});

	it('drops a sector sent for anything but a service', () => {
		expect(entryOf(form({ kind: 'venue', sector: 'statutory' })).sector).toBeNull();
	});
});

describe('where it is', () => {
	it('leaves the point of a postcode to be looked up, and needs the postcode', () => {
		const entry = entryOf(form({ pointFrom: 'postcode', lat: '1', lon: '1' }));
		expect(entry).toMatchObject({
			pointFrom: 'postcode',
			lon: null,
			lat: null,
			postcode: 'FV7 0RE'
		});
		expect(errorsOf(form({ pointFrom: 'postcode', postcode: '' }))).toEqual({
			postcode: 'Enter the postcode, like FV1 2AB'
		});
		expect(errorsOf(form({ postcode: 'not a postcode' }))).toEqual({
			postcode: 'Enter a real postcode, like FV1 2AB'
		});
	});

	it('takes the point picked on the map from the hidden inputs', () => {
		const entry = entryOf(form({ pointFrom: 'map', mapLat: '53.1', mapLon: '-2.95' }));
		expect([entry.lon, entry.lat]).toEqual([-2.95, 53.1]);
		expect(errorsOf(form({ pointFrom: 'map' }))).toEqual({
			map: 'Select the place on the map, or give its postcode or coordinates instead'
		});
	});

	it('checks typed coordinates', () => {
		expect(errorsOf(form({ lat: '', lon: 'west' }))).toEqual({
			lat: 'Enter the latitude, like 53.0512',
			lon: 'Enter the longitude as a number from -180 to 180, like -2.9064'
		});
		expect(errorsOf(form({ lat: '91', lon: '-181' }))).toEqual({
			lat: 'Enter the latitude as a number from -90 to 90, like 53.0512',
			lon: 'Enter the longitude as a number from -180 to 180, like -2.9064'
		});
	});

	it('asks how the place is given', () => {
		expect(errorsOf(form({ pointFrom: '' }))).toEqual({
			pointFrom: 'Choose how to give the place: from its postcode, on the map, or as coordinates'
		});
	});

	it('links an online or roaming entry to the patches it serves, and drops place details', () => {
		const entry = entryOf(form({ locationKind: 'online', patches: ['3', '1'] }));
		expect(entry).toMatchObject({
			locationKind: 'online',
			linkedPatchIds: [1, 3],
			lon: null,
			lat: null,
			address: null,
			postcode: null,
			pointFrom: null
		});
		expect(errorsOf(form({ locationKind: 'roaming' }))).toEqual({
			patches: 'Choose at least one patch it serves'
		});
		expect(errorsOf(form({ locationKind: 'roaming', patches: ['9'] }))).toEqual({
			patches: 'Choose patches from the list'
		});
	});

	it('has no venue when "None" is chosen', () => {
		expect(entryOf(form({ venueId: '' })).venueId).toBeNull();
	});
});

describe('an informal support and its consent', () => {
	const informal = (changes: Record<string, string | undefined> = {}) =>
		form({
			kind: 'informal_support',
			consentRecordedOn: '2026-06-01',
			consentHow: 'In person, at the library',
			consentPublic: 'yes',
			consentPublicOn: '01/06/2026',
			consentContactsPublic: 'no',
			...changes
		});

	it('keeps the consent: recorded (date, how), shown publicly (yes, date), contacts public', () => {
		expect(entryOf(informal())).toMatchObject({
			consentRecordedOn: '2026-06-01',
			consentHow: 'In person, at the library',
			consentPublic: true,
			consentPublicOn: '2026-06-01',
			consentContactsPublic: false
		});
	});

	it('needs consent to be recorded before anything else about a person', () => {
		expect(
			errorsOf(
				informal({
					consentRecordedOn: '',
					consentHow: '',
					consentPublic: '',
					consentPublicOn: '',
					consentContactsPublic: ''
				})
			)
		).toEqual({
			consentRecordedOn: 'Enter the date the person agreed to be recorded, like 25/11/2026',
			consentHow:
				'Enter how the person gave their consent to be recorded, for example "In person, at the library"',
			consentPublic: 'Choose whether the person agreed to be shown publicly',
			consentContactsPublic:
				'Choose whether the person agreed to their contact details being public'
		});
	});

	it('refuses consent dated in the future or not a date, and a public date without public consent is dropped', () => {
		expect(
			errorsOf(informal({ consentRecordedOn: '2026-06-11', consentPublicOn: '2026-13-01' }))
		).toEqual({
			consentRecordedOn: 'The date the person agreed to be recorded must be today or in the past',
			consentPublicOn:
				'Enter a real date for when the person agreed to be shown publicly, like 25/11/2026'
		});
		expect(entryOf(informal({ consentPublic: 'no' })).consentPublicOn).toBeNull();
	});

	it('keeps a person’s contacts for coordinators only unless they agreed to share them', () => {
		const withContact = (changes: Record<string, string>) =>
			informal({
				'contact-1-kind': 'phone',
				'contact-1-value': '07700 900123',
				'contact-1-visibility': 'public',
				...changes
			});
		expect(errorsOf(withContact({}))).toEqual({
			'contact-1-visibility':
				'Make contact 1 for coordinators only: the person has not agreed to their contact details being public'
		});
		expect(
			entryOf(withContact({ 'contact-1-visibility': 'coordinators' })).contacts[0].visibility
		).toBe('coordinators');
		expect(entryOf(withContact({ consentContactsPublic: 'yes' })).contacts[0].visibility).toBe(
			'public'
		);
		expect(
			errorsOf(withContact({ consentPublic: 'no', consentContactsPublic: 'yes' }))
		).toMatchObject({
			consentContactsPublic:
				'Their contact details can be public only if the person also agreed to be shown publicly'
		});
	});

	it('ignores consent fields for anything but an informal support', () => {
		expect(entryOf(form({ consentPublic: 'yes', consentHow: 'x' }))).toMatchObject({
			consentPublic: false,
			consentHow: null
		});
	});
});

describe('who it is for, cost and languages', () => {
	it('reads ages and checks them', () => {
		expect(entryOf(form({ ageMin: '16', ageMax: '25' }))).toMatchObject({ ageMin: 16, ageMax: 25 });
		expect(errorsOf(form({ ageMin: 'teen', ageMax: '200' }))).toEqual({
			ageMin: 'Enter the youngest age as a whole number from 0 to 120, like 16',
			ageMax: 'Enter the oldest age as a whole number from 0 to 120, like 16'
		});
		expect(errorsOf(form({ ageMin: '30', ageMax: '18' }))).toEqual({
			ageMax: 'Enter an oldest age that is the same as or more than the youngest age'
		});
	});

	it('reads cost "not known" as none, and family-friendly as yes or no', () => {
		expect(entryOf(form({ cost: 'unknown', familyFriendly: 'no' }))).toMatchObject({
			cost: null,
			familyFriendly: false
		});
		expect(entryOf(form({ cost: 'low', costDetail: '£2 a session' }))).toMatchObject({
			cost: 'low',
			costDetail: '£2 a session'
		});
	});
});

describe('going round: an entry shown as a form and read back', () => {
	it('gives the same entry back for every field, sessions and contacts', () => {
		const entry: EntryData = {
			...entryOf(form({ kind: 'service', sector: 'community' })),
			sessions: [
				{
					frequency: 'fortnightly',
					weekday: 4,
					weekOfMonth: null,
					anchorDate: '2026-06-11',
					startTime: '18:00',
					endTime: '20:00',
					note: 'Upstairs'
				},
				{
					frequency: 'monthly',
					weekday: 5,
					weekOfMonth: -1,
					anchorDate: null,
					startTime: '10:00',
					endTime: '12:00',
					note: null
				}
			],
			contacts: [
				{ kind: 'email', label: 'Chair', value: 'c@example.org', visibility: 'coordinators' }
			],
			ageMin: 5,
			ageMax: 11
		};
		const back = entryOf(entryToFields(entry));
		expect({ ...back, pointFrom: undefined }).toEqual({ ...entry, pointFrom: undefined });
	});

	it('reads a real FormData, leaving out files and anything secret', () => {
		const data = new FormData();
		data.append('name', 'Knit');
		data.append('categories', 'social');
		data.append('categories', 'crafts');
		data.append('password', 'hunter2');
		data.append('upload', new Blob(['x']), 'x.txt');
		expect(fieldsFrom(data)).toEqual({ name: ['Knit'], categories: ['social', 'crafts'] });
	});
});
