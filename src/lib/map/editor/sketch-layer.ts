/**
 * A sketch (./sketch.ts) drawn on a Leaflet map: its line or polygon, and a dot at each point (a
 * boundary's first corner larger, as it is the one to click to close the ring). Nothing on it is
 * clickable or touched by Geoman. Import only from a component's mount effect (STACK.md trap 7).
 */
import type * as Leaflet from 'leaflet';
import { SHAPE_STYLE } from './leaflet-setup';
import { sketchGeometry, type Sketch } from './sketch';

const ignored = { interactive: false, pmIgnore: true, snapIgnore: true };

/** Replaces what `group` shows with `sketch`. */
export function drawSketch(L: typeof Leaflet, group: Leaflet.LayerGroup, sketch: Sketch): void {
	group.clearLayers();
	const geometry = sketchGeometry(sketch);
	if (geometry?.type === 'LineString') {
		L.polyline(
			geometry.coordinates.map(([lon, lat]) => [lat, lon]),
			{ ...SHAPE_STYLE, ...ignored }
		).addTo(group);
	} else if (geometry?.type === 'Polygon') {
		L.polygon(
			geometry.coordinates[0].map(([lon, lat]) => [lat, lon]),
			{ ...SHAPE_STYLE, ...ignored }
		).addTo(group);
	}
	sketch.vertices.forEach(([lon, lat], i) => {
		L.circleMarker([lat, lon], {
			radius: i === 0 && sketch.kind === 'polygon' ? 8 : 5,
			color: '#003078',
			weight: 2,
			fillColor: '#ffffff',
			fillOpacity: 1,
			...ignored
		}).addTo(group);
	});
}
