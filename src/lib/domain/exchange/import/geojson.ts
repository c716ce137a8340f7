/**
 * GeoJSON asset layers (a council's libraries, parks, places of worship): each feature becomes an
 * asset, placed at its point or, for an area, its representative point. Which property is the name,
 * address and so on, and which kind and categories each feature gets, come from the mapping.
 */
import { declaredCrs, type Crs } from '../../import/crs';
import { fail } from '../../import/errors';
import { featuresOf } from '../../import/features';
import { formatNumber } from '../../format';
import { MAX_ASSET_RECORDS } from './limits';
import { locateGeometry } from './locate';
import {
	applyRules,
	firstValue,
	indexProperties,
	joinedValue,
	propertyText,
	resolveFields,
	type AssetMapping,
	type MappedField,
	type MappingField
} from './mapping';
import { candidateFrom, recordRef, type RecordOutcome } from './records';
import { htmlToText } from '../openreferral/html-text';
import { textOf } from './values';

export interface FeatureFile {
	features: unknown[];
	crs: Crs | null;
}

/** The features of a parsed GeoJSON value and its declared coordinate system. Throws ImportError. */
export function readFeatureFile(value: unknown, source: string): FeatureFile {
	const features = featuresOf(value, source);
	if (features.length > MAX_ASSET_RECORDS) {
		fail(
			`${source} has ${formatNumber(features.length)} features, more than the ${formatNumber(MAX_ASSET_RECORDS)} one file may have: split it.`
		);
	}
	const declared = declaredCrs((value as { crs?: unknown }).crs);
	if (declared && declared.crs === null) {
		fail(
			`${source}: its crs is "${declared.name}", which Patchwork cannot read. Save the file in WGS84 (EPSG:4326) or British National Grid (EPSG:27700).`
		);
	}
	return { features, crs: declared?.crs ?? null };
}

/** A feature's properties, or null when they are not an object. */
export function propertiesOf(feature: Record<string, unknown>): Record<string, unknown> | null {
	const { properties } = feature;
	if (properties === undefined || properties === null) return {};
	if (typeof properties !== 'object' || Array.isArray(properties)) return null;
	return properties as Record<string, unknown>;
}

/** Text from a description that may hold HTML (tags stripped, entities decoded, paragraphs kept). */
export function plainDescription(text: string | null): string | null {
	if (text === null) return null;
	return htmlToText(text) || null;
}

/** Which property each field came from, in words, for the report. */
export function describeFields(
	fields: Partial<Record<MappedField, MappingField>>,
	mapping: AssetMapping
): string {
	const words = (Object.entries(fields) as [MappedField, MappingField][]).map(([field, spec]) => {
		const shown =
			typeof spec === 'string'
				? `"${spec}"`
				: spec.map((s) => `"${s}"`).join(field === 'address' ? ' + ' : ' or ');
		return `${field} from ${shown}${mapping[field] === undefined ? ' (found)' : ''}`;
	});
	return words.length ? `Fields: ${words.join('; ')}.` : 'No property matched any field.';
}

/**
 * Reads every feature of a GeoJSON layer with a mapping. The first feature with readable
 * coordinates fixes the coordinate system when the file declares none.
 */
export function readGeoJsonAssets(
	file: FeatureFile,
	mapping: AssetMapping
): { outcomes: RecordOutcome[]; notes: string[]; crs: Crs | null } {
	const keys = new Set<string>();
	for (const feature of file.features.slice(0, 1000)) {
		const properties =
			feature && typeof feature === 'object'
				? propertiesOf(feature as Record<string, unknown>)
				: null;
		for (const key of Object.keys(properties ?? {})) keys.add(key);
	}
	const index = indexProperties(keys);
	const fields = resolveFields(mapping, index);
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
		const own = indexProperties(Object.keys(properties));
		const value = (field: MappedField) =>
			fields[field] === undefined ? null : firstValue(properties, own, fields[field]!);
		const name = value('name');
		const ref = recordRef(what, name);
		const located = locateGeometry(feature.geometry, crs);
		if (!located.ok) return { ok: false, ref, reasons: [located.problem] };
		crs = located.crs;
		if (!name)
			return {
				ok: false,
				ref,
				reasons: [
					`has no name${fields.name ? ` (looked in ${JSON.stringify(fields.name)})` : ': give the name property in the mapping'}`
				]
			};
		const rules = applyRules(mapping, (property) => propertyText(properties, own, property));
		if (rules.skip) return { ok: false, ref, reasons: [`left out by the mapping: ${rules.skip}`] };
		const candidate = candidateFrom(
			ref,
			{
				externalId: value('id') ?? textOf(feature.id),
				name,
				description: plainDescription(value('description')),
				address: fields.address === undefined ? null : joinedValue(properties, own, fields.address),
				postcode: value('postcode'),
				website: value('website'),
				email: value('email'),
				phone: value('phone')
			},
			rules,
			rules.categories,
			{ point: located.point }
		);
		if (located.warning) candidate.warnings.push(located.warning);
		return { ok: true, candidate };
	});
	return { outcomes, notes: [describeFields(fields, mapping)], crs };
}
