/** What a popup says about the feature under a click: plain data, turned into DOM by AreaMap. */
import { kindLabel } from '$lib/components/labels';
import type { Lang } from '$lib/domain/sessions';
import { ASSET_KINDS, type AssetKind } from '$lib/domain/vocabulary';
import { AREA_BANDS, type AreaBand } from './types';
import { mapWords } from './words';

/** Plain-English names of the population bands, as DESIGN.md words them. */
export const BAND_LABELS: Record<AreaBand, string> = {
	under: 'Under the smallest size',
	small: 'Small',
	usual: 'Usual size',
	above_usual: 'Above usual size',
	over: 'Over the limit'
};

export interface PopupContent {
	name: string;
	/** Null when the feature has no link we trust: the name is then shown as text. */
	href: string | null;
	/** The kind of place, or the population band of an area. */
	detail: string | null;
}

/**
 * A link we are willing to put in a popup: a path on this site, or an http(s) address.
 * Anything else (javascript:, data:, protocol-relative //host) gives null.
 */
export function safeHref(href: unknown): string | null {
	if (typeof href !== 'string' || href === '') return null;
	if (href.startsWith('/')) return href.startsWith('//') || href.startsWith('/\\') ? null : href;
	return /^https?:\/\//i.test(href) ? href : null;
}

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
	return typeof value === 'string' && (list as readonly string[]).includes(value);
}

/**
 * Popup content for a rendered feature's properties (MapLibre hands them back flattened), with the
 * kind named in `lang` (bands are for staff pages, in English).
 * @example popupContent({ name: 'Tuesday Knit and Natter', kind: 'group', href: '/assets/12' })
 */
export function popupContent(
	properties: Record<string, unknown> | null | undefined,
	lang: Lang = 'en'
): PopupContent {
	const p = properties ?? {};
	const name = typeof p.name === 'string' && p.name.trim() !== '' ? p.name : mapWords(lang).unnamed;
	let detail: string | null = null;
	if (isOneOf<AssetKind>(ASSET_KINDS, p.kind)) detail = kindLabel(p.kind, lang);
	else if (isOneOf<AreaBand>(AREA_BANDS, p.band)) detail = BAND_LABELS[p.band];
	return { name, href: safeHref(p.href), detail };
}
