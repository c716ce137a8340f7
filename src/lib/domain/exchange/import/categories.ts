/**
 * Turning the category an import names (an id such as "sport-and-exercise", or a name such as
 * "Sport and exercise") into one of the programme's categories, or a new one created on demand.
 *
 * Every asset needs a category. A record the mapping or feed gives none gets the fallback
 * category, "Other" (id "other"), so coordinators can find and sort it; it is created the first
 * time an import needs it. A name that matches no category creates one (the dry run lists every
 * category it would create, so a typo is caught before anything is saved).
 */
import { slugify } from '../../import/slug';

export interface CategoryRow {
	id: string;
	name: string;
	parentId?: string | null;
}

export interface NewCategory {
	id: string;
	name: string;
	parentId: string | null;
}

/** The fallback category for records with no category of their own. */
export const FALLBACK_CATEGORY: NewCategory = { id: 'other', name: 'Other', parentId: null };

/**
 * Names for the category ids Patchwork's built-in mappings use (OpenStreetMap tags, the demo
 * taxonomy), so one created on demand is named as the demo borough names it.
 */
export const KNOWN_CATEGORY_NAMES: Record<string, string> = {
	other: 'Other',
	'community-spaces': 'Community spaces',
	'faith-and-culture': 'Faith and culture',
	'family-activities': 'Family activities',
	food: 'Food and shared meals',
	'coffee-and-chat': 'Coffee mornings and chat',
	'arts-and-crafts': 'Arts and crafts',
	'music-and-singing': 'Music and singing',
	'reading-and-languages': 'Reading and languages',
	'walking-and-outdoors': 'Walking and outdoors',
	'sport-and-exercise': 'Sport and exercise',
	'gardening-and-nature': 'Gardening and nature',
	'money-and-debt': 'Money and debt',
	'housing-and-home': 'Housing and home',
	'work-and-volunteering': 'Work and volunteering',
	'mental-wellbeing': 'Mental wellbeing',
	'caring-for-someone': 'Caring for someone',
	'health-and-care-services': 'Health and care services',
	'social-and-friendship': 'Social and friendship'
};

const nameKey = (name: string) => slugify(name);

/** Resolves category references for one import, remembering the categories it must create. */
export class CategoryResolver {
	private readonly ids = new Set<string>();
	private readonly byName = new Map<string, string>();
	private readonly toCreate = new Map<string, NewCategory>();

	constructor(existing: readonly CategoryRow[]) {
		for (const category of existing) {
			this.ids.add(category.id);
			this.byName.set(nameKey(category.name), category.id);
		}
	}

	/**
	 * The id of the category a reference names: an existing id, an existing name (compared as a
	 * slug, so case and punctuation do not matter), or a new category. Null for a reference with no
	 * letters or digits.
	 * @example new CategoryResolver([{ id: 'food', name: 'Food and shared meals' }]).resolve('FOOD AND SHARED MEALS') // 'food'
	 */
	resolve(reference: string): string | null {
		const text = reference.trim();
		if (this.ids.has(text) || this.toCreate.has(text)) return text;
		const key = nameKey(text);
		if (!key) return null;
		const found = this.byName.get(key) ?? (this.ids.has(key) ? key : undefined);
		if (found) return found;
		const pending = this.toCreate.get(key);
		if (pending) return pending.id;
		const looksLikeId = /^[a-z0-9]+(-[a-z0-9]+)*$/.test(text);
		const name =
			KNOWN_CATEGORY_NAMES[key] ?? (looksLikeId ? humanise(text) : text.replace(/\s+/g, ' '));
		this.toCreate.set(key, { id: key, name: name.slice(0, 100), parentId: null });
		return key;
	}

	/** The existing category an id or name refers to, or null (never creates one). */
	match(reference: string): string | null {
		const text = reference.trim();
		if (this.ids.has(text)) return text;
		return this.byName.get(nameKey(text)) ?? null;
	}

	/** The ids of the programme's categories and of those this import will create. */
	knownIds(): ReadonlySet<string> {
		return new Set([...this.ids, ...[...this.toCreate.values()].map((category) => category.id)]);
	}

	/** Resolves a list, falling back to FALLBACK_CATEGORY when nothing resolves. */
	resolveAll(references: readonly string[]): string[] {
		const ids = references
			.map((reference) => this.resolve(reference))
			.filter((id): id is string => id !== null);
		return ids.length ? [...new Set(ids)] : [this.resolve(FALLBACK_CATEGORY.id)!];
	}

	/** Categories this import needs that the programme does not have yet. */
	created(): NewCategory[] {
		return [...this.toCreate.values()];
	}
}

/** "sport-and-exercise" as "Sport and exercise". */
function humanise(id: string): string {
	const words = id.replace(/-/g, ' ');
	return words[0].toUpperCase() + words.slice(1);
}
