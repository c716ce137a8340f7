/**
 * Patch boundaries from GeoJSON drawn elsewhere (a GIS, another tool, ONS wards): each feature's name
 * (from a property the person names, or the first usual one), a slug from the name, and a geometry the
 * sizing engine accepts. A boundary that crosses itself refuses the import: its population would be
 * wrong and the editor could not fix it safely.
 */
import type { AreaGeometry } from '../geometry';
import { validatePatchGeometry } from '../sizing';
import { whereItCrosses } from './crossings';
import { fail, ProblemList } from './errors';
import { featuresOf, readAreaFeatures, type AreaFeatures } from './features';
import { MAX_PATCH_VERTICES } from './limits';
import { findProperty, textProperty } from './properties';
import { firstProperties } from './small-areas';
import { slugify } from './slug';

/** Tried in order when no name property is named. */
export const PATCH_NAME_PROPERTIES = [
	'name',
	'patch_name',
	'area_name',
	'NAME',
	'WD23NM',
	'WD22NM'
];

/** Boundary problems that refuse an import; the others (slivers, separate parts) are warnings. */
const REFUSED_PROBLEMS = new Set(['self_intersection', 'too_many_vertices']);

export interface PatchRecord {
	/** Feature number in the file, from 1. */
	index: number;
	name: string;
	slug: string;
	geometry: AreaGeometry;
}

export interface PatchFile {
	source: string;
	crs: AreaFeatures['crs'];
	crsNote: string;
	nameProperty: string;
	nameNote: string;
	patches: PatchRecord[];
	warnings: string[];
}

export interface PatchFileOptions {
	source: string;
	nameProperty?: string;
	maxVertices?: number;
	onProgress?: (done: number, total: number) => void;
}

/**
 * Reads patch boundaries. Throws an ImportError naming each feature (number and name) with a problem:
 * no name, two features with the same slug, a boundary that crosses itself, or anything
 * readAreaFeatures refuses.
 */
export function parsePatchBoundaries(value: unknown, options: PatchFileOptions): PatchFile {
	const { source } = options;
	const maxVertices = options.maxVertices ?? MAX_PATCH_VERTICES;
	const first = firstProperties(featuresOf(value, source));
	const nameProperty = options.nameProperty
		? (findProperty(first, [options.nameProperty]) ?? options.nameProperty)
		: findProperty(first, PATCH_NAME_PROPERTIES);
	if (!nameProperty) {
		fail(
			`${source}: feature 1 has none of the properties ${PATCH_NAME_PROPERTIES.join(', ')}. ` +
				`Say which property holds the patch name (its properties are: ${Object.keys(first).join(', ') || 'none'}).`
		);
	}
	const read = readAreaFeatures(value, {
		source,
		maxVertices,
		label: (properties) => textProperty(properties, nameProperty),
		onProgress: options.onProgress
	});

	const problems = new ProblemList();
	const warnings = [...read.warnings];
	const slugs = new Map<string, PatchRecord>();
	for (const feature of read.features) {
		const name = textProperty(feature.properties, nameProperty);
		const where = `${source}: feature ${feature.index}${name ? ` (${name})` : ''}`;
		if (!name) {
			problems.add(`${where} has no "${nameProperty}" property to name the patch.`);
			continue;
		}
		const slug = slugify(name);
		if (!slug) {
			problems.add(`${where}: its name has no letters or digits to make a web address from.`);
			continue;
		}
		const twin = slugs.get(slug);
		if (twin) {
			problems.add(
				`${where} has the same name as feature ${twin.index} (${twin.name}): each patch needs its own name.`
			);
			continue;
		}
		let refused = false;
		for (const problem of validatePatchGeometry(feature.geometry, { maxVertices })) {
			if (REFUSED_PROBLEMS.has(problem.kind)) {
				const at =
					problem.kind === 'self_intersection' ? whereItCrosses(feature.geometry, problem) : '';
				problems.add(`${where}: ${lowerFirst(problem.message)}${at}.`);
				refused = true;
			} else warnings.push(`Feature ${feature.index} (${name}): ${lowerFirst(problem.message)}.`);
		}
		if (refused) continue;
		slugs.set(slug, { index: feature.index, name, slug, geometry: feature.geometry });
	}
	problems.throwIfAny();
	const nameNote = options.nameProperty
		? `Names from the "${nameProperty}" property, as chosen.`
		: `Names from the "${nameProperty}" property (the first of ${PATCH_NAME_PROPERTIES.join(', ')} the file has).`;
	return {
		source,
		crs: read.crs,
		crsNote: read.crsNote,
		nameProperty,
		nameNote,
		patches: [...slugs.values()],
		warnings
	};
}

/** "The boundary crosses itself" reads well after a colon as "the boundary crosses itself". */
function lowerFirst(text: string): string {
	const trimmed = text.replace(/\.$/, '');
	return /^[A-Z][a-z]/.test(trimmed) ? trimmed[0].toLowerCase() + trimmed.slice(1) : trimmed;
}
