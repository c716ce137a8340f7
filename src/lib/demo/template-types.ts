/** The shapes of the asset templates the demo builder fills in. */
import type { AccessibilityFeature, AssetKind, ServiceSector } from '../domain/vocabulary';

/** Kinds of venue, so a group can ask to meet somewhere that suits it. */
export type VenueType =
	| 'community-centre'
	| 'church-hall'
	| 'chapel'
	| 'village-hall'
	| 'library'
	| 'cafe'
	| 'pub'
	| 'leisure-centre'
	| 'park'
	| 'school'
	| 'garden'
	| 'allotments'
	| 'family-centre'
	| 'faith-centre'
	| 'sports-club'
	| 'bowling-green'
	| 'arts-centre'
	| 'hub'
	| 'scout-hut'
	| 'shop';

/**
 * Where an asset is: at a venue of one of these types, at its own premises ("own"), online or roaming.
 */
export type Where = VenueType | 'own' | 'online' | 'roaming';

/**
 * A pattern for assets. In names and descriptions, {place} is the neighbourhood, {venue} the venue's
 * name, {street} a street, {saint}, {chapel}, {cafe}, {pub} a name from the lists in names.ts.
 * Sessions are written "w2 10:00-12:00" (weekly, Tuesday), "f* 19:00-21:00" (fortnightly, any weekday),
 * "m1:3 14:00-16:00" (first Wednesday of the month), "m-1:5 …" (last Friday); "+" joins sessions.
 * Cost is "free", "low:<detail>" or "paid:<detail>".
 */
export interface AssetTemplate {
	kind: AssetKind;
	sector?: ServiceSector;
	/** How many assets to make from this template. */
	count: number;
	name: string;
	nameCy?: string;
	description: string;
	descriptionCy?: string;
	categories: readonly string[];
	at: readonly Where[];
	/** Venues only: what sort of place it is. */
	venueType?: VenueType;
	/** Venues only: town centres, open country or anywhere. */
	setting?: 'town' | 'rural';
	when?: readonly string[];
	cost?: string;
	ages?: readonly [number | null, number | null];
	family?: boolean;
	languages?: readonly string[];
	access?: readonly AccessibilityFeature[];
	/** Share of these assets left as drafts (informal supports held privately). */
	draftShare?: number;
}

/** A group template: `count` groups that meet where `at` says. */
export const group = (
	count: number,
	rest: Omit<AssetTemplate, 'kind' | 'count'>
): AssetTemplate => ({
	kind: 'group',
	count,
	...rest
});

/** Halls that suit most groups. */
export const HALLS = [
	'community-centre',
	'church-hall',
	'village-hall',
	'hub',
	'chapel',
	'scout-hut'
] as const;
