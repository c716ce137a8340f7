import { describe, expect, it } from 'vitest';
import { vertexMarkerLabel } from './markers';

describe('vertexMarkerLabel', () => {
	it('names corners and the handles halfway along edges', () => {
		expect(vertexMarkerLabel('marker-icon leaflet-marker-icon leaflet-interactive')).toBe(
			'Corner of the boundary'
		);
		expect(vertexMarkerLabel('marker-icon marker-icon-middle leaflet-marker-icon')).toBe(
			'Middle of an edge: drag to add a corner'
		);
	});

	it('leaves other markers and elements alone', () => {
		expect(vertexMarkerLabel('leaflet-marker-icon my-pin')).toBeNull();
		expect(vertexMarkerLabel('marker-icon')).toBeNull();
		expect(vertexMarkerLabel('')).toBeNull();
	});
});
