import { describe, expect, it } from 'vitest';
import {
	addVertex,
	describeSketch,
	emptySketch,
	finishSketch,
	sketchGeometry,
	sketchProblems,
	sketchText,
	undoVertex,
	type LonLat,
	type Sketch
} from './sketch';

const clicks = (sketch: Sketch, points: LonLat[]) =>
	points.reduce((s, p) => addVertex(s, p), sketch);

// A square patch, 0.01° across, near Trafford.
const square = {
	name: 'West',
	geometry: {
		type: 'Polygon' as const,
		coordinates: [
			[
				[-2.3, 53.44],
				[-2.29, 53.44],
				[-2.29, 53.45],
				[-2.3, 53.45],
				[-2.3, 53.44]
			]
		]
	}
};

describe('drawing a polygon', () => {
	const three: LonLat[] = [
		[-2.3, 53.44],
		[-2.29, 53.44],
		[-2.29, 53.45]
	];

	it('closes the ring when the first corner is clicked again, and takes no more corners then', () => {
		let sketch = clicks(emptySketch('polygon'), three);
		expect(sketchGeometry(sketch)).toEqual({ type: 'LineString', coordinates: three });
		sketch = addVertex(sketch, [-2.3, 53.44], { nearFirst: true });
		expect(sketch.closed).toBe(true);
		expect(sketchGeometry(sketch)).toEqual({
			type: 'Polygon',
			coordinates: [[...three, three[0]]]
		});
		expect(addVertex(sketch, [-2.31, 53.46])).toBe(sketch);
		expect(describeSketch(sketch)).toBe(
			'3 corners, closed. Use the boundary, or undo the last step.'
		);
		expect(sketchProblems(sketch)).toEqual([]);
	});

	it('does not close a ring of fewer than 3 corners: a click on the first corner adds one', () => {
		const two = clicks(emptySketch('polygon'), three.slice(0, 2));
		const again = addVertex(two, [-2.3, 53.4401], { nearFirst: true });
		expect(again.closed).toBe(false);
		expect(again.vertices).toHaveLength(3);
	});

	it('undoes the closing first, then each corner in turn', () => {
		let sketch = finishSketch(clicks(emptySketch('polygon'), three));
		expect(sketch.closed).toBe(true);
		sketch = undoVertex(sketch);
		expect(sketch).toEqual({ kind: 'polygon', vertices: three, closed: false });
		sketch = undoVertex(undoVertex(undoVertex(sketch)));
		expect(sketch.vertices).toEqual([]);
		expect(undoVertex(sketch).vertices).toEqual([]);
		expect(sketchGeometry(sketch)).toBeNull();
	});

	it('ignores a second click on the point just added (a double click)', () => {
		const sketch = clicks(emptySketch('polygon'), [three[0], three[0], three[1]]);
		expect(sketch.vertices).toEqual(three.slice(0, 2));
	});

	it('says what is missing, and refuses a boundary that crosses itself, saying where', () => {
		expect(sketchProblems(clicks(emptySketch('polygon'), three.slice(0, 2)))).toEqual([
			'Click at least 3 corners on the map'
		]);
		expect(describeSketch(clicks(emptySketch('polygon'), three.slice(0, 1)))).toBe(
			'1 corner. Click the next corner.'
		);
		const bowTie = clicks(emptySketch('polygon'), [
			[-2.3, 53.44],
			[-2.29, 53.45],
			[-2.29, 53.44],
			[-2.3, 53.45]
		]);
		const [problem, ...rest] = sketchProblems(bowTie);
		expect(rest).toEqual([]);
		expect(problem).toMatch(/^The boundary crosses itself at 1 point/);
	});

	it('gives the forms a closed GeoJSON Polygon', () => {
		expect(JSON.parse(sketchText(clicks(emptySketch('polygon'), three)))).toEqual({
			type: 'Polygon',
			coordinates: [[...three, three[0]]]
		});
	});
});

describe('drawing a line', () => {
	const across: LonLat[] = [
		[-2.295, 53.43],
		[-2.295, 53.46]
	];

	it('needs 2 points, and is drawn as a LineString from the first', () => {
		const one = addVertex(emptySketch('line'), across[0]);
		expect(sketchGeometry(one)).toEqual({ type: 'Point', coordinates: across[0] });
		expect(sketchProblems(one)).toEqual([
			'Click at least 2 points on the map: where the line starts, outside the patch, and where it ends'
		]);
		expect(describeSketch(one)).toBe('1 point. Click where the line goes next.');
		const line = addVertex(one, across[1], { nearFirst: true });
		expect(line.closed).toBe(false);
		expect(sketchProblems(line, { patch: square })).toEqual([]);
		expect(JSON.parse(sketchText(line))).toEqual({ type: 'LineString', coordinates: across });
	});

	it('refuses a line that does not cut the patch in two, naming the patch', () => {
		const beside = clicks(emptySketch('line'), [
			[-2.28, 53.43],
			[-2.28, 53.46]
		]);
		expect(sketchProblems(beside, { patch: square })).toEqual([
			'The line does not cut West in two: draw it from outside the patch, across it, to outside again, without turning back on itself'
		]);
		// Without a patch chosen, any 2 points will do: the server checks again when it is posted.
		expect(sketchProblems(beside)).toEqual([]);
	});
});
