/** Reads the committed demo borough, so browser tests assert against the data, not hard-coded values. */
import { readFileSync } from 'node:fs';
import {
	demoAssetsSchema,
	demoPatchesSchema,
	demoSuggestionsSchema,
	demoUsersSchema
} from '../../src/lib/domain/schemas/demo-borough';
import { hiddenFromVisitors, isVisibleToVisitors } from '../../src/lib/demo/keeping-true';

const read = (file: string) => JSON.parse(readFileSync(`data/demo/${file}`, 'utf8'));

export const demoAssets = demoAssetsSchema.parse(read('assets.json'));
export const demoPatches = demoPatchesSchema
	.parse(read('patches.geojson'))
	.features.map((feature) => feature.properties);
export const demoUsers = demoUsersSchema.parse(read('users.json'));

/** A demo patch's boundary, by its slug. */
export const demoPatchGeometry = (slug: string) =>
	demoPatchesSchema
		.parse(read('patches.geojson'))
		.features.find((feature) => feature.properties.slug === slug)!.geometry;
export const demoSuggestions = demoSuggestionsSchema.parse(read('suggestions.json'));

/**
 * Whether a visitor may see a demo entry: published, and an informal support only with consent to
 * be shown (the rule of src/lib/server/queries/visibility.ts, for the data files).
 */
export const isVisible = isVisibleToVisitors;
/** Every entry a visitor may see, in file order (an entry's id is its place in the file, from 1). */
export const visibleAssets = demoAssets.filter(isVisible);

const hidden = hiddenFromVisitors(demoAssets);
/**
 * Contact values that must never reach a visitor: coordinators-only contacts, every contact of an
 * entry they may not see, and an informal support's contacts without consent to show them.
 */
export const hiddenContactValues = hidden.contactValues;
/** Names of entries a visitor may not see (drafts, archived, informal supports without consent). */
export const hiddenNames = hidden.names;
/** Descriptions that only entries a visitor may not see have. */
export const hiddenDescriptions = hidden.descriptions;
