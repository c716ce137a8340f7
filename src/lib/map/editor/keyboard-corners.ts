/**
 * Changing the corners of a boundary already on the map from the keyboard, as a mouse user drags
 * them: go to the next or previous corner (the map centres on it, so the cross is on it), move it
 * with the arrow keys by a step that suits the zoom, remove it, keep the change or put it back.
 * Plain data and functions, no map and no DOM: the map component gives this module the key pressed,
 * the shape and the step in metres, puts the shape it returns on the map and says its message in a
 * live region (./keyboard-corners.svelte.ts).
 */
import type { AreaGeometry } from '$lib/domain/geometry';
import { formatNumber } from '$lib/domain/format';
import { resultWithFigures, type SpokenFigures } from './announce';
import type { KeyPress } from './keyboard-draw';
import type { LonLat } from './sketch';

export type Direction = 'north' | 'south' | 'east' | 'west';

/** What a key (or a button) asks for while changing corners. */
export type CornerCommand = 'next' | 'previous' | Direction | 'remove' | 'keep' | 'put-back';

const ARROWS: Record<string, Direction> = {
	ArrowUp: 'north',
	ArrowDown: 'south',
	ArrowRight: 'east',
	ArrowLeft: 'west'
};

/**
 * The command a key gives while changing corners, or null for keys left to the map (+ and − zoom)
 * and the browser (Tab, and anything with Ctrl, Alt or Cmd).
 * @example cornerCommandForKey({ key: 'n' }) // 'next'
 */
export function cornerCommandForKey(press: KeyPress): CornerCommand | null {
	if (press.altKey || press.ctrlKey || press.metaKey) return null;
	if (press.key in ARROWS) return ARROWS[press.key];
	switch (press.key) {
		case 'n':
		case 'N':
			return 'next';
		case 'p':
		case 'P':
			return 'previous';
		case 'Delete':
		case 'Backspace':
			return 'remove';
		case 'Enter':
			return 'keep';
		case 'Escape':
			return 'put-back';
		default:
			return null;
	}
}

/** A boundary as corners: each polygon's rings (outer first), open (the first is not repeated). */
export interface Corners {
	type: AreaGeometry['type'];
	parts: LonLat[][][];
	/** The selected corner, counted through every ring in order from 0. */
	selected: number;
	/** The parts when the corner was selected or the last change kept: what Escape puts back. */
	kept: LonLat[][][];
	/** The corner selected then (a removal selects the next one). */
	keptSelected: number;
}

const open = (ring: GeoJSON.Position[]): LonLat[] => {
	const corners = ring.map(([lon, lat]) => [lon, lat] as LonLat);
	const [first, last] = [corners[0], corners.at(-1)];
	if (corners.length > 1 && first[0] === last![0] && first[1] === last![1]) corners.pop();
	return corners;
};

/** The corners of `geometry`, the first selected. */
export function cornersOf(geometry: AreaGeometry): Corners {
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	const parts = polygons.map((rings) => rings.map(open));
	return { type: geometry.type, parts, selected: 0, kept: parts, keptSelected: 0 };
}

/** The shape the corners make, as GeoJSON (each ring closed again). */
export function cornersGeometry(corners: Corners): AreaGeometry {
	const polygons = corners.parts.map((rings) => rings.map((ring) => [...ring, ring[0]]));
	return corners.type === 'Polygon'
		? { type: 'Polygon', coordinates: polygons[0] }
		: { type: 'MultiPolygon', coordinates: polygons };
}

const rings = (parts: LonLat[][][]) => parts.flat();

export const cornerCount = (corners: Corners): number =>
	rings(corners.parts).reduce((sum, ring) => sum + ring.length, 0);

/** Where a corner counted from 0 is: its ring (counted through every polygon) and place in it. */
function locate(parts: LonLat[][][], index: number): { ring: number; at: number } {
	let rest = index;
	const all = rings(parts);
	for (let ring = 0; ring < all.length; ring += 1) {
		if (rest < all[ring].length) return { ring, at: rest };
		rest -= all[ring].length;
	}
	throw new RangeError(`No corner ${index + 1}: the shape has ${index - rest}`);
}

/** The place of corner `index` (counted from 0). */
export function cornerAt(corners: Corners, index = corners.selected): LonLat {
	const { ring, at } = locate(corners.parts, index);
	return rings(corners.parts)[ring][at];
}

/** Metres between two points (near enough for the few metres a step moves: a flat-earth sum). */
const EARTH_RADIUS = 6_371_008.8;
const RADIANS = Math.PI / 180;
export function metresBetween([lon1, lat1]: LonLat, [lon2, lat2]: LonLat): number {
	const x = (lon2 - lon1) * RADIANS * Math.cos(((lat1 + lat2) / 2) * RADIANS);
	const y = (lat2 - lat1) * RADIANS;
	return Math.hypot(x, y) * EARTH_RADIUS;
}

/** The corner nearest `point` (the cross at the map's middle, when the mode starts). */
export function nearestCorner(corners: Corners, point: LonLat): number {
	let best = 0;
	let bestDistance = Infinity;
	rings(corners.parts)
		.flat()
		.forEach((corner, index) => {
			const distance = metresBetween(corner, point);
			if (distance < bestDistance) [best, bestDistance] = [index, distance];
		});
	return best;
}

/** `point` moved `metres` towards `direction`, to 6 decimal places (about 0.1 m) as forms keep it. */
export function movePoint([lon, lat]: LonLat, direction: Direction, metres: number): LonLat {
	const degrees = metres / EARTH_RADIUS / RADIANS;
	const round = (value: number) => Math.round(value * 1e6) / 1e6;
	switch (direction) {
		case 'north':
			return [lon, round(lat + degrees)];
		case 'south':
			return [lon, round(lat - degrees)];
		case 'east':
			return [round(lon + degrees / Math.cos(lat * RADIANS)), lat];
		case 'west':
			return [round(lon - degrees / Math.cos(lat * RADIANS)), lat];
	}
}

/**
 * How far one press of an arrow key moves a corner, from how many metres `pixels` of the screen
 * cover at this zoom: a round number (1, 2 or 5 times a power of ten), at least 1 metre.
 * @example stepMetres(57) // 50
 */
export function stepMetres(metresOnScreen: number): number {
	if (!(metresOnScreen > 1)) return 1;
	const power = 10 ** Math.floor(Math.log10(metresOnScreen));
	const nice = [5, 2, 1].find((n) => n * power <= metresOnScreen)!;
	return nice * power;
}

/** What a command did: the corners after it, and the sentence to announce. */
export interface CornerStep {
	corners: Corners;
	message: string;
	/** The shape changed: put it on the map and estimate it again. */
	changed: boolean;
	/** A change was kept (announced again with the new estimate). */
	kept: boolean;
	/** Escape with nothing to put back: changing corners is over. */
	left: boolean;
}

const same = (a: LonLat[][][], b: LonLat[][][]) => JSON.stringify(a) === JSON.stringify(b);
const metres = (n: number) =>
	`${formatNumber(Math.round(n))} ${Math.round(n) === 1 ? 'metre' : 'metres'}`;

/** "Corner 4 of 23 selected." */
export function selectedMessage(corners: Corners): string {
	return `Corner ${formatNumber(corners.selected + 1)} of ${formatNumber(cornerCount(corners))} selected.`;
}

/** The corners with `index` selected; a change not put back is kept. */
export function selectCorner(corners: Corners, index: number): CornerStep {
	const count = cornerCount(corners);
	const selected = ((index % count) + count) % count;
	const next = { ...corners, selected, kept: corners.parts, keptSelected: selected };
	return {
		corners: next,
		message: selectedMessage(next),
		changed: false,
		kept: false,
		left: false
	};
}

const PENDING = 'Enter keeps the change, Escape puts it back.';

/**
 * Carries out a command on the corners.
 * @param step how far an arrow key moves the selected corner, in metres (stepMetres)
 * @param key whether a key gave the command (Escape with nothing to put back stops; a button does not)
 * @example applyCornerCommand(cornersOf(square), 'east', { step: 20 }).message
 * // 'Corner 1 of 4 moved 20 metres east, 20 metres from where it was. Enter keeps the change, Escape puts it back.'
 */
export function applyCornerCommand(
	corners: Corners,
	command: CornerCommand,
	{ step, key = true }: { step: number; key?: boolean }
): CornerStep {
	const n = corners.selected + 1;
	const result = (next: Corners, message: string, changed = false, kept = false, left = false) => ({
		corners: next,
		message,
		changed,
		kept,
		left
	});
	switch (command) {
		case 'next':
			return selectCorner(corners, corners.selected + 1);
		case 'previous':
			return selectCorner(corners, corners.selected - 1);
		case 'north':
		case 'south':
		case 'east':
		case 'west': {
			const { ring, at } = locate(corners.parts, corners.selected);
			let r = 0;
			const parts = corners.parts.map((polygon) =>
				polygon.map((corners) => {
					const mine = r++ === ring;
					return mine
						? corners.map((c, i) => (i === at ? movePoint(c, command, step) : c))
						: corners;
				})
			);
			const next = { ...corners, parts };
			// Where it was before this change (unknown here after a removal: corners have moved up).
			const kept = { ...next, parts: corners.kept };
			const was = cornerCount(kept) === cornerCount(next) ? cornerAt(kept) : null;
			const away = was ? `, ${metres(metresBetween(was, cornerAt(next)))} from where it was` : '';
			return result(
				next,
				`Corner ${formatNumber(n)} of ${formatNumber(cornerCount(next))} moved ${metres(step)} ${command}${away}. ${PENDING}`,
				true
			);
		}
		case 'remove': {
			const { ring, at } = locate(corners.parts, corners.selected);
			const all = rings(corners.parts);
			if (all[ring].length <= 3) {
				const what = all.length === 1 ? 'a boundary needs' : 'each part of a boundary needs';
				return result(
					corners,
					`Corner ${formatNumber(n)} not removed: ${what} at least 3 corners.`
				);
			}
			let r = 0;
			const parts = corners.parts.map((polygon) =>
				polygon.map((corners) => (r++ === ring ? corners.filter((_, i) => i !== at) : corners))
			);
			// The corner after the removed one takes its place (the ring's first, after its last).
			const first = corners.selected - at;
			const selected = at === all[ring].length - 1 ? first : corners.selected;
			const next = { ...corners, parts, selected };
			return result(
				next,
				`Corner ${formatNumber(n)} removed: ${formatNumber(cornerCount(next))} corners. ${selectedMessage(next)} ${PENDING}`,
				true
			);
		}
		case 'keep':
			if (same(corners.kept, corners.parts)) {
				return result(
					corners,
					`Nothing to keep: corner ${formatNumber(n)} has not changed. Press Escape to stop changing corners.`
				);
			}
			return result(
				{ ...corners, kept: corners.parts, keptSelected: corners.selected },
				`Change to corner ${formatNumber(n)} kept.`,
				false,
				true
			);
		case 'put-back': {
			if (same(corners.kept, corners.parts)) {
				// Escape again leaves; the button says what it would put back.
				if (key) return result(corners, 'Stopped changing corners.', false, false, true);
				return result(corners, `Nothing to put back: corner ${formatNumber(n)} has not changed.`);
			}
			const back = { ...corners, parts: corners.kept, selected: corners.keptSelected };
			return result(
				back,
				`Corner ${formatNumber(back.selected + 1)} put back. ${selectedMessage(back)}`,
				true
			);
		}
	}
}

/**
 * A kept change announced with the estimate: "Change to corner 4 kept: about 10,234 people (Usual)."
 * (with the first problem the engine found, such as the boundary crossing itself).
 */
export function keptMessage(message: string, figures: SpokenFigures | null): string {
	return resultWithFigures(message, figures);
}

/** The short instructions for changing corners, shown beside the map. */
export const CORNERS_HELP =
	'To change corners from the keyboard: choose “Change corners”, then press N for the next corner and P for the previous one (the map centres on it), the arrow keys to move it, Delete to remove it, Enter to keep the change and Escape to put it back (Escape again stops).';
