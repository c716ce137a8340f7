import { describe, expect, it } from 'vitest';
import {
	applyCommand,
	commandForKey,
	finishedMessage,
	keyboardHelp,
	type DrawCommand
} from './keyboard-draw';
import { emptySketch, MAX_SKETCH_VERTICES, sketchText, type LonLat, type Sketch } from './sketch';

/** Runs commands in turn, each at its own point under the cross; returns every message too. */
function run(sketch: Sketch, steps: [DrawCommand, LonLat?][]) {
	const messages: string[] = [];
	let last = { sketch, finished: false, cancelled: false };
	for (const [command, at = [0, 0] as LonLat] of steps) {
		const result = applyCommand(last.sketch, command, at);
		messages.push(result.message);
		last = result;
	}
	return { ...last, messages };
}

const a: LonLat = [-2.3, 53.44];
const b: LonLat = [-2.29, 53.44];
const c: LonLat = [-2.29, 53.45];
const d: LonLat = [-2.3, 53.45];

describe('keys on the focused map', () => {
	it('Enter and Space add, Backspace and Delete undo, F finishes, Escape cancels', () => {
		expect(
			['Enter', ' ', 'Backspace', 'Delete', 'f', 'F', 'Escape'].map((key) => commandForKey({ key }))
		).toEqual(['add', 'add', 'undo', 'undo', 'finish', 'finish', 'cancel']);
	});

	it('leaves the arrows, zoom keys, Tab and shortcuts with Ctrl, Alt or Cmd alone', () => {
		for (const key of ['ArrowUp', 'ArrowLeft', '+', '-', 'Tab', 'a']) {
			expect(commandForKey({ key })).toBeNull();
		}
		expect(commandForKey({ key: 'Enter', ctrlKey: true })).toBeNull();
		expect(commandForKey({ key: 'f', metaKey: true })).toBeNull();
		expect(commandForKey({ key: 'Backspace', altKey: true })).toBeNull();
	});
});

describe('drawing a boundary from the keyboard', () => {
	it('announces each corner and what is still needed, then the finished shape', () => {
		const drawn = run(emptySketch('polygon'), [
			['add', a],
			['add', b],
			['add', c],
			['add', d],
			['finish']
		]);
		expect(drawn.messages).toEqual([
			'Corner 1 added. 1 corner. Add at least 3 to make a shape.',
			'Corner 2 added. 2 corners. Add at least 3 to make a shape.',
			'Corner 3 added. 3 corners. Add more, or finish the shape.',
			'Corner 4 added. 4 corners. Add more, or finish the shape.',
			'Shape finished: 4 corners.'
		]);
		expect(drawn.finished).toBe(true);
		expect(drawn.sketch.closed).toBe(true);
		expect(JSON.parse(sketchText(drawn.sketch))).toEqual({
			type: 'Polygon',
			coordinates: [[a, b, c, d, a]]
		});
	});

	it('will not finish with fewer than 3 corners, and says so', () => {
		const early = run(emptySketch('polygon'), [['add', a], ['add', b], ['finish']]);
		expect(early.finished).toBe(false);
		expect(early.sketch.closed).toBe(false);
		expect(early.messages[2]).toBe('Not finished yet. 2 corners. Add at least 3 to make a shape.');
	});

	it('adds nothing where the last corner already is (the map has not moved)', () => {
		const twice = run(emptySketch('polygon'), [
			['add', a],
			['add', a]
		]);
		expect(twice.sketch.vertices).toEqual([a]);
		expect(twice.messages[1]).toBe(
			'No corner added: the last one is already here. Move the map with the arrow keys first.'
		);
	});

	it('adding on the first corner closes the ring, as a click there does', () => {
		const three = run(emptySketch('polygon'), [
			['add', a],
			['add', b],
			['add', c]
		]).sketch;
		const closed = applyCommand(three, 'add', a, { nearFirst: true });
		expect(closed.finished).toBe(true);
		expect(closed.message).toBe('Shape finished: 3 corners.');
		const more = applyCommand(closed.sketch, 'add', d);
		expect(more.sketch).toBe(closed.sketch);
		expect(more.message).toBe(
			'The shape is already finished. Undo the last step to change it, or press Escape to start again.'
		);
	});

	it('undo opens a finished shape, then removes corners one at a time, down to none', () => {
		const undone = run(emptySketch('polygon'), [
			['add', a],
			['add', b],
			['add', c],
			['finish'],
			['undo'],
			['undo'],
			['undo'],
			['undo'],
			['undo']
		]);
		expect(undone.messages.slice(4)).toEqual([
			'The shape is open again. 3 corners. Add more, or finish the shape.',
			'Corner 3 removed. 2 corners. Add at least 3 to make a shape.',
			'Corner 2 removed. 1 corner. Add at least 3 to make a shape.',
			'Corner 1 removed. 0 corners. Add at least 3 to make a shape.',
			'There is no corner to remove.'
		]);
		expect(undone.sketch).toEqual(emptySketch('polygon'));
	});

	it('Escape throws the corners away', () => {
		const cancelled = run(emptySketch('polygon'), [['add', a], ['add', b], ['cancel']]);
		expect(cancelled.cancelled).toBe(true);
		expect(cancelled.sketch).toEqual(emptySketch('polygon'));
		expect(cancelled.messages[2]).toBe('Drawing cancelled: the corners were removed.');
	});

	it('stops at the most corners a shape takes, and says so', () => {
		const vertices = Array.from({ length: MAX_SKETCH_VERTICES }, (_, i): LonLat => [i / 1000, 0]);
		const full: Sketch = { kind: 'polygon', vertices, closed: false };
		const result = applyCommand(full, 'add', [5, 5]);
		expect(result.sketch).toBe(full);
		expect(result.message).toBe('No corner added: a shape takes at most 1,000.');
	});

	it('announces the finished shape with its people, rounded and with thousands marked', () => {
		const sketch: Sketch = { kind: 'polygon', vertices: [a, b, c], closed: true };
		const usual = { people: 10_499, band: 'usual' as const, problem: null };
		expect(finishedMessage(sketch, usual)).toBe('Shape finished: about 10,499 people (Usual).');
		expect(finishedMessage(sketch, { ...usual, people: 1, band: 'under' })).toBe(
			'Shape finished: about 1 person (Under).'
		);
		expect(finishedMessage(sketch, null)).toBe('Shape finished: 3 corners.');
		const none = {
			people: 0,
			band: 'under' as const,
			problem: 'The boundary covers no small area'
		};
		expect(finishedMessage(sketch, none)).toBe(
			'Shape finished: about 0 people (Under). The boundary covers no small area.'
		);
	});
});

describe('drawing a line from the keyboard', () => {
	it('speaks of points, needs 2, and finishes as it is', () => {
		const line = run(emptySketch('line'), [['add', a], ['finish'], ['add', c], ['finish']]);
		expect(line.messages).toEqual([
			'Point 1 added. 1 point. Add at least 2 to make a line.',
			'Not finished yet. 1 point. Add at least 2 to make a line.',
			'Point 2 added. 2 points. Add more, or finish the line.',
			'Line finished: 2 points.'
		]);
		expect(line.finished).toBe(true);
		expect(JSON.parse(sketchText(line.sketch))).toEqual({
			type: 'LineString',
			coordinates: [a, c]
		});
		expect(applyCommand(line.sketch, 'cancel', a).message).toBe(
			'Drawing cancelled: the points were removed.'
		);
	});

	it('has instructions for each kind of shape', () => {
		expect(keyboardHelp('line')).toContain('press Enter to add a point at the cross');
		expect(keyboardHelp('polygon')).toContain('F to finish the shape and Escape to cancel');
	});
});
