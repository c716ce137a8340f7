/**
 * The parts of HSDS -> Patchwork that read one aspect of a service: where it is, how to contact it,
 * what it costs, its languages and access features. Each returns the draft fields and warnings.
 */
import { normalisePostcode } from '../../postcode';
import { ACCESSIBILITY_FEATURES, LANGUAGE_NAMES, type CostKind } from '../../vocabulary';
import type { AssetDraftInput } from '../asset-draft';
import { htmlToText } from './html-text';
import { first, list, num, obj, str, type Json } from './hsds-read';
import { isEmail, isWebUrl } from './formats';

export type Point = { lon: number; lat: number };
type Place = Pick<AssetDraftInput, 'locationKind' | 'point' | 'address' | 'postcode'>;

/** The service's locations, from v3 `service_at_locations[].location` and v1 `locations`. */
export function locationsOf(service: Json): Json[] {
	const nested = list(service.service_at_locations)
		.map((sal) => obj(sal.location))
		.filter((location): location is Json => location !== null);
	return [...nested, ...list(service.locations)];
}

function pointOf(location: Json): Point | null {
	const lat = num(location.latitude);
	const lon = num(location.longitude);
	if (lat === null || lon === null) return null;
	if (lat < -90 || lat > 90 || lon < -180 || lon > 180 || (lat === 0 && lon === 0)) return null;
	return { lon, lat };
}

function addressOf(location: Json): { address: string | null; postalCode: string | null } {
	const address = first([...list(location.addresses), ...list(location.physical_addresses)], obj);
	if (!address) return { address: null, postalCode: null };
	const lines = [address.address_1, address.address_2, address.city].map(str).filter(Boolean);
	return { address: lines.length ? lines.join(', ') : null, postalCode: str(address.postal_code) };
}

/**
 * Where the service is: the first physical location with a valid point; else the first with a
 * postcode the caller can place; else online (a virtual location) or no fixed place.
 */
export function placeOf(
	service: Json,
	locatePostcode: ((postcode: string) => Point | null) | undefined,
	warnings: string[]
): Place {
	const locations = locationsOf(service);
	const physical = locations.filter((l) => str(l.location_type) !== 'virtual');
	if (physical.length > 1) {
		warnings.push(`it has ${physical.length} locations; only the first usable one was kept`);
	}
	for (const location of physical) {
		const { address, postalCode } = addressOf(location);
		const postcode = postalCode ? normalisePostcode(postalCode) : null;
		if (postalCode && !postcode) warnings.push(`postcode "${postalCode}" is not a UK postcode`);
		let point = pointOf(location);
		if (!point && (num(location.latitude) !== null || num(location.longitude) !== null)) {
			warnings.push(
				`coordinates ${location.latitude}, ${location.longitude} are not a place on Earth`
			);
		}
		if (!point && postcode && locatePostcode) {
			point = locatePostcode(postcode);
			if (point) warnings.push(`placed at the centre of postcode ${postcode}`);
		}
		if (point) return { locationKind: 'place', point, address, postcode };
	}
	if (locations.some((l) => str(l.location_type) === 'virtual')) {
		return { locationKind: 'online', point: null, address: null, postcode: null };
	}
	warnings.push(
		physical.length
			? 'its location has no usable coordinates or postcode; imported as having no fixed place'
			: 'it has no location; imported as having no fixed place'
	);
	return { locationKind: 'roaming', point: null, address: null, postcode: null };
}

/** "www.example.org" → "https://www.example.org"; anything else that is not a web address → null. */
function webUrl(value: string | null): string | null {
	if (!value) return null;
	const candidate = /^www\./i.test(value) ? `https://${value}` : value;
	return isWebUrl(candidate) ? candidate : null;
}

/**
 * Whether a contact's name is only a label for its phone or email, not a person: Patchwork's own feed
 * names a phone contact by the phone's label ("Bookings", also its description) and an unlabelled
 * one "Phone" or "Email".
 */
function isOnlyALabel(name: string, contact: Json, title: string | null): boolean {
	if (name === title || /^(phone|email)$/i.test(name)) return true;
	return list(contact.phones).some((phone) => str(phone.description) === name);
}

/** Who sees the name of a feed's contact: a person's name is personal data. */
export type ContactNames = 'coordinators' | 'public';

/**
 * Contacts: the service's email and website (the organization's website if it has none), phones
 * from v3 `phones`, contacts and locations, and named people. A contact's name is a person's, so it
 * is personal data: unless `contactNames` is "public" it is kept as a coordinators-only person
 * contact, and the contact's phones and email (which the feed published) are public under its
 * title at most, never its name (issue 14, finding 8).
 */
export function contactsOf(
	service: Json,
	warnings: string[],
	contactNames: ContactNames = 'coordinators'
): AssetDraftInput['contacts'] {
	const contacts: NonNullable<AssetDraftInput['contacts']> = [];
	const seen = new Set<string>();
	const namesPublic = contactNames === 'public';
	const add = (
		kind: 'phone' | 'email' | 'website' | 'person',
		value: string,
		label?: string | null
	) => {
		const key = `${kind}:${value.toLowerCase()}`;
		if (seen.has(key)) return;
		seen.add(key);
		contacts.push({
			kind,
			value,
			label: label ?? null,
			visibility: kind === 'person' && !namesPublic ? 'coordinators' : 'public'
		});
	};
	const addEmail = (value: unknown, label?: string | null) => {
		const email = str(value);
		if (!email) return;
		if (isEmail(email)) add('email', email, label);
		else warnings.push(`email "${email}" is not an email address`);
	};
	const addPhones = (phones: unknown, label?: string | null) => {
		for (const phone of list(phones)) {
			const number = str(phone.number);
			if (number) add('phone', number, label ?? str(phone.description));
		}
	};

	addEmail(service.email);
	const organization = obj(service.organization);
	const site = str(service.url) ?? str(organization?.website) ?? str(organization?.url);
	if (site) {
		const url = webUrl(site);
		if (url) add('website', url);
		else warnings.push(`website "${site}" is not a web address`);
	}
	addPhones(service.phones);
	for (const contact of list(service.contacts)) {
		const name = str(contact.name);
		const title = str(contact.title);
		if (namesPublic) {
			addEmail(contact.email, name);
			addPhones(contact.phones, name ?? title);
			if (name && !list(contact.phones).length && !str(contact.email)) add('person', name, title);
		} else {
			addEmail(contact.email, title);
			addPhones(contact.phones, title);
			if (name && !isOnlyALabel(name, contact, title)) add('person', name, title);
		}
	}
	for (const location of locationsOf(service)) addPhones(location.phones);
	return contacts;
}

const COST_BY_LABEL: Record<string, CostKind> = { free: 'free', 'low cost': 'low', paid: 'paid' };

/** Cost: from the first cost option (amount 0 or "free" is free, an amount is paid), else `fees`. */
export function costOf(service: Json): Pick<AssetDraftInput, 'cost' | 'costDetail'> {
	const option = list(service.cost_options)[0];
	const fees = str(service.fees);
	if (option) {
		const label = str(option.option);
		const amount = num(option.amount);
		const byLabel = label ? COST_BY_LABEL[label.toLowerCase()] : undefined;
		const cost: CostKind | null =
			byLabel ??
			(amount === 0 || /\bfree\b/i.test(label ?? '')
				? 'free'
				: amount !== null && amount > 0
					? 'paid'
					: null);
		// "£35 per 1 hour session (Under 18s and Over 60s)"
		const money =
			amount !== null && amount > 0 ? `£${amount.toFixed(2).replace(/\.00$/, '')}` : null;
		const base = [money, str(option.amount_description)].filter(Boolean).join(' ');
		const condition = label && !byLabel ? label : null;
		const costDetail =
			(base && condition ? `${base} (${condition})` : base || condition) || fees || null;
		return { cost, costDetail: costDetail ? htmlToText(costDetail).slice(0, 1000) : null };
	}
	if (!fees) return { cost: null, costDetail: null };
	const text = htmlToText(fees).slice(0, 1000);
	return {
		cost: /^(free\b|no charge|free of charge)/i.test(text) ? 'free' : null,
		costDetail: text
	};
}

const CODE_BY_NAME = new Map(
	Object.entries(LANGUAGE_NAMES).map(([code, name]) => [name.toLowerCase(), code])
);

/** Languages as codes: v3 `code` or `name`, v1 `language`; unknown names are dropped with a warning. */
export function languagesOf(service: Json, warnings: string[]): string[] {
	const codes: string[] = [];
	for (const language of list(service.languages)) {
		const code = str(language.code)?.toLowerCase();
		const name = str(language.name) ?? str(language.language);
		if (code && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(code)) codes.push(code);
		else if (name && CODE_BY_NAME.has(name.toLowerCase()))
			codes.push(CODE_BY_NAME.get(name.toLowerCase())!);
		else if (name && /^[a-z]{2,3}$/i.test(name)) codes.push(name.toLowerCase());
		else if (name || code) warnings.push(`language "${name ?? code}" is not one Patchwork knows`);
	}
	return codes;
}

// Words in free-text accessibility notes that mean a Patchwork feature.
const FEATURE_WORDS: [keyof typeof ACCESSIBILITY_FEATURES, RegExp][] = [
	['step_free', /step[- ]free|wheelchair|level access|ramp/i],
	['accessible_toilet', /accessible (toilet|wc|loo)|disabled (toilet|wc)/i],
	['hearing_loop', /hearing loop|induction loop/i],
	['quiet_space', /quiet (space|room|area)/i],
	['parking', /(accessible|disabled|blue badge) parking/i],
	['baby_change', /baby chang/i],
	['large_print', /large print/i],
	['bsl', /\bBSL\b|british sign language/i],
	['assistance_dogs', /assistance dog|guide dog/i],
	['public_transport', /bus stop|train station|public transport/i]
];

/** Access features named in the locations' accessibility notes. */
export function accessibilityOf(service: Json): string[] {
	const codes = new Set<string>();
	for (const location of locationsOf(service)) {
		for (const entry of list(location.accessibility)) {
			const text = [entry.description, entry.details, entry.accessibility].map(str).join(' ');
			for (const [code, words] of FEATURE_WORDS) if (words.test(text)) codes.add(code);
		}
	}
	return [...codes];
}
