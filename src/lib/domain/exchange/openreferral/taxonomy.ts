/**
 * The three taxonomies Patchwork publishes: the programme's categories, the asset kinds (with the
 * service sectors as children of "Service"), and the accessibility features. Terms are addressed by
 * a key (`category:<slug>`, `kind:<kind>`, `sector:<sector>`, `accessibility:<code>`).
 */
import {
	ACCESSIBILITY_FEATURES,
	ASSET_KIND_LABELS,
	ASSET_KINDS,
	SERVICE_SECTOR_LABELS,
	SERVICE_SECTORS,
	type AccessibilityFeature
} from '../../vocabulary';
import type { HsdsIds, TaxonomyKey } from './ids';
import type { HsdsTaxonomy, HsdsTaxonomyTerm } from './types';

export interface CategoryForHsds {
	id: string;
	parentId: string | null;
	name: string;
	description: string | null;
}

export interface TermCatalogue {
	taxonomies: HsdsTaxonomy[];
	/** Every term, taxonomy by taxonomy, parents before children. */
	terms: HsdsTaxonomyTerm[];
	byKey: Map<string, HsdsTaxonomyTerm>;
	/** The key of each term, by its UUID (for filters). */
	keyById: Map<string, string>;
	/** The taxonomy key of each taxonomy, by its UUID. */
	taxonomyKeyById: Map<string, TaxonomyKey>;
}

const TAXONOMY_TEXT: Record<TaxonomyKey, { name: string; description: string }> = {
	categories: {
		name: 'Patchwork categories',
		description: "What an asset is about, from the programme's own list of categories."
	},
	'asset-kinds': {
		name: 'Patchwork asset kinds',
		description:
			'Whether an asset is a group, a venue, an informal support or a service; services also say whether they are community, commissioned or statutory.'
	},
	accessibility: {
		name: 'Patchwork accessibility features',
		description:
			'Access features an asset lists for itself, as well as those of the place it meets at.'
	}
};

/**
 * Builds the catalogue for a programme's categories (sorted as the programme sorts them).
 * Category descriptions fall back to the name, because the profile requires a description.
 */
export function buildTermCatalogue(ids: HsdsIds, categories: CategoryForHsds[]): TermCatalogue {
	const taxonomies = (Object.keys(TAXONOMY_TEXT) as TaxonomyKey[]).map((key) => ({
		id: ids.taxonomy(key),
		...TAXONOMY_TEXT[key],
		version: '1'
	}));
	const terms: HsdsTaxonomyTerm[] = [];
	const byKey = new Map<string, HsdsTaxonomyTerm>();
	const keyById = new Map<string, string>();
	const add = (
		taxonomy: TaxonomyKey,
		key: string,
		code: string,
		name: string,
		description: string,
		parentKey?: string
	) => {
		const term: HsdsTaxonomyTerm = {
			id: ids.term(key),
			name,
			description,
			...(parentKey ? { parent_id: ids.term(parentKey) } : {}),
			taxonomy: TAXONOMY_TEXT[taxonomy].name,
			taxonomy_id: ids.taxonomy(taxonomy),
			term: code
		};
		terms.push(term);
		byKey.set(key, term);
		keyById.set(term.id, key);
	};

	// Parents first, so a consumer reading in order always knows a term's parent.
	const known = new Set(categories.map((category) => category.id));
	const ordered = [
		...categories.filter((c) => !c.parentId || !known.has(c.parentId)),
		...categories.filter((c) => c.parentId && known.has(c.parentId))
	];
	for (const category of ordered) {
		const parent =
			category.parentId && known.has(category.parentId) ? category.parentId : undefined;
		add(
			'categories',
			`category:${category.id}`,
			category.id,
			category.name,
			category.description || category.name,
			parent ? `category:${parent}` : undefined
		);
	}
	for (const kind of ASSET_KINDS) {
		const label = ASSET_KIND_LABELS[kind].one;
		add('asset-kinds', `kind:${kind}`, kind, label, `A ${label.toLowerCase()} in Patchwork.`);
	}
	for (const sector of SERVICE_SECTORS) {
		const label = SERVICE_SECTOR_LABELS[sector];
		add('asset-kinds', `sector:${sector}`, sector, label, `${label}.`, 'kind:service');
	}
	for (const [code, label] of Object.entries(ACCESSIBILITY_FEATURES)) {
		add('accessibility', `accessibility:${code}`, code, label, label);
	}
	const taxonomyKeyById = new Map(
		(Object.keys(TAXONOMY_TEXT) as TaxonomyKey[]).map((key) => [ids.taxonomy(key), key])
	);
	return { taxonomies, terms, byKey, keyById, taxonomyKeyById };
}

/** The taxonomy key a term key belongs to. */
export function taxonomyOfTermKey(key: string): TaxonomyKey {
	if (key.startsWith('category:')) return 'categories';
	if (key.startsWith('accessibility:')) return 'accessibility';
	return 'asset-kinds';
}

/** The label of an accessibility feature code, or the code itself if unknown. */
export function accessibilityLabel(code: string): string {
	return ACCESSIBILITY_FEATURES[code as AccessibilityFeature] ?? code;
}
