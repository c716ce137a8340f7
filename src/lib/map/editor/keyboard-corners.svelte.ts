/**
 * Changing a boundary's corners from the keyboard in the patch editor: the corners and what the last
 * step did, as state the corner tools show, and the selected corner ringed on the map, which centres
 * on it (so the cross is on it). What each key or button does is ./keyboard-corners.ts's; the editor
 * (the host) puts each changed shape on the map and estimates it, as it does for a drag.
 * The keys are caught on the map's element before Leaflet's own (the arrows would move the map) and
 * the drawing keys (./keyboard-binding.ts). Attach only from a component's mount effect (Leaflet
 * touches `window`; STACK.md trap 7).
 * A step that changes the shape is said once its estimate comes, with the people it holds.
 */
import type * as Leaflet from 'leaflet';
import { tick } from 'svelte';
import type { AreaGeometry } from '$lib/domain/geometry';
import type { PatchEstimate } from '$lib/domain/sizing/types';
import {
	applyCornerCommand,
	cornerAt,
	cornerCommandForKey,
	cornerCount,
	cornersOf,
	cornersGeometry,
	keptMessage,
	nearestCorner,
	selectCorner,
	stepMetres,
	type CornerCommand,
	type Corners
} from './keyboard-corners';
import { crossPoint } from './keyboard-binding';
import { spokenFigures, stepWithFigures, type SpokenFigures } from './announce';

export interface CornersHost {
	/** The shape on the map (null: none). */
	geometry(): AreaGeometry | null;
	/** Puts a changed shape on the map and estimates it, as a drag does. */
	place(geometry: AreaGeometry): void;
}

/** About how far on the screen an arrow key moves a corner: the step is a round number of metres. */
const STEP_PIXELS = 10;

const ignored = { interactive: false, pmIgnore: true, snapIgnore: true };

export class KeyboardCorners {
	/** The corners being changed (null: not changing corners). */
	corners = $state.raw<Corners | null>(null);
	/** What the last step did, in words, for a live region. */
	said = $state('');
	#host: CornersHost;
	#L: typeof Leaflet | undefined;
	#map: Leaflet.Map | undefined;
	#layer: Leaflet.LayerGroup | undefined;
	#unbind: (() => void) | undefined;
	/** Shapes placed, and the one the last estimate was of: a kept change waits for its estimate. */
	#placed = 0;
	#estimated = 0;
	#figures: SpokenFigures | null = null;
	/** A step waiting for the estimate of its shape, said once with its figures. */
	#waiting: ((figures: SpokenFigures | null) => string) | null = null;

	constructor(host: CornersHost) {
		this.#host = host;
	}

	attach(L: typeof Leaflet, map: Leaflet.Map): void {
		this.#L = L;
		this.#map = map;
		this.#layer = L.layerGroup([], { pmIgnore: true }).addTo(map);
		const container = map.getContainer();
		const onKey = (event: KeyboardEvent) => {
			if (!this.corners || event.target !== container) return;
			const command = cornerCommandForKey(event);
			if (!command) return;
			// Capturing on the map's own element runs before the listeners Leaflet and the drawing keys
			// put there; they must not see this key.
			event.preventDefault();
			event.stopImmediatePropagation();
			const held = event.repeat && !event.key.startsWith('Arrow');
			if (!held) this.command(command, { key: true });
		};
		container.addEventListener('keydown', onKey, true);
		this.#unbind = () => container.removeEventListener('keydown', onKey, true);
	}

	/** Starts changing corners: the one nearest the cross is selected, and the map takes the keys. */
	start(): void {
		const geometry = this.#host.geometry();
		if (!this.#map) return;
		if (!geometry) {
			this.said = 'There is no boundary on the map to change: draw one first.';
			return;
		}
		const all = cornersOf(geometry);
		const step = selectCorner(all, nearestCorner(all, crossPoint(this.#map)));
		this.#show(step.corners);
		this.said = `Changing corners. ${step.message}`;
		const container = this.#map.getContainer();
		container.focus();
		// The browser scrolls to a focused element only if none of it shows: once the corner tools
		// have taken the drawing tools' place (moving the map down), bring all of the map into view,
		// clear of what the page keeps room for below it (scroll-padding).
		void tick().then(() => container.scrollIntoView({ block: 'nearest' }));
	}

	/** A key or (`key` false) a button. */
	command(command: CornerCommand, { key = false } = {}): void {
		if (!this.corners || !this.#map) return;
		const now = this.#host.geometry();
		if (!now) return this.stop();
		let corners = this.corners;
		// A corner dragged with the mouse meanwhile: carry on from the shape as it is now.
		const fresh = cornersOf(now);
		if (JSON.stringify(fresh.parts) !== JSON.stringify(corners.parts)) {
			corners = selectCorner(fresh, Math.min(corners.selected, cornerCount(fresh) - 1)).corners;
		}
		const step = applyCornerCommand(corners, command, { step: this.#step(), key });
		this.#waiting = null;
		if (step.changed) {
			this.#placed += 1;
			this.#host.place(cornersGeometry(step.corners));
		}
		if (step.left) return this.stop(step.message);
		this.#show(step.corners);
		// A change is said once, with the people in the shape it made (./announce.ts), when the
		// estimate of that shape comes; the estimate panel stays quiet for it.
		if (step.changed) this.#waiting = (figures) => stepWithFigures(step.message, figures);
		else if (step.kept && this.#estimated !== this.#placed)
			this.#waiting = (figures) => keptMessage(step.message, figures);
		else this.said = step.kept ? keptMessage(step.message, this.#figures) : step.message;
	}

	/**
	 * The estimate of the shape on the map: a step waiting for it is said now, with its figures.
	 * @returns whether this estimate was announced here (the estimate panel then says nothing)
	 */
	estimated(estimate: PatchEstimate | null): boolean {
		this.#estimated = this.#placed;
		this.#figures = spokenFigures(estimate);
		const waiting = this.#waiting;
		this.#waiting = null;
		if (!waiting || !this.corners) return false;
		this.said = waiting(this.#figures);
		return true;
	}

	/** Stops changing corners; the shape on the map stays as it is. */
	stop(message = 'Stopped changing corners.'): void {
		this.#waiting = null;
		this.#show(null);
		this.said = message;
		this.#map?.getContainer().focus();
	}

	/** Stops without a word (drawing started, or the boundary was put back). */
	clear(): void {
		this.#waiting = null;
		this.#show(null);
		this.said = '';
	}

	remove(): void {
		this.#unbind?.();
	}

	/** Metres an arrow key moves a corner at this zoom. */
	#step(): number {
		const map = this.#map!;
		const middle = map.getSize().divideBy(2);
		const [a, b] = [middle, middle.add([STEP_PIXELS, 0])].map((p) => map.containerPointToLatLng(p));
		return stepMetres(map.distance(a, b));
	}

	/** Rings the selected corner and centres the map on it, so the cross is on it. */
	#show(corners: Corners | null): void {
		this.corners = corners;
		const [L, map, layer] = [this.#L, this.#map, this.#layer];
		if (!L || !map || !layer) return;
		layer.clearLayers();
		if (!corners) return;
		const [lon, lat] = cornerAt(corners);
		// Yellow edged with black, as the site's focus is: it shows on the blue shape and the ground.
		L.circleMarker([lat, lon], { radius: 14, color: '#0b0c0c', weight: 3, fill: false, ...ignored })
			.addTo(layer)
			.bringToFront();
		L.circleMarker([lat, lon], { radius: 11, color: '#ffdd00', weight: 4, fill: false, ...ignored })
			.addTo(layer)
			.bringToFront();
		map.setView([lat, lon], map.getZoom(), { animate: false });
	}
}
