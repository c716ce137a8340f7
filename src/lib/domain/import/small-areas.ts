/**
 * Small-area boundaries from ONS Output Area or LSOA GeoJSON: each feature's code (from a property
 * the person names, or the first of the usual ones), its kind, and the facts every stored small area
 * needs (bounding box, a point inside for the centroid method, area in square metres).
 */
import type { SmallAreaKind } from '../vocabulary';
import {
	areaInSquareMetres,
	boundingBoxOf,
	representativePoint,
	type AreaGeometry,
	type BoundingBox
} from '../geometry';
import { fail, ProblemList } from './errors';
import { featuresOf, readAreaFeatures, type AreaFeatures } from './features';
import { MAX_SMALL_AREA_VERTICES } from './limits';
import { findProperty, textProperty } from './properties';
import { formatNumber } from '../format';

/** Tried in order when no code property is named. */
export const CODE_PROPERTIES = ['OA21CD', 'LSOA21CD', 'OA11CD', 'LSOA11CD', 'area_code', 'code'];
/** Tried in order for a small area's name (optional: Output Areas have none). */
export const NAME_PROPERTIES = ['LSOA21NM', 'LSOA11NM', 'area_name', 'name'];

const KIND_WORDS: Record<SmallAreaKind, string> = { OA: 'Output Areas', LSOA: 'LSOAs' };

export interface SmallAreaRecord {
	code: string;
	kind: SmallAreaKind;
	name: string | null;
	geometry: AreaGeometry;
	bbox: BoundingBox;
	point: [number, number];
	areaM2: number;
}

export interface SmallAreaFile {
	source: string;
	crs: AreaFeatures['crs'];
	crsNote: string;
	codeProperty: string;
	/** e.g. 'Codes from the "area_code" property (the first of OA21CD, LSOA21CD, … the file has).' */
	codeNote: string;
	kind: SmallAreaKind;
	kindNote: string;
	areas: SmallAreaRecord[];
	warnings: string[];
}

export interface SmallAreaOptions {
	source: string;
	/** The property holding the code; by default the first of CODE_PROPERTIES the file has. */
	codeProperty?: string;
	/** OA or LSOA; by default told from the codes (E00/W00 Output Areas, E01/W01 LSOAs). */
	kind?: SmallAreaKind;
	maxVertices?: number;
	onProgress?: (done: number, total: number) => void;
}

/**
 * What an ONS code says about its geography: Output Area, LSOA, another geography, or nothing
 * (a code from elsewhere, like a demo's).
 */
export function kindOfCode(code: string): SmallAreaKind | 'other' | null {
	const match = /^([EWSNK])(\d\d)\d{6}$/.exec(code);
	if (!match) return null;
	const [, country, entity] = match;
	if ((country === 'E' || country === 'W') && entity === '00') return 'OA';
	if ((country === 'E' || country === 'W') && entity === '01') return 'LSOA';
	return 'other';
}

const OTHER_GEOGRAPHIES: Record<string, string> = {
	'02': 'an MSOA',
	'05': 'a ward',
	'06': 'a local authority',
	'07': 'a local authority',
	'08': 'a local authority',
	'09': 'a local authority'
};

function otherGeography(code: string): string {
	return OTHER_GEOGRAPHIES[code.slice(1, 3)] ?? 'not an Output Area or LSOA';
}

/** The kind a code property's name implies, e.g. LSOA21CD: LSOA. */
function kindOfProperty(name: string): SmallAreaKind | null {
	const key = name.toUpperCase();
	if (/^LSOA\d\dCD$/.test(key)) return 'LSOA';
	if (/^OA\d\dCD$/.test(key)) return 'OA';
	return null;
}

/**
 * Reads small-area boundaries. Throws an ImportError naming each feature with a problem: no code,
 * the same code twice, codes of another geography, or anything readAreaFeatures refuses.
 */
export function parseSmallAreaBoundaries(value: unknown, options: SmallAreaOptions): SmallAreaFile {
	const { source } = options;
	const first = firstProperties(featuresOf(value, source));
	const codeProperty = options.codeProperty
		? (findProperty(first, [options.codeProperty]) ?? options.codeProperty)
		: findProperty(first, CODE_PROPERTIES);
	if (!codeProperty) {
		fail(
			`${source}: feature 1 has none of the properties ${CODE_PROPERTIES.join(', ')}. ` +
				`Say which property holds the small-area code (its properties are: ${Object.keys(first).join(', ') || 'none'}).`
		);
	}
	const nameProperty = findProperty(first, NAME_PROPERTIES);
	const read = readAreaFeatures(value, {
		source,
		maxVertices: options.maxVertices ?? MAX_SMALL_AREA_VERTICES,
		label: (properties) => textProperty(properties, codeProperty),
		onProgress: options.onProgress
	});

	const problems = new ProblemList();
	const seen = new Map<string, number>();
	const kinds = new Map<SmallAreaKind, string>();
	const areas: SmallAreaRecord[] = [];
	for (const feature of read.features) {
		const where = `${source}: feature ${feature.index}`;
		const code = textProperty(feature.properties, codeProperty);
		if (!code) {
			problems.add(`${where} has no "${codeProperty}" property.`);
			continue;
		}
		const before = seen.get(code);
		if (before !== undefined) {
			problems.add(
				`${source}: code ${code} appears in feature ${before} and again in feature ${feature.index}.`
			);
			continue;
		}
		seen.set(code, feature.index);
		const codeKind = kindOfCode(code);
		if (codeKind === 'other') {
			problems.add(
				`${where} (${code}) is ${otherGeography(code)} code: Patchwork sizes patches from Output Areas or LSOAs.`
			);
			continue;
		}
		if (codeKind && options.kind && codeKind !== options.kind) {
			problems.add(
				`${where} (${code}) is ${codeKind === 'OA' ? 'an Output Area' : 'an LSOA'} code, but the kind chosen is ${KIND_WORDS[options.kind]}.`
			);
			continue;
		}
		if (codeKind && !kinds.has(codeKind)) kinds.set(codeKind, `${code} (feature ${feature.index})`);
		const areaM2 = areaInSquareMetres(feature.geometry);
		if (!(areaM2 > 0)) {
			problems.add(`${where} (${code}) encloses no area (its boundary may cross itself).`);
			continue;
		}
		areas.push({
			code,
			kind: options.kind ?? codeKind ?? 'OA',
			name: nameProperty ? textProperty(feature.properties, nameProperty) : null,
			geometry: feature.geometry,
			bbox: boundingBoxOf(feature.geometry),
			point: representativePoint(feature.geometry),
			areaM2
		});
	}
	if (kinds.size > 1) {
		problems.add(
			`${source} mixes Output Areas, like ${kinds.get('OA')}, and LSOAs, like ${kinds.get('LSOA')}: import one kind per file, or patches would count people twice.`
		);
	}
	problems.throwIfAny();

	const { kind, kindNote } = decideKind(
		options.kind,
		[...kinds.keys()][0],
		codeProperty,
		areas,
		source
	);
	for (const area of areas) area.kind = kind;
	const candidates = CODE_PROPERTIES.join(', ');
	const codeNote = options.codeProperty
		? `Codes from the "${codeProperty}" property, as chosen.`
		: `Codes from the "${codeProperty}" property (the first of ${candidates} the file has).`;
	return {
		source,
		crs: read.crs,
		crsNote: read.crsNote,
		codeProperty,
		codeNote,
		kind,
		kindNote,
		areas,
		warnings: read.warnings
	};
}

function decideKind(
	chosen: SmallAreaKind | undefined,
	fromCodes: SmallAreaKind | undefined,
	codeProperty: string,
	areas: SmallAreaRecord[],
	source: string
): { kind: SmallAreaKind; kindNote: string } {
	const count = `${formatNumber(areas.length)} ${areas.length === 1 ? 'small area' : 'small areas'}`;
	if (chosen) return { kind: chosen, kindNote: `${count}: ${KIND_WORDS[chosen]}, as chosen.` };
	if (fromCodes) {
		return { kind: fromCodes, kindNote: `${count}: ${KIND_WORDS[fromCodes]}, from their codes.` };
	}
	const fromProperty = kindOfProperty(codeProperty);
	if (fromProperty) {
		return {
			kind: fromProperty,
			kindNote: `${count}: ${KIND_WORDS[fromProperty]}, from the property name ${codeProperty}.`
		};
	}
	const example = areas[0]?.code ?? '';
	fail(
		`${source}: cannot tell whether codes like ${example} are Output Areas or LSOAs. Choose the kind of small area (OA or LSOA).`
	);
}

/** The first feature's properties, for choosing the code property before reading every feature. */
export function firstProperties(features: unknown[]): Record<string, unknown> {
	const properties = (features[0] as { properties?: unknown } | null)?.properties;
	return properties && typeof properties === 'object' && !Array.isArray(properties)
		? (properties as Record<string, unknown>)
		: {};
}
