/**
 * Test helpers: a grid of square-ish small areas near Trafford (0.01° of longitude by 0.006° of
 * latitude, about 660 m by 670 m) and rectangular patches drawn on the same grid.
 */
import type { AreaGeometry } from '../../geometry';
import type { PatchInput, SmallAreaInput } from '../types';

export const CELL_W = 0.01;
export const CELL_H = 0.006;
const LON = -2.33;
const LAT = 53.44;

/** Longitude of grid column i (fractions allowed). */
export const gx = (i: number) => Math.round((LON + i * CELL_W) * 1e9) / 1e9;
/** Latitude of grid row j (fractions allowed). */
export const gy = (j: number) => Math.round((LAT + j * CELL_H) * 1e9) / 1e9;

/** A rectangle from grid column i0 to i1 and row j0 to j1. */
export function gridRect(i0: number, j0: number, i1: number, j1: number): GeoJSON.Polygon {
	const [x0, y0, x1, y1] = [gx(i0), gy(j0), gx(i1), gy(j1)];
	return {
		type: 'Polygon',
		coordinates: [
			[
				[x0, y0],
				[x1, y0],
				[x1, y1],
				[x0, y1],
				[x0, y0]
			]
		]
	};
}

/** Small areas for every cell of a cols × rows grid, coded "c<i>-<j>". */
export function gridAreas(
	cols: number,
	rows: number,
	population: (i: number, j: number) => number = () => 1000
): SmallAreaInput[] {
	const areas: SmallAreaInput[] = [];
	for (let i = 0; i < cols; i++) {
		for (let j = 0; j < rows; j++) {
			areas.push({
				code: `c${i}-${j}`,
				population: population(i, j),
				geometry: gridRect(i, j, i + 1, j + 1)
			});
		}
	}
	return areas;
}

export function gridPatch(id: number, name: string, geometry: AreaGeometry): PatchInput {
	return { id, name, geometry };
}
