/**
 * OpenStreetMap GeoJSON, as overpass-turbo, osmtogeojson, QGIS or ogr2ogr export it: tags either
 * flat in `properties` or under `properties.tags`, the element's id as "@id" ("way/123"), "id",
 * the feature's id, or "osm_type" + "osm_id". OSM_RULES says which tags make which kind of asset
 * in which category (README.md beside this file has the table). A feature no rule matches, or
 * with no name tag, is rejected with that reason: OpenStreetMap holds many unnamed pitches and
 * playgrounds that are not community assets by themselves.
 */
import type { AccessibilityFeature } from '../../vocabulary';
import { formatNumber } from '../../format';
import { locateGeometry } from './locate';
import { applyRules, type AssetMapping, type MappingRule } from './mapping';
import { candidateFrom, recordRef, type RecordOutcome } from './records';
import { plainDescription, propertiesOf, type FeatureFile } from './geojson';
import { textOf } from './values';
import type { Crs } from '../../import/crs';

/** Tags to kinds and categories, in order: a later match overrides an earlier one's kind. */
export const OSM_RULES: MappingRule[] = [
	{ when: { amenity: 'community_centre' }, kind: 'venue', categories: ['community-spaces'] },
	{ when: { amenity: 'social_centre' }, kind: 'venue', categories: ['community-spaces'] },
	{ when: { amenity: 'library' }, kind: 'venue', categories: ['reading-and-languages'] },
	{ when: { amenity: 'place_of_worship' }, kind: 'venue', categories: ['faith-and-culture'] },
	{ when: { amenity: 'arts_centre' }, kind: 'venue', categories: ['arts-and-crafts'] },
	{
		when: { amenity: 'social_facility' },
		kind: 'service',
		sector: 'community',
		categories: ['health-and-care-services']
	},
	{ when: { social_facility: ['food_bank', 'soup_kitchen'] }, categories: ['food'] },
	{ when: { amenity: 'food_bank' }, kind: 'service', sector: 'community', categories: ['food'] },
	{ when: { leisure: 'park' }, kind: 'venue', categories: ['walking-and-outdoors'] },
	{ when: { leisure: 'nature_reserve' }, kind: 'venue', categories: ['walking-and-outdoors'] },
	{ when: { leisure: 'common' }, kind: 'venue', categories: ['walking-and-outdoors'] },
	{ when: { leisure: 'garden' }, kind: 'venue', categories: ['gardening-and-nature'] },
	{ when: { landuse: 'allotments' }, kind: 'venue', categories: ['gardening-and-nature'] },
	{
		when: {
			leisure: [
				'sports_centre',
				'sports_hall',
				'fitness_centre',
				'pitch',
				'swimming_pool',
				'stadium'
			]
		},
		kind: 'venue',
		categories: ['sport-and-exercise']
	},
	{
		when: { leisure: 'playground' },
		kind: 'venue',
		categories: ['family-activities'],
		familyFriendly: true
	},
	{ when: { club: true }, kind: 'group', categories: ['social-and-friendship'] },
	{ when: { club: 'sport' }, categories: ['sport-and-exercise'] },
	{ when: { club: ['music', 'choir'] }, categories: ['music-and-singing'] },
	{ when: { club: 'art' }, categories: ['arts-and-crafts'] },
	{
		when: { club: ['scout', 'scouts', 'guides'] },
		categories: ['family-activities'],
		familyFriendly: true
	},
	{ when: { wheelchair: ['yes', 'designated'] }, accessibility: ['step_free'] },
	{ when: { 'toilets:wheelchair': ['yes', 'designated'] }, accessibility: ['accessible_toilet'] },
	{ when: { hearing_loop: 'yes' }, accessibility: ['hearing_loop'] }
];

/** The tags of a feature: under "tags" (osmtogeojson) or the properties themselves (overpass-turbo). */
export function tagsOf(properties: Record<string, unknown>): Record<string, unknown> {
	const nested = properties.tags;
	if (nested && typeof nested === 'object' && !Array.isArray(nested))
		return { ...properties, ...(nested as Record<string, unknown>) };
	return properties;
}

const ELEMENT_ID = /^(node|way|relation)\/\d+$/;

/** The element's id as "way/123", from whichever place the exporting tool put it. */
export function osmIdOf(
	feature: Record<string, unknown>,
	properties: Record<string, unknown>
): string | null {
	for (const candidate of [properties['@id'], properties.id, feature.id]) {
		const text = textOf(candidate);
		if (text && ELEMENT_ID.test(text)) return text;
	}
	const type = textOf(properties.type) ?? textOf(properties.osm_type);
	const id =
		textOf(properties.osm_id) ?? (typeof properties.id === 'number' ? String(properties.id) : null);
	if (type && id && /^\d+$/.test(id)) {
		const element = { n: 'node', w: 'way', r: 'relation' }[type[0].toLowerCase()];
		if (element) return `${element}/${id}`;
	}
	return id && /^\d+$/.test(id) ? `osm/${id}` : null;
}

function addressOf(tags: (name: string) => string | null): string | null {
	const street = tags('addr:street');
	const number = tags('addr:housenumber');
	const line = [
		tags('addr:housename'),
		street ? (number ? `${number} ${street}` : street) : null,
		tags('addr:place'),
		tags('addr:suburb'),
		tags('addr:city') ?? tags('addr:town')
	];
	const parts = line.filter((part): part is string => part !== null);
	return parts.length ? parts.join(', ') : null;
}

/**
 * Reads OpenStreetMap features with OSM_RULES, then any rules (and default kind and categories)
 * of a mapping given with the file.
 */
export function readOsmAssets(
	file: FeatureFile,
	extra: AssetMapping | null
): { outcomes: RecordOutcome[]; notes: string[]; crs: Crs | null } {
	const mapping: Pick<AssetMapping, 'kind' | 'sector' | 'categories' | 'rules'> = {
		kind: extra?.kind,
		sector: extra?.sector,
		categories: extra?.categories,
		rules: [...OSM_RULES, ...(extra?.rules ?? [])]
	};
	let crs = file.crs;
	const outcomes: RecordOutcome[] = file.features.map((raw, i) => {
		const what = `feature ${formatNumber(i + 1)}`;
		if (
			!raw ||
			typeof raw !== 'object' ||
			Array.isArray(raw) ||
			(raw as { type?: unknown }).type !== 'Feature'
		) {
			return { ok: false, ref: what, reasons: ['is not a GeoJSON Feature'] };
		}
		const feature = raw as Record<string, unknown>;
		const properties = propertiesOf(feature);
		if (properties === null)
			return { ok: false, ref: what, reasons: ['has "properties" that are not an object'] };
		const tags = tagsOf(properties);
		const tag = (name: string) => textOf(tags[name]);
		const osmId = osmIdOf(feature, properties);
		const name = tag('name') ?? tag('name:en') ?? tag('official_name');
		const ref = recordRef(osmId ? `${what} (${osmId})` : what, name);
		const located = locateGeometry(feature.geometry, crs);
		if (!located.ok) return { ok: false, ref, reasons: [located.problem] };
		crs = located.crs;
		if (!name) return { ok: false, ref, reasons: ['has no name tag'] };
		const rules = applyRules(mapping, tag);
		if (rules.skip) return { ok: false, ref, reasons: [`left out by the mapping: ${rules.skip}`] };
		if (rules.kind === null) {
			return {
				ok: false,
				ref,
				reasons: [
					'has no tag Patchwork maps to a kind of asset (such as amenity=community_centre, leisure=park or club=*): add a rule for it in a mapping file'
				]
			};
		}
		const candidate = candidateFrom(
			ref,
			{
				externalId: osmId,
				name,
				description: plainDescription(tag('description')),
				address: addressOf(tag),
				postcode: tag('addr:postcode'),
				website: tag('website') ?? tag('contact:website') ?? tag('url'),
				email: tag('email') ?? tag('contact:email'),
				phone: tag('phone') ?? tag('contact:phone')
			},
			{ ...rules, accessibility: rules.accessibility as AccessibilityFeature[] },
			rules.categories,
			{ point: located.point }
		);
		const welsh = tag('name:cy');
		if (welsh && welsh !== name) candidate.input.nameCy = welsh;
		if (!osmId)
			candidate.warnings.push('has no OpenStreetMap id, so it is known by its name and place');
		return { ok: true, candidate };
	});
	return {
		outcomes,
		notes: ['Kinds and categories from OpenStreetMap tags (see the table in the import guide).'],
		crs
	};
}
