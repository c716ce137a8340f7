/**
 * Drawing a shape from the keyboard, as accessible mapping tools do: the arrow keys move the map
 * under a cross in its middle, and a key adds a corner (or a point of a line) where the cross is.
 * Plain data and functions, no map and no DOM: the map components give this module the key pressed
 * and the point under the cross, draw the sketch it returns and put its message in a live region.
 * The sketch itself is ./sketch.ts's, so the mouse and the keyboard draw the same shape.
 */
import { formatNumber } from '$lib/domain/format';
import { resultWithFigures, type SpokenFigures } from './announce';
import {
	addVertex,
	emptySketch,
	finishSketch,
	MAX_SKETCH_VERTICES,
	undoVertex,
	type LonLat,
	type Sketch,
	type SketchKind
} from './sketch';

/** What a key (or a drawing button) asks for. */
export type DrawCommand = 'add' | 'undo' | 'finish' | 'cancel';

/** The parts of a keyboard event that decide the command. */
export interface KeyPress {
	key: string;
	altKey?: boolean;
	ctrlKey?: boolean;
	metaKey?: boolean;
}

/**
 * The command a key pressed on the focused map gives, or null for keys left to the map (the arrows
 * move it, + and − zoom) and to the browser (Tab, and anything with Ctrl, Alt or Cmd).
 * @example commandForKey({ key: 'Enter' }) // 'add'
 */
export function commandForKey(press: KeyPress): DrawCommand | null {
	if (press.altKey || press.ctrlKey || press.metaKey) return null;
	switch (press.key) {
		case 'Enter':
		case ' ':
			return 'add';
		case 'Backspace':
		case 'Delete':
			return 'undo';
		case 'f':
		case 'F':
			return 'finish';
		case 'Escape':
			return 'cancel';
		default:
			return null;
	}
}

/** What a command did: the sketch after it, and the sentence to announce. */
export interface DrawStep {
	sketch: Sketch;
	message: string;
	/** A boundary's ring was closed, or a line finished: the shape is ready to use. */
	finished: boolean;
	/** Escape: the sketch was thrown away. */
	cancelled: boolean;
}

const noun = (kind: SketchKind, n: number) =>
	kind === 'line' ? (n === 1 ? 'point' : 'points') : n === 1 ? 'corner' : 'corners';
const title = (word: string) => word[0].toUpperCase() + word.slice(1);
const needed = (kind: SketchKind) => (kind === 'line' ? 2 : 3);

/**
 * How many points the sketch has and what it needs next, e.g. "3 corners. Add more, or finish the
 * shape."
 */
export function countSentence(sketch: Sketch): string {
	const { kind } = sketch;
	const n = sketch.vertices.length;
	const count = `${formatNumber(n)} ${noun(kind, n)}.`;
	if (sketch.closed) return `${count} The shape is finished.`;
	const shape = kind === 'line' ? 'line' : 'shape';
	if (n < needed(kind)) {
		return `${count} Add at least ${needed(kind)} to make a ${shape}.`;
	}
	return `${count} Add more, or finish the ${shape}.`;
}

const step = (sketch: Sketch, message: string, finished = false, cancelled = false): DrawStep => ({
	sketch,
	message,
	finished,
	cancelled
});

/**
 * Carries out a command on the sketch. `at` is the point under the cross (or a click), used by
 * 'add'; `nearFirst` says the point is on a boundary's first corner, which closes the ring.
 * @example applyCommand(emptySketch('polygon'), 'add', [-2.3, 53.4]).message
 * // 'Corner 1 added. 1 corner. Add at least 3 to make a shape.'
 */
export function applyCommand(
	sketch: Sketch,
	command: DrawCommand,
	at: LonLat,
	{ nearFirst = false } = {}
): DrawStep {
	const { kind } = sketch;
	const n = sketch.vertices.length;
	const word = noun(kind, 1);
	switch (command) {
		case 'add': {
			if (sketch.closed) {
				return step(
					sketch,
					'The shape is already finished. Undo the last step to change it, or press Escape to start again.'
				);
			}
			if (n >= MAX_SKETCH_VERTICES) {
				return step(
					sketch,
					`No ${word} added: a ${kind === 'line' ? 'line' : 'shape'} takes at most ${formatNumber(MAX_SKETCH_VERTICES)}.`
				);
			}
			const next = addVertex(sketch, at, { nearFirst });
			if (next.closed) return finish(next);
			if (next.vertices.length === n) {
				return step(
					sketch,
					`No ${word} added: the last one is already here. Move the map with the arrow keys first.`
				);
			}
			return step(next, `${title(word)} ${formatNumber(n + 1)} added. ${countSentence(next)}`);
		}
		case 'undo': {
			if (sketch.closed) {
				const open = undoVertex(sketch);
				return step(open, `The shape is open again. ${countSentence(open)}`);
			}
			if (n === 0) return step(sketch, `There is no ${word} to remove.`);
			const fewer = undoVertex(sketch);
			return step(fewer, `${title(word)} ${formatNumber(n)} removed. ${countSentence(fewer)}`);
		}
		case 'finish':
			return finish(sketch);
		case 'cancel':
			return step(
				emptySketch(kind),
				`Drawing cancelled: the ${noun(kind, 2)} were removed.`,
				false,
				true
			);
	}
}

function finish(sketch: Sketch): DrawStep {
	const { kind } = sketch;
	const n = sketch.vertices.length;
	if (n < needed(kind)) {
		return step(sketch, `Not finished yet. ${countSentence(sketch)}`);
	}
	const done = finishSketch(sketch);
	const what = kind === 'line' ? 'Line' : 'Shape';
	return step(done, `${what} finished: ${formatNumber(n)} ${noun(kind, n)}.`, true);
}

/**
 * What to announce once a finished boundary has been estimated: "Shape finished: about 10,499
 * people (Usual)." (with the first problem, if the engine found one), or the corners when there is
 * no estimate.
 */
export function finishedMessage(sketch: Sketch, figures: SpokenFigures | null): string {
	const n = sketch.vertices.length;
	if (figures) return resultWithFigures('Shape finished.', figures);
	return `Shape finished: ${formatNumber(n)} ${noun(sketch.kind, n)}.`;
}

/** Said before the first corner when a key starts drawing (a shape on the map goes meanwhile). */
export const STARTED_MESSAGE = 'Drawing a new boundary (Escape puts back what was on the map).';

/** The short instructions shown beside a map that can be drawn on from the keyboard. */
export function keyboardHelp(kind: SketchKind): string {
	const word = noun(kind, 1);
	const shape = kind === 'line' ? 'line' : 'shape';
	return `From the keyboard: select the map, move it with the arrow keys (+ and − zoom), press Enter to add a ${word} at the cross in the middle, Backspace to remove the last one, F to finish the ${shape} and Escape to cancel.`;
}
