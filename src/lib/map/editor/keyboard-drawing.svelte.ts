/**
 * Drawing a boundary from the keyboard in the patch editor: the sketch so far and what the last step
 * did, as state the drawing tools show, drawn on the map as it grows. What each key or button does
 * is ./keyboard-draw.ts's; the editor (the host) starts and stops drawing, puts a finished shape on
 * the map for Geoman to edit and estimate, and puts back the old one on Escape. The first key or
 * drawing button takes over from Geoman's mouse drawing, keeping the corners already clicked;
 * clicks then add corners here.
 * Attach only from a component's mount effect (Leaflet touches `window`; STACK.md trap 7).
 */
import type * as Leaflet from 'leaflet';
import type { PatchEstimate } from '$lib/domain/sizing/types';
import { applyCommand, finishedMessage, STARTED_MESSAGE, type DrawCommand } from './keyboard-draw';
import { bindDrawKeys, clickPoint, crossPoint, type DrawKeys } from './keyboard-binding';
import { drawSketch } from './sketch-layer';
import { emptySketch, type LonLat, type Sketch } from './sketch';
import { roundPoint } from './keyboard-binding';
import { spokenFigures, stepWithFigures, type SpokenFigures } from './announce';

export interface DrawingHost {
	/** Whether drawing is on (with the mouse or from the keyboard). */
	isDrawing(): boolean;
	/** Starts drawing: the shape on the map goes (the host remembers it for Escape). */
	start(): void;
	/** Geoman's mouse drawing off; drawing stays on, from the keyboard now. */
	takeOver(): void;
	/** Drawing off. */
	stop(): void;
	/**
	 * Puts a finished boundary on the map and estimates it; null (Escape) puts back the shape the map
	 * had before drawing.
	 */
	place(geometry: GeoJSON.Polygon | null): void;
}

export class KeyboardDrawing {
	/** The boundary being drawn from the keyboard (null: not, or with Geoman and the mouse). */
	sketch = $state<Sketch | null>(null);
	/** What the last step did, in words, for a live region. */
	said = $state('');
	#host: DrawingHost;
	#L: typeof Leaflet | undefined;
	#map: Leaflet.Map | undefined;
	#layer: Leaflet.LayerGroup | undefined;
	#keys: DrawKeys | undefined;
	/** The line Geoman draws while the mouse adds corners (Geoman's public pm:drawstart gives it). */
	#working: Leaflet.Polyline | undefined;
	/**
	 * What to say once the shape a step left on the map is estimated (a finished shape with its
	 * people), or null when no step is waiting.
	 */
	#waiting: ((figures: SpokenFigures | null) => string) | null = null;

	constructor(host: DrawingHost) {
		this.#host = host;
	}

	/** Starts listening on `map`: its drawing keys, and clicks while drawing from the keyboard. */
	attach(L: typeof Leaflet, map: Leaflet.Map): void {
		this.#L = L;
		this.#map = map;
		this.#layer = L.layerGroup([], { pmIgnore: true }).addTo(map);
		this.#keys = bindDrawKeys(L, map, (action, at) => this.command(action, at));
		map.on('pm:drawstart', (event) => (this.#working = event.workingLayer as Leaflet.Polyline));
		// The edge the next corner would make follows the cross as the map moves.
		map.on('move', () => this.sketch && this.#show(this.sketch));
		map.on('click', (event) => {
			if (!this.sketch) return;
			const { at, nearFirst } = clickPoint(map, event, this.sketch.vertices[0]);
			this.command('add', at, nearFirst);
		});
	}

	/**
	 * A drawing key, button or click. Enter (add) starts drawing when it is off.
	 * @returns false when it did nothing (the key keeps its usual meaning)
	 */
	command(action: DrawCommand, at: LonLat | null = null, nearFirst = false): boolean {
		const point = at ?? (this.#map ? crossPoint(this.#map) : null);
		if (!point) return false;
		let started = false;
		if (!this.sketch) {
			const drawing = this.#host.isDrawing();
			started = !drawing;
			if (action !== 'add' && !(action === 'cancel' && drawing)) return false;
			if (!drawing) this.#host.start();
			const clicked = (this.#working?.getLatLngs() ?? []) as Leaflet.LatLng[];
			this.#host.takeOver();
			this.#working = undefined;
			this.sketch = {
				...emptySketch('polygon'),
				vertices: clicked.map((corner) => roundPoint(corner.lng, corner.lat))
			};
		}
		const step = applyCommand(this.sketch, action, point, { nearFirst });
		const message = started ? `${STARTED_MESSAGE} ${step.message}` : step.message;
		this.#waiting = null;
		// A finished or cancelled drawing changes the shape on the map: said once, when its estimate
		// comes, with the people in it (stopping clears what was waiting, so wait after it).
		if (step.finished) {
			const ring = step.sketch.vertices;
			this.#host.stop();
			this.#waiting = (figures) => finishedMessage(step.sketch, figures);
			this.#host.place({ type: 'Polygon', coordinates: [[...ring, ring[0]]] });
		} else if (step.cancelled) {
			this.#host.stop();
			this.#waiting = (figures) => stepWithFigures(message, figures);
			this.#host.place(null);
		} else {
			this.#show(step.sketch);
			this.said = message;
			// Starting took the shape off the map: this message says so, so the panel need not.
			if (started) this.#waiting = () => message;
		}
		return true;
	}

	/**
	 * The estimate of the shape on the map: a step waiting for it (a shape finished, drawing
	 * cancelled) is said now, with the people in the shape.
	 * @returns whether this estimate was announced here (the estimate panel then says nothing)
	 */
	estimated(estimate: PatchEstimate | null): boolean {
		const waiting = this.#waiting;
		this.#waiting = null;
		if (!waiting) return false;
		this.said = waiting(spokenFigures(estimate));
		return true;
	}

	/** Drops the sketch and the last message (drawing stopped). */
	clear(): void {
		this.#waiting = null;
		this.#show(null);
		this.said = '';
	}

	remove(): void {
		this.#keys?.remove();
	}

	#show(next: Sketch | null): void {
		this.sketch = next;
		if (!this.#L || !this.#layer || !this.#map) return;
		drawSketch(this.#L, this.#layer, next ?? emptySketch('polygon'), crossPoint(this.#map));
	}
}
