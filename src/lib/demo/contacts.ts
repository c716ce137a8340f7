/**
 * Contact details for the demo. Every number is from Ofcom's ranges kept for drama (01632 960xxx for
 * landlines, 07700 900xxx for mobiles) and every address is on example.org or example.com, so nothing
 * here reaches a real person. Coordinator-only values (an organiser's name, mobile or own email) are
 * drawn from pools no public value uses, so a test can search every public page for them.
 */
import type { DemoAssets } from '../domain/schemas/demo-borough';
import type { AssetKind } from '../domain/vocabulary';
import { FIRST_NAMES, SURNAMES, slugify } from './names';
import type { Random } from './random';

type Contact = DemoAssets[number]['contacts'][number];

export interface Person {
	name: string;
	/** A personal address, for coordinators only. */
	email: string;
}

/** Hands out phone numbers and invented people, each once. */
export class ContactBook {
	readonly #landlines: string[];
	readonly #mobiles: string[];
	readonly #people: string[];

	constructor(rng: Random) {
		const range = (prefix: string) =>
			Array.from({ length: 1000 }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);
		this.#landlines = rng.shuffle(range('01632 960'));
		this.#mobiles = rng.shuffle(range('07700 900'));
		this.#people = rng.shuffle(
			FIRST_NAMES.flatMap((first) => SURNAMES.map((last) => `${first} ${last}`))
		);
	}

	/** A public landline, unique in the demo. */
	landline(): string {
		return this.#take(this.#landlines, 'landline');
	}

	/** A mobile number, unique in the demo. */
	mobile(): string {
		return this.#take(this.#mobiles, 'mobile');
	}

	/** An invented person, unique in the demo. */
	person(): Person {
		const name = this.#take(this.#people, 'person');
		return { name, email: `${slugify(name).replace(/-/g, '.')}@example.com` };
	}

	#take(pool: string[], what: string): string {
		const value = pool.pop();
		if (value === undefined) throw new Error(`ran out of demo ${what}s`);
		return value;
	}
}

const publicContact = (kind: Contact['kind'], value: string, label?: string): Contact => ({
	kind,
	...(label ? { label } : {}),
	value,
	visibility: 'public'
});
const privateContact = (kind: Contact['kind'], value: string, label: string): Contact => ({
	kind,
	label,
	value,
	visibility: 'coordinators'
});

/** Contacts for one asset, shaped by its kind: venues and services public, informal supports private. */
export function makeContacts(
	kind: AssetKind,
	slug: string,
	book: ContactBook,
	rng: Random
): Contact[] {
	const contacts: Contact[] = [];
	if (kind === 'venue' || kind === 'service') {
		contacts.push(
			publicContact('phone', book.landline(), kind === 'venue' ? 'Bookings' : undefined)
		);
		contacts.push(publicContact('email', `${slug}@example.org`));
		if (rng.chance(0.6)) contacts.push(publicContact('website', `https://example.org/${slug}`));
		if (rng.chance(kind === 'venue' ? 0.35 : 0.25)) {
			const person = book.person();
			const role = kind === 'venue' ? 'Caretaker' : 'Named worker';
			contacts.push(privateContact('person', person.name, role));
			contacts.push(privateContact('phone', book.mobile(), `${role}'s mobile`));
		}
		return contacts;
	}
	if (kind === 'group') {
		if (rng.chance(0.6)) contacts.push(publicContact('email', `${slug}@example.com`));
		if (rng.chance(0.35)) contacts.push(publicContact('phone', book.landline()));
		if (rng.chance(0.3)) contacts.push(publicContact('website', `https://example.com/${slug}`));
		if (contacts.length === 0 || rng.chance(0.65)) {
			const person = book.person();
			contacts.push(privateContact('person', person.name, 'Organiser'));
			if (rng.chance(0.7))
				contacts.push(privateContact('phone', book.mobile(), "Organiser's mobile"));
			if (rng.chance(0.3))
				contacts.push(privateContact('email', person.email, "Organiser's own email"));
		}
		return contacts;
	}
	const person = book.person();
	contacts.push(privateContact('person', person.name, 'Contact'));
	contacts.push(privateContact('phone', book.mobile(), 'Mobile'));
	if (rng.chance(0.3)) contacts.push(publicContact('email', `${slug}@example.com`));
	return contacts;
}
