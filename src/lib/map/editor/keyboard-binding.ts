/**
 * Joins ./keyboard-draw.ts to a Leaflet map: a cross at the map's middle (shown while the keyboard
 * focus is on the map or on the drawing tools round it, an element of class "draw-area"), and the drawing keys pressed on the focused map, passed on with
 * the point under the cross. Leaflet's own keyboard handler (on by default) moves the map with the
 * arrow keys and zooms with + and −. Import only from a component's mount effect (STACK.md trap 7).
 * The cross's look is in ./draw-crosshair.css, which the component imports.
 */
import type * as Leaflet from 'leaflet';
import { commandForKey, type DrawCommand } from './keyboard-draw';
import type { LonLat } from './sketch';

/** A point to 6 decimal places (about 0.1 m), as the forms keep it. */
export const roundPoint = (lon: number, lat: number): LonLat => [
	Math.round(lon * 1e6) / 1e6,
	Math.round(lat * 1e6) / 1e6
];

/** The point under the cross. */
export function crossPoint(map: Leaflet.Map): LonLat {
	const centre = map.getCenter();
	return roundPoint(centre.lng, centre.lat);
}

/** Pixels within which a click counts as a click on the first corner (closing a boundary's ring). */
const CLOSE_PIXELS = 12;

/** Where a click on the map landed, and whether that is on `first`, the sketch's first point. */
export function clickPoint(
	map: Leaflet.Map,
	event: Leaflet.LeafletMouseEvent,
	first: LonLat | undefined
): { at: LonLat; nearFirst: boolean } {
	const nearFirst =
		first !== undefined &&
		map.latLngToContainerPoint([first[1], first[0]]).distanceTo(event.containerPoint) <=
			CLOSE_PIXELS;
	return { at: roundPoint(event.latlng.lng, event.latlng.lat), nearFirst };
}

export interface DrawKeys {
	remove(): void;
}

/**
 * Listens for drawing keys on `map`'s container (not on things inside it).
 * @param oncommand carries the command out; it returns false when it did nothing, and the key then
 *   keeps its usual meaning
 */
export function bindDrawKeys(
	L: typeof Leaflet,
	map: Leaflet.Map,
	oncommand: (command: DrawCommand, at: LonLat) => boolean
): DrawKeys {
	const container = map.getContainer();
	const cross = L.DomUtil.create('div', 'draw-crosshair', container);
	cross.setAttribute('aria-hidden', 'true');
	const onKey = (event: KeyboardEvent) => {
		if (event.target !== container || event.repeat) return;
		const command = commandForKey(event);
		if (command && oncommand(command, crossPoint(map))) event.preventDefault();
	};
	container.addEventListener('keydown', onKey);
	return {
		remove() {
			container.removeEventListener('keydown', onKey);
			cross.remove();
		}
	};
}
