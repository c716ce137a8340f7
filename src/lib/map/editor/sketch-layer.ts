/**
 * A sketch (./sketch.ts) drawn on a Leaflet map: its line or polygon, and a dot at each point (a
 * boundary's first corner larger, as it is the one to click to close the ring). Nothing on it is
 * clickable or touched by Geoman. Import only from a component's mount effect (STACK.md trap 7).
 */
import type * as Leaflet from 'leaflet';
import { SHAPE_STYLE } from './leaflet-setup';
import { sketchGeometry, type LonLat, type Sketch } from './sketch';

const ignored = { interactive: false, pmIgnore: true, snapIgnore: true };

/**
 * Replaces what `group` shows with `sketch`, and a dashed line from its last point to `next` (where
 * the next point would go: the cross, when drawing from the keyboard).
 */
export function drawSketch(
	L: typeof Leaflet,
	group: Leaflet.LayerGroup,
	sketch: Sketch,
	next: LonLat | null = null
): void {
	group.clearLayers();
	const last = sketch.vertices.at(-1);
	if (next && last && !sketch.closed) {
		L.polyline(
			[
				[last[1], last[0]],
				[next[1], next[0]]
			],
			{ color: SHAPE_STYLE.color, weight: 2, dashArray: '4 6', ...ignored }
		).addTo(group);
	}
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
