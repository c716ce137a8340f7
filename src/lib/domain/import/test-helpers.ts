/** Helpers for the import tests: an ImportError's message, and small GeoJSON builders. Not app code. */
import { expect } from 'vitest';
import { ImportError } from './errors';

/** The message of the ImportError `fn` throws (fails the test if it throws anything else). */
export function importErrorOf(fn: () => unknown): string {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(ImportError);
		return (error as Error).message;
	}
	throw new Error('expected an ImportError');
}

/** A closed square ring from its south-west corner. */
export function square(x: number, y: number, size: number): number[][][] {
	return [
		[
			[x, y],
			[x + size, y],
			[x + size, y + size],
			[x, y + size],
			[x, y]
		]
	];
}

/** A FeatureCollection of Polygon features. */
export function collection(
	features: { properties: Record<string, unknown>; coordinates: unknown; type?: string }[],
	crs?: string
) {
	return {
		type: 'FeatureCollection',
		...(crs ? { crs: { type: 'name', properties: { name: crs } } } : {}),
		features: features.map(({ properties, coordinates, type = 'Polygon' }) => ({
			type: 'Feature',
			properties,
			geometry: { type, coordinates }
		}))
	};
}
