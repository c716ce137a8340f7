/**
 * The mapping file for GeoJSON and CSV asset imports: which property (or column) holds the name,
 * address, postcode, website and so on, and rules from property values to kinds and categories.
 * Every field is optional; left out, Patchwork looks for the usual names (see FIELD_CANDIDATES).
 *
 * A field is a property name, a template such as "{site_name} ({facility_type})", or a list of
 * them: the first that gives a value is used (for "address", every part that gives a value is
 * joined with ", "). A template gives nothing if any property it names is blank.
 * README.md beside this file has an example for each real Trafford layer.
 */
import { z } from 'zod';
import {
	ACCESSIBILITY_FEATURES,
	ASSET_KINDS,
	SERVICE_SECTORS,
	type AssetKind,
	type ServiceSector
} from '../../vocabulary';
import { propertyKey } from '../../import/properties';
import { textOf } from './values';

const fieldSchema = z.union([
	z.string().trim().min(1).max(300),
	z.array(z.string().trim().min(1).max(300)).min(1).max(20)
]);
const accessibilitySchema = z.enum(
	Object.keys(ACCESSIBILITY_FEATURES) as [keyof typeof ACCESSIBILITY_FEATURES]
);
/** A category id ("sport-and-exercise") or name ("Sport and exercise"). */
const categoryRefSchema = z.string().trim().min(1).max(100);

const matchSchema = z.union([
	z.string().max(300),
	z.number(),
	z.boolean(),
	z.array(z.union([z.string().max(300), z.number()])).min(1)
]);

export const mappingRuleSchema = z
	.object({
		/** Every property named must match: a value (any case), one of a list, true (has a value) or false (blank). */
		when: z
			.record(z.string().min(1), matchSchema)
			.refine((when) => Object.keys(when).length > 0, 'must name at least one property'),
		kind: z.enum(ASSET_KINDS).optional(),
		sector: z.enum(SERVICE_SECTORS).optional(),
		categories: z.array(categoryRefSchema).max(20).optional(),
		accessibility: z.array(accessibilitySchema).optional(),
		familyFriendly: z.boolean().optional(),
		/** Leave matching records out, reporting this reason. */
		skip: z.string().trim().min(1).max(200).optional()
	})
	.strict();

export const assetMappingSchema = z
	.object({
		/** The source name re-imports are matched by (with each record's id), e.g. "trafford-libraries". */
		source: z
			.string()
			.trim()
			.regex(
				/^[a-z0-9][a-z0-9:._-]{0,79}$/,
				'must be lower-case letters, digits and - _ . : (up to 80)'
			)
			.optional(),
		id: fieldSchema.optional(),
		name: fieldSchema.optional(),
		description: fieldSchema.optional(),
		address: fieldSchema.optional(),
		postcode: fieldSchema.optional(),
		website: fieldSchema.optional(),
		email: fieldSchema.optional(),
		phone: fieldSchema.optional(),
		/** CSV only: the columns holding the location. */
		latitude: z.string().trim().min(1).optional(),
		longitude: z.string().trim().min(1).optional(),
		easting: z.string().trim().min(1).optional(),
		northing: z.string().trim().min(1).optional(),
		/** Kind and sector when no rule sets them (default: venue; a service's sector defaults to community). */
		kind: z.enum(ASSET_KINDS).optional(),
		sector: z.enum(SERVICE_SECTORS).optional(),
		/** Categories every record gets, before rules add theirs. */
		categories: z.array(categoryRefSchema).max(20).optional(),
		rules: z.array(mappingRuleSchema).max(500).default([]),
		/** Open Referral only: a feed's taxonomy terms (by name or id) to categories (by id or name). */
		terms: z.record(z.string().trim().min(1).max(200), categoryRefSchema).optional(),
		/**
		 * Open Referral only: who sees the names of the feed's contacts (people's names, so personal
		 * data). Default "coordinators"; "public" shows them to visitors with the phones and emails.
		 */
		contactNames: z.enum(['coordinators', 'public']).optional()
	})
	.strict();

export type AssetMapping = z.output<typeof assetMappingSchema>;
export type MappingRule = z.output<typeof mappingRuleSchema>;
export type MappingField = NonNullable<AssetMapping['name']>;

export type MappedField =
	'id' | 'name' | 'description' | 'address' | 'postcode' | 'website' | 'email' | 'phone';

/** The property names tried, in order, for each field a mapping leaves out (compared without case or punctuation). */
export const FIELD_CANDIDATES: Record<MappedField, string[]> = {
	id: [
		'id',
		'@id',
		'osm_id',
		'uprn',
		'ref',
		'unique_reference_number',
		'registered_charity_number',
		'external_id'
	],
	name: [
		'name',
		'title',
		'site_name',
		'asset_name',
		'venue_name',
		'organisation_name',
		'organization_name',
		'charity_name',
		'distname'
	],
	description: ['description', 'summary', 'about', 'activities', 'charity_activities', 'notes'],
	address: [
		'address',
		'full_address',
		'street_address',
		'address_1',
		'charity_contact_address',
		'street'
	],
	postcode: ['postcode', 'post_code', 'postal_code', 'pcds', 'pcd', 'charity_contact_postcode'],
	website: ['website', 'web', 'url', 'web_address', 'charity_contact_web', 'contact_website'],
	email: ['email', 'email_address', 'e_mail', 'charity_contact_email', 'contact_email'],
	phone: [
		'telephone',
		'phone',
		'tel',
		'phone_number',
		'telephone_number',
		'charity_contact_phone',
		'contact_phone'
	]
};

/** The actual property names of a record, by their compared form, so lookups ignore case. */
export type PropertyIndex = Map<string, string>;

export function indexProperties(names: Iterable<string>): PropertyIndex {
	const index: PropertyIndex = new Map();
	for (const name of names) {
		const key = propertyKey(name);
		if (!index.has(key)) index.set(key, name);
	}
	return index;
}

/** The value of a property by name (compared without case or punctuation), as text or null. */
export function propertyText(
	properties: Record<string, unknown>,
	index: PropertyIndex,
	name: string
): string | null {
	const actual = name in properties ? name : index.get(propertyKey(name));
	return actual === undefined ? null : textOf(properties[actual]);
}

const PLACEHOLDER = /\{([^{}]+)\}/g;

/** One alternative: a property's value, or a template filled in (null if any placeholder is blank). */
function alternative(
	properties: Record<string, unknown>,
	index: PropertyIndex,
	spec: string
): string | null {
	if (!spec.includes('{')) return propertyText(properties, index, spec);
	let blank = false;
	const filled = spec.replace(PLACEHOLDER, (_, name: string) => {
		const value = propertyText(properties, index, name.trim());
		if (value === null) blank = true;
		return value ?? '';
	});
	return blank ? null : filled.trim() || null;
}

/** The first alternative that gives a value. */
export function firstValue(
	properties: Record<string, unknown>,
	index: PropertyIndex,
	field: MappingField
): string | null {
	for (const spec of typeof field === 'string' ? [field] : field) {
		const value = alternative(properties, index, spec);
		if (value !== null) return value;
	}
	return null;
}

/** Every part that gives a value, joined with ", " (for addresses split over columns). */
export function joinedValue(
	properties: Record<string, unknown>,
	index: PropertyIndex,
	field: MappingField
): string | null {
	const parts = (typeof field === 'string' ? [field] : field)
		.map((spec) => alternative(properties, index, spec))
		.filter((part): part is string => part !== null);
	return parts.length ? parts.join(', ') : null;
}

/**
 * The field specs to use for a file: the mapping's where given, otherwise the first usual property
 * name the file has (checked against the file's property names, so the report can say which).
 */
export function resolveFields(
	mapping: AssetMapping,
	index: PropertyIndex
): Partial<Record<MappedField, MappingField>> {
	const fields: Partial<Record<MappedField, MappingField>> = {};
	for (const field of Object.keys(FIELD_CANDIDATES) as MappedField[]) {
		const given = mapping[field];
		if (given !== undefined) {
			fields[field] = given;
			continue;
		}
		const found = FIELD_CANDIDATES[field].find((candidate) => index.has(propertyKey(candidate)));
		if (found !== undefined) fields[field] = index.get(propertyKey(found))!;
	}
	return fields;
}

function matches(value: string | null, expected: z.output<typeof matchSchema>): boolean {
	if (expected === true) return value !== null;
	if (expected === false) return value === null;
	if (value === null) return false;
	const wanted = Array.isArray(expected) ? expected : [expected];
	const have = value.toLowerCase();
	return wanted.some((candidate) => String(candidate).trim().toLowerCase() === have);
}

export interface RuleOutcome {
	kind: AssetKind | null;
	sector: ServiceSector | null;
	categories: string[];
	accessibility: (keyof typeof ACCESSIBILITY_FEATURES)[];
	familyFriendly: boolean;
	/** The reason a rule gave for leaving the record out, or null. */
	skip: string | null;
	/** How many rules matched. */
	matched: number;
}

/**
 * Applies the mapping's defaults and then each matching rule in order: categories and
 * accessibility add up, and a later rule's kind or sector overrides an earlier one's.
 * @param read the value of a property (or an OpenStreetMap tag) by name, as text or null
 */
export function applyRules(
	mapping: Pick<AssetMapping, 'kind' | 'sector' | 'categories' | 'rules'>,
	read: (name: string) => string | null
): RuleOutcome {
	const outcome: RuleOutcome = {
		kind: mapping.kind ?? null,
		sector: mapping.sector ?? null,
		categories: [...(mapping.categories ?? [])],
		accessibility: [],
		familyFriendly: false,
		skip: null,
		matched: 0
	};
	for (const rule of mapping.rules) {
		const hit = Object.entries(rule.when).every(([name, expected]) =>
			matches(read(name), expected)
		);
		if (!hit) continue;
		outcome.matched++;
		if (rule.skip) {
			outcome.skip = rule.skip;
			return outcome;
		}
		if (rule.kind) outcome.kind = rule.kind;
		if (rule.sector) outcome.sector = rule.sector;
		if (rule.categories) outcome.categories.push(...rule.categories);
		if (rule.accessibility) outcome.accessibility.push(...rule.accessibility);
		if (rule.familyFriendly) outcome.familyFriendly = true;
	}
	return outcome;
}
