import { describe, expect, it } from 'vitest';
import {
	KEYBOARD_INSTRUCTION,
	placesPointAtCentre,
	pointSetMessage,
	toPickedPoint
} from './picker';

describe('toPickedPoint', () => {
	it('turns a Leaflet latitude and longitude into a point to six decimal places', () => {
		expect(toPickedPoint({ lat: 53.05123456789, lng: -2.90641234567 })).toEqual({
			lat: 53.051235,
			lon: -2.906412
		});
	});

	it('keeps a point that needs no rounding as it is', () => {
		expect(toPickedPoint({ lat: 51.5, lng: -0.12 })).toEqual({ lat: 51.5, lon: -0.12 });
	});

	it('does not give a negative zero on the meridian', () => {
		const point = toPickedPoint({ lat: 51.4779, lng: -0.0000001 });
		expect(Object.is(point.lon, -0)).toBe(false);
		expect(pointSetMessage(point)).toBe('Point set: latitude 51.4779, longitude 0.');
	});
});

describe('placesPointAtCentre', () => {
	it('places the point on Enter and on Space, as a button does', () => {
		expect(placesPointAtCentre({ key: 'Enter' })).toBe(true);
		expect(placesPointAtCentre({ key: ' ' })).toBe(true);
		expect(placesPointAtCentre({ key: 'Spacebar' })).toBe(true);
	});

	it('leaves the arrow keys and other keys to the map and the browser', () => {
		for (const key of ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', '+', '-', 'Tab', 'a']) {
			expect(placesPointAtCentre({ key })).toBe(false);
		}
	});

	it('ignores Enter with a modifier held or while text is being composed', () => {
		expect(placesPointAtCentre({ key: 'Enter', ctrlKey: true })).toBe(false);
		expect(placesPointAtCentre({ key: 'Enter', metaKey: true })).toBe(false);
		expect(placesPointAtCentre({ key: 'Enter', altKey: true })).toBe(false);
		expect(placesPointAtCentre({ key: ' ', shiftKey: true })).toBe(false);
		expect(placesPointAtCentre({ key: 'Enter', isComposing: true })).toBe(false);
	});
});

describe('pointSetMessage', () => {
	it('says the point in plain words', () => {
		expect(pointSetMessage({ lat: 53.0512, lon: -2.9064 })).toBe(
			'Point set: latitude 53.0512, longitude -2.9064.'
		);
	});
});

describe('KEYBOARD_INSTRUCTION', () => {
	it('names the keys and the cross', () => {
		expect(KEYBOARD_INSTRUCTION).toMatch(/arrow keys.*Enter.*cross/);
	});
});
