/**
 * Population carried on the boundaries themselves, as files from research projects and other tools
 * often have it (a "population" or "pop" property on each feature): read into the same shape as a
 * population CSV, so it is joined, checked and stored the same way.
 */
import { featuresOf } from './features';
import { ProblemList } from './errors';
import { parsePeople, type PopulationFile, type PopulationRow } from './population';
import { findProperty, textProperty } from './properties';
import { firstProperties } from './small-areas';

export interface PopulationPropertyOptions {
	source: string;
	/** The property holding each feature's small-area code (as the boundary import found it). */
	codeProperty: string;
	/** The property holding each feature's population, as the person named it. */
	property: string;
}

/**
 * Each feature's code and population. Throws an ImportError naming each feature whose population
 * is missing, negative or not a whole number, or naming the properties when the file has no such one.
 * @example populationFromProperty(geojson, { source: 'a.geojson', codeProperty: 'code', property: 'pop' }).rows[0] // { code: 'E00000001', value: 300, line: 1 }
 */
export function populationFromProperty(
	value: unknown,
	{ source, codeProperty, property }: PopulationPropertyOptions
): PopulationFile {
	const features = featuresOf(value, source);
	const first = firstProperties(features);
	const name = findProperty(first, [property]);
	const problems = new ProblemList();
	if (!name) {
		problems.add(
			`${source}: feature 1 has no "${property}" property to take the population from (its properties are: ${Object.keys(first).join(', ') || 'none'}).`
		);
		problems.throwIfAny();
	}
	const rows: PopulationRow[] = [];
	features.forEach((raw, i) => {
		const properties = ((raw as { properties?: unknown })?.properties ?? {}) as Record<
			string,
			unknown
		>;
		const code = textProperty(properties, codeProperty);
		if (!code) return; // the boundary import names features without a code
		const people = parsePeople(textProperty(properties, name!) ?? '');
		if (typeof people === 'number') rows.push({ code, value: people, line: i + 1 });
		else
			problems.add(`${source}: feature ${i + 1} (${code}), property "${name}": ${people.problem}.`);
	});
	problems.throwIfAny();
	return {
		source,
		shape: 'simple',
		shapeNote: `Population from each feature's "${name}" property.`,
		codeColumn: codeProperty,
		valueColumn: name!,
		rows,
		duplicates: [],
		period: null,
		suggestedName: null,
		warnings: []
	};
}
