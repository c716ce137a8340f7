/**
 * Stable HSDS ids for Patchwork records. HSDS wants UUIDs; Patchwork has integer row ids and text
 * category slugs. Rows keyed by an integer get a version 8 UUID that carries the row id (so
 * `/services/{id}` is one primary-key lookup); records keyed by text get a version 5 UUID of that
 * text. Both start from the programme's slug, so two Patchwork sites never share an id. See MAPPING.md.
 */
import { hashPrefix, parseUuidV8, uuidV5, uuidV8 } from './uuid';

/** Patchwork's own namespace for version 5 UUIDs (a fixed random UUID; never change it). */
export const PATCHWORK_NAMESPACE = '3f0e6a52-9c1d-4b7e-a8f4-5d2c61b0e9a7';

/** The table behind each integer-keyed HSDS record, as the kind digits of its version 8 UUID. */
export const ROW_KINDS = {
	service: 0x001,
	organization: 0x002,
	location: 0x003,
	service_at_location: 0x004,
	address: 0x005,
	contact: 0x006,
	phone: 0x007,
	schedule: 0x008,
	cost_option: 0x009
} as const;
export type RowKind = keyof typeof ROW_KINDS;

/** The taxonomies Patchwork publishes. */
export const TAXONOMY_KEYS = ['categories', 'asset-kinds', 'accessibility'] as const;
export type TaxonomyKey = (typeof TAXONOMY_KEYS)[number];

export interface HsdsIds {
	/** The UUID of a row, e.g. row('service', 42). */
	row(kind: RowKind, id: number): string;
	/** The row id behind a UUID of this kind, or null if the UUID is not one of ours. */
	parseRow(kind: RowKind, uuid: string): number | null;
	taxonomy(key: TaxonomyKey): string;
	/** A taxonomy term: `category:<slug>`, `kind:<asset kind>`, `sector:<sector>`, `accessibility:<code>`. */
	term(key: string): string;
	/** Records that belong to one asset and are keyed by text (an attribute, a language). */
	child(kind: 'attribute' | 'language' | 'accessibility', assetId: number, key: string): string;
}

const cache = new Map<string, HsdsIds>();

/**
 * The id maker for one programme (by slug). The same slug always gives the same ids.
 * @example hsdsIds('fennick-vale').row('service', 42) // 'xxxxxxxx-xxxx-8001-8000-00000000002a'
 */
export function hsdsIds(programmeSlug: string): HsdsIds {
	const cached = cache.get(programmeSlug);
	if (cached) return cached;
	const prefix = hashPrefix(`patchwork:${programmeSlug}`);
	const namespace = uuidV5(PATCHWORK_NAMESPACE, programmeSlug);
	const ids: HsdsIds = {
		row: (kind, id) => uuidV8(prefix, ROW_KINDS[kind], id),
		parseRow(kind, uuid) {
			const parsed = parseUuidV8(prefix, uuid);
			return parsed && parsed.kind === ROW_KINDS[kind] && parsed.id > 0 ? parsed.id : null;
		},
		taxonomy: (key) => uuidV5(namespace, `taxonomy:${key}`),
		term: (key) => uuidV5(namespace, `term:${key}`),
		child: (kind, assetId, key) => uuidV5(namespace, `${kind}:${assetId}:${key}`)
	};
	cache.set(programmeSlug, ids);
	return ids;
}
