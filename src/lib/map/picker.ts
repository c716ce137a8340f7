/**
 * The point picker's plain logic, kept out of the Leaflet component so it can be tested: how a
 * selected place becomes a point, which keys place the point at the map's centre (the keyboard way,
 * where the crosshair is), and the words announced when a point is set.
 */

export interface PickedPoint {
	lon: number;
	lat: number;
}

/** Said under a picker map, so a keyboard user knows how to set the point. */
export const KEYBOARD_INSTRUCTION =
	'Use the arrow keys to move the map, then press Enter to put the point at the cross.';

/**
 * A Leaflet latitude and longitude as a point, to six decimal places (about 10 cm: more than
 * enough for a front door, and short enough to read out).
 */
export function toPickedPoint(latlng: { lat: number; lng: number }): PickedPoint {
	return { lon: roundTo6(latlng.lng), lat: roundTo6(latlng.lat) };
}

/**
 * Whether a key pressed on the focused map puts the point at its centre: Enter or Space, as for
 * a button. Not with a modifier held (those belong to the browser and assistive technology), and
 * not while an input method is composing text.
 */
export function placesPointAtCentre(event: {
	key: string;
	altKey?: boolean;
	ctrlKey?: boolean;
	metaKey?: boolean;
	shiftKey?: boolean;
	isComposing?: boolean;
}): boolean {
	if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.isComposing) {
		return false;
	}
	return event.key === 'Enter' || event.key === ' ' || event.key === 'Spacebar';
}

/** What the status line says once a point is set, e.g. "Point set: latitude 53.0512, longitude -2.9064." */
export function pointSetMessage(point: PickedPoint): string {
	return `Point set: latitude ${point.lat}, longitude ${point.lon}.`;
}

function roundTo6(value: number): number {
	// Adding 0 turns -0 into 0, so a point on the meridian does not read "longitude -0".
	return Number(value.toFixed(6)) + 0;
}
