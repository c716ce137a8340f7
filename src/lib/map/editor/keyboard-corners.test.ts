import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '$lib/domain/geometry';
import {
	applyCornerCommand,
	cornerAt,
	cornerCommandForKey,
	cornerCount,
	cornersGeometry,
	cornersOf,
	keptMessage,
	metresBetween,
	movePoint,
	nearestCorner,
	selectCorner,
	stepMetres,
	type CornerCommand,
	type Corners
} from './keyboard-corners';

/** A square about 660 m across in Trafford, corners anticlockwise from the south-west. */
const square: GeoJSON.Polygon = {
	type: 'Polygon',
	coordinates: [
		[
			[-2.3, 53.44],
			[-2.29, 53.44],
			[-2.29, 53.45],
			[-2.3, 53.45],
			[-2.3, 53.44]
		]
	]
};

/** Two parts: a triangle, and a square with a triangular hole. */
const twoParts: GeoJSON.MultiPolygon = {
	type: 'MultiPolygon',
	coordinates: [
		[
			[
				[-2.4, 53.4],
				[-2.39, 53.4],
				[-2.39, 53.41],
				[-2.4, 53.4]
			]
		],
		[
			square.coordinates[0],
			[
				[-2.297, 53.443],
				[-2.293, 53.443],
				[-2.295, 53.447],
				[-2.297, 53.443]
			]
		]
	]
};

/** Runs commands in turn (20 m steps); returns the last step and every message. */
function run(start: Corners, commands: CornerCommand[]) {
	const messages: string[] = [];
	let last = { corners: start, changed: false, kept: false, left: false };
	for (const command of commands) {
		const step = applyCornerCommand(last.corners, command, { step: 20 });
		messages.push(step.message);
		last = step;
	}
	return { ...last, messages };
}

describe('keys while changing corners', () => {
	it('N and P choose corners, arrows move, Delete and Backspace remove, Enter keeps, Escape puts back', () => {
		const keys = ['n', 'P', 'ArrowUp', 'ArrowDown', 'ArrowRight', 'ArrowLeft'];
		expect(keys.map((key) => cornerCommandForKey({ key }))).toEqual([
			'next',
			'previous',
			'north',
			'south',
			'east',
			'west'
		]);
		expect(
			['Delete', 'Backspace', 'Enter', 'Escape'].map((key) => cornerCommandForKey({ key }))
		).toEqual(['remove', 'remove', 'keep', 'put-back']);
	});

	it('leaves zoom, Tab and shortcuts with Ctrl, Alt or Cmd to the map and the browser', () => {
		for (const key of ['+', '-', 'Tab', ' ', 'f']) expect(cornerCommandForKey({ key })).toBeNull();
		expect(cornerCommandForKey({ key: 'n', ctrlKey: true })).toBeNull();
		expect(cornerCommandForKey({ key: 'ArrowUp', altKey: true })).toBeNull();
		expect(cornerCommandForKey({ key: 'Delete', metaKey: true })).toBeNull();
	});
});

describe('a boundary as corners', () => {
	it('counts the corners of every ring once, and gives the same GeoJSON back', () => {
		expect(cornerCount(cornersOf(square))).toBe(4);
		expect(cornersGeometry(cornersOf(square))).toEqual(square);
		expect(cornerCount(cornersOf(twoParts))).toBe(10);
		expect(cornersGeometry(cornersOf(twoParts))).toEqual(twoParts);
	});

	it('numbers corners through the rings in order', () => {
		const corners = cornersOf(twoParts);
		expect(cornerAt(corners, 0)).toEqual([-2.4, 53.4]);
		expect(cornerAt(corners, 3)).toEqual([-2.3, 53.44]);
		expect(cornerAt(corners, 9)).toEqual([-2.295, 53.447]);
		expect(() => cornerAt(corners, 10)).toThrow(RangeError);
	});

	it('finds the corner nearest the cross', () => {
		expect(nearestCorner(cornersOf(square), [-2.2901, 53.4498])).toBe(2);
		expect(nearestCorner(cornersOf(twoParts), [-2.295, 53.446])).toBe(9);
	});
});

describe('moving about and moving corners', () => {
	it('N and P go round the ring and say which corner of how many', () => {
		const { corners, messages } = run(cornersOf(square), ['previous', 'previous', 'next']);
		expect(messages).toEqual([
			'Corner 4 of 4 selected.',
			'Corner 3 of 4 selected.',
			'Corner 4 of 4 selected.'
		]);
		expect(corners.selected).toBe(3);
		expect(selectCorner(cornersOf(square), 9).message).toBe('Corner 2 of 4 selected.');
	});

	it('an arrow moves the selected corner by the step, and says how far it is from where it was', () => {
		const { corners, messages, changed } = run(cornersOf(square), ['east', 'east', 'north']);
		expect(changed).toBe(true);
		expect(messages[0]).toBe(
			'Corner 1 of 4 moved 20 metres east, 20 metres from where it was. Enter keeps the change, Escape puts it back.'
		);
		expect(messages[1]).toMatch(
			/^Corner 1 of 4 moved 20 metres east, 40 metres from where it was\./
		);
		expect(messages[2]).toMatch(/moved 20 metres north, 45 metres from where it was\./);
		const moved = cornerAt(corners);
		expect(metresBetween([-2.3, 53.44], moved)).toBeCloseTo(Math.hypot(40, 20), 0);
		expect(moved[0]).toBeGreaterThan(-2.3);
		expect(moved[1]).toBeGreaterThan(53.44);
		// Only that corner moved, and the ring is still closed by it.
		const geometry = cornersGeometry(corners) as GeoJSON.Polygon;
		expect(geometry.coordinates[0].slice(1, 4)).toEqual(square.coordinates[0].slice(1, 4));
		expect(geometry.coordinates[0][4]).toEqual(moved);
	});

	it('moves a corner of a hole in the second part, leaving the other rings alone', () => {
		const start = selectCorner(cornersOf(twoParts), 8).corners;
		const { corners } = run(start, ['south']);
		const geometry = cornersGeometry(corners) as GeoJSON.MultiPolygon;
		expect(geometry.coordinates[0]).toEqual(twoParts.coordinates[0]);
		expect(geometry.coordinates[1][0]).toEqual(twoParts.coordinates[1][0]);
		expect(geometry.coordinates[1][1][1]).toEqual([-2.293, 53.44282]);
	});

	it('moves a point by whole metres in each direction', () => {
		for (const direction of ['north', 'south', 'east', 'west'] as const) {
			expect(metresBetween([-2.3, 53.44], movePoint([-2.3, 53.44], direction, 50))).toBeCloseTo(
				50,
				0
			);
		}
	});

	it('steps by a round number of metres that suits the zoom', () => {
		expect([0, 0.4, 1, 3, 57, 120, 999, 4300].map(stepMetres)).toEqual([
			1, 1, 1, 2, 50, 100, 500, 2000
		]);
	});
});

describe('removing, keeping and putting back', () => {
	it('removes the selected corner and selects the one after it', () => {
		const { corners, messages } = run(selectCorner(cornersOf(twoParts), 4).corners, ['remove']);
		expect(messages[0]).toBe(
			'Corner 5 removed: 9 corners. Corner 5 of 9 selected. Enter keeps the change, Escape puts it back.'
		);
		expect(cornerAt(corners)).toEqual([-2.29, 53.45]);
		const last = run(selectCorner(cornersOf(twoParts), 6).corners, ['remove']).corners;
		// The last corner of its ring: the ring's first is next.
		expect(cornerAt(last)).toEqual([-2.3, 53.44]);
	});

	it('never takes a ring below 3 corners, and says why', () => {
		const three = run(cornersOf(square), ['remove', 'keep']).corners;
		const refused = run(three, ['remove']);
		expect(refused.messages[0]).toBe('Corner 1 not removed: a boundary needs at least 3 corners.');
		expect(refused.changed).toBe(false);
		expect(cornerCount(refused.corners)).toBe(3);
		expect(run(cornersOf(twoParts), ['remove']).messages[0]).toBe(
			'Corner 1 not removed: each part of a boundary needs at least 3 corners.'
		);
	});

	it('Enter keeps a change, which Escape then leaves alone and stops', () => {
		const { corners, messages, left } = run(cornersOf(square), ['west', 'keep', 'put-back']);
		expect(messages[1]).toBe('Change to corner 1 kept.');
		expect(messages[2]).toBe('Stopped changing corners.');
		expect(left).toBe(true);
		expect(cornerAt(corners)[0]).toBeLessThan(-2.3);
	});

	it('the "Put the corner back" button with nothing to put back says so, and does not stop', () => {
		const step = applyCornerCommand(cornersOf(square), 'put-back', { step: 20, key: false });
		expect(step.message).toBe('Nothing to put back: corner 1 has not changed.');
		expect(step.left).toBe(false);
	});

	it('Escape puts back a moved corner, and a removed one', () => {
		const moved = run(cornersOf(square), ['north', 'north', 'put-back']);
		expect(moved.messages[2]).toBe('Corner 1 put back. Corner 1 of 4 selected.');
		expect(moved.changed).toBe(true);
		expect(moved.left).toBe(false);
		expect(cornersGeometry(moved.corners)).toEqual(square);
		const removed = run(selectCorner(cornersOf(square), 3).corners, ['remove', 'put-back']);
		expect(removed.messages[1]).toBe('Corner 4 put back. Corner 4 of 4 selected.');
		expect(cornersGeometry(removed.corners)).toEqual(square);
	});

	it('Enter with nothing changed says so; going to another corner keeps a change', () => {
		expect(run(cornersOf(square), ['keep']).messages[0]).toBe(
			'Nothing to keep: corner 1 has not changed. Press Escape to stop changing corners.'
		);
		const { corners } = run(cornersOf(square), ['east', 'next', 'put-back']);
		expect(cornerAt(corners, 0)[0]).toBeGreaterThan(-2.3);
	});

	it('a kept change is said again with the new estimate', () => {
		const usual = { people: 10_234, band: 'usual' as const, problem: null };
		expect(keptMessage('Change to corner 4 kept.', usual)).toBe(
			'Change to corner 4 kept: about 10,234 people (Usual).'
		);
		expect(keptMessage('Change to corner 4 kept.', null)).toBe('Change to corner 4 kept.');
		const crossing = { people: 1, band: 'under' as const, problem: 'The boundary crosses itself' };
		expect(keptMessage('Change to corner 4 kept.', crossing)).toBe(
			'Change to corner 4 kept: about 1 person (Under). The boundary crosses itself.'
		);
	});
});

it('reads a polygon whose ring is not closed, as some files have it', () => {
	const unclosed = {
		type: 'Polygon',
		coordinates: [square.coordinates[0].slice(0, 4)]
	} as AreaGeometry;
	expect(cornerCount(cornersOf(unclosed))).toBe(4);
});
