/**
 * A shape being drawn by clicking a map: a line (to split a patch along) or a polygon (a new patch).
 * Plain data and functions, no map: the map component turns clicks into `addVertex` calls and draws
 * what `sketchGeometry` gives; this module decides when a ring is closed, undoes the last corner,
 * and says in words what is missing or wrong. Every function returns a new sketch.
 */
import type { AreaGeometry } from '$lib/domain/geometry';
import { splitShape } from '$lib/domain/scenarios/shapes';
import { validatePatchGeometry } from '$lib/domain/sizing/validate';

export type SketchKind = 'line' | 'polygon';
export type LonLat = [number, number];

export interface Sketch {
	kind: SketchKind;
	/** The points clicked, in order (a polygon's ring unclosed: the first is not repeated). */
	vertices: LonLat[];
	/** A polygon whose ring has been closed (by clicking its first corner, or Finish). */
	closed: boolean;
}

/** Most points a sketch takes: the forms refuse longer lines, and nobody clicks this many. */
export const MAX_SKETCH_VERTICES = 1000;

export const emptySketch = (kind: SketchKind): Sketch => ({ kind, vertices: [], closed: false });

const minimum = (kind: SketchKind) => (kind === 'line' ? 2 : 3);
const same = (a: LonLat, b: LonLat) => a[0] === b[0] && a[1] === b[1];

/**
 * The sketch with a clicked point added. A click on the first corner of a polygon with at least 3
 * corners closes its ring; a click on the point just added (a double click) adds nothing; a closed
 * sketch takes no more points.
 * @param nearFirst whether the click landed on the first corner (the map knows its pixels)
 * @example addVertex(emptySketch('line'), [-2.3, 53.4]).vertices // [[-2.3, 53.4]]
 */
export function addVertex(sketch: Sketch, point: LonLat, { nearFirst = false } = {}): Sketch {
	if (sketch.closed || sketch.vertices.length >= MAX_SKETCH_VERTICES) return sketch;
	const { vertices } = sketch;
	if (sketch.kind === 'polygon' && nearFirst && vertices.length >= 3) {
		return { ...sketch, closed: true };
	}
	if (vertices.length && same(vertices[vertices.length - 1], point)) return sketch;
	return { ...sketch, vertices: [...vertices, [point[0], point[1]]] };
}

/** The sketch without its last point; a closed ring opens again first. */
export function undoVertex(sketch: Sketch): Sketch {
	if (sketch.closed) return { ...sketch, closed: false };
	return { ...sketch, vertices: sketch.vertices.slice(0, -1) };
}

/** The sketch finished: a polygon's ring closed (a line is finished as it is). */
export function finishSketch(sketch: Sketch): Sketch {
	return sketch.kind === 'polygon' && sketch.vertices.length >= 3
		? { ...sketch, closed: true }
		: sketch;
}

/** The shape so far as GeoJSON, to draw: null before the first point. */
export function sketchGeometry(
	sketch: Sketch
): GeoJSON.Point | GeoJSON.LineString | GeoJSON.Polygon | null {
	const { vertices } = sketch;
	if (vertices.length === 0) return null;
	if (vertices.length === 1) return { type: 'Point', coordinates: vertices[0] };
	if (sketch.kind === 'polygon' && sketch.closed) {
		return { type: 'Polygon', coordinates: [[...vertices, vertices[0]]] };
	}
	return { type: 'LineString', coordinates: vertices };
}

export interface SketchContext {
	/** For a line: the patch it is to split, so a line that misses it is refused before posting. */
	patch?: { name: string; geometry: AreaGeometry } | null;
}

/**
 * What stops the sketch being used, in words; empty when it can be used.
 * @example sketchProblems(emptySketch('polygon')) // ['Click at least 3 corners on the map']
 */
export function sketchProblems(sketch: Sketch, { patch = null }: SketchContext = {}): string[] {
	const { kind, vertices } = sketch;
	const needed = minimum(kind);
	if (vertices.length < needed) {
		return [
			kind === 'line'
				? `Click at least 2 points on the map: where the line starts, outside the patch, and where it ends`
				: `Click at least 3 corners on the map`
		];
	}
	if (kind === 'polygon') {
		const geometry: GeoJSON.Polygon = {
			type: 'Polygon',
			coordinates: [[...vertices, vertices[0]]]
		};
		return validatePatchGeometry(geometry)
			.filter((p) => p.kind === 'self_intersection' || p.kind === 'too_many_vertices')
			.map((p) => p.message);
	}
	const line: GeoJSON.LineString = { type: 'LineString', coordinates: vertices };
	if (patch && !splitShape(patch.geometry, line)) {
		return [
			`The line does not cut ${patch.name} in two: draw it from outside the patch, across it, to outside again, without turning back on itself`
		];
	}
	return [];
}

/**
 * A sketch's state in words, for a status line read out as it changes.
 * @example describeSketch(addVertex(emptySketch('line'), [0, 0])) // '1 point. …'
 */
export function describeSketch(sketch: Sketch): string {
	const { kind, vertices, closed } = sketch;
	const n = vertices.length;
	if (kind === 'line') {
		const count = `${n} ${n === 1 ? 'point' : 'points'}`;
		return n < 2
			? `${count}. Click where the line goes next.`
			: `${count}. Click to go on, or use the line.`;
	}
	const count = `${n} ${n === 1 ? 'corner' : 'corners'}`;
	if (closed) return `${count}, closed. Use the boundary, or undo the last step.`;
	return n < 3
		? `${count}. Click the next corner.`
		: `${count}. Click the first corner (or Finish) to close the boundary.`;
}

/** The finished shape as the GeoJSON text the forms take (a LineString or a Polygon). */
export function sketchText(sketch: Sketch): string {
	const { vertices } = finishSketch(sketch);
	const geometry =
		sketch.kind === 'line'
			? { type: 'LineString', coordinates: vertices }
			: { type: 'Polygon', coordinates: [[...vertices, vertices[0]]] };
	return JSON.stringify(geometry);
}
