/**
 * The editor's live estimate: the engine, run in the browser on the small areas near the patch.
 * Small areas are fetched once (all of a small programme, or those near the shape) and prepared
 * once; each change of shape is then one estimatePatch call. When the shape grows out of the
 * fetched box, the small areas around its new box are fetched and prepared again.
 */
import type { DesignLimits } from '$lib/domain/bands';
import type { AreaGeometry, BoundingBox } from '$lib/domain/geometry';
import type { EditImpact, NeighbourPatch } from '$lib/domain/sizing/edit-impact';
import type {
	PatchEstimate,
	PatchInput,
	SizingMethod,
	SmallAreaInput
} from '$lib/domain/sizing/types';

/** What the small-areas endpoint answers. */
export interface SmallAreasResponse {
	/** True when these are all the programme's small areas: no shape needs more. */
	complete: boolean;
	/** The box whose small areas these are (null when complete). */
	box: BoundingBox | null;
	smallAreas: SmallAreaInput[];
}

/** The two engine functions the editor runs (src/lib/domain/sizing). */
export interface SizingEngine<Prepared> {
	prepareSmallAreas(areas: SmallAreaInput[]): Prepared;
	estimatePatch(
		prepared: Prepared,
		patch: PatchInput,
		options: { limits: DesignLimits; method: SizingMethod; withShares?: boolean }
	): PatchEstimate;
	/** What the edit does to the other patches (optional: tests may leave it out). */
	estimateEditImpact?(
		prepared: Prepared,
		edit: { patch: PatchInput; saved: AreaGeometry | null; others: readonly NeighbourPatch[] },
		options: { limits: DesignLimits; method: SizingMethod }
	): EditImpact;
}

/** The bounding box of a polygon or multipolygon (no Turf: this runs on every drag). */
export function boxOf(geometry: AreaGeometry): BoundingBox {
	const box = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	for (const ring of polygons.flat()) {
		for (const [lon, lat] of ring) {
			box.minLon = Math.min(box.minLon, lon);
			box.maxLon = Math.max(box.maxLon, lon);
			box.minLat = Math.min(box.minLat, lat);
			box.maxLat = Math.max(box.maxLat, lat);
		}
	}
	return box;
}

/**
 * A box grown by `share` of its width and height (half each side), so a corner can be dragged a
 * little way out without fetching again.
 * @example expandBox({ minLon: 0, minLat: 0, maxLon: 2, maxLat: 1 }, 0.5) // { minLon: -0.5, minLat: -0.25, maxLon: 2.5, maxLat: 1.25 }
 */
export function expandBox(box: BoundingBox, share = 0.5): BoundingBox {
	const dx = ((box.maxLon - box.minLon) * share) / 2;
	const dy = ((box.maxLat - box.minLat) * share) / 2;
	return {
		minLon: Math.max(-180, box.minLon - dx),
		minLat: Math.max(-90, box.minLat - dy),
		maxLon: Math.min(180, box.maxLon + dx),
		maxLat: Math.min(90, box.maxLat + dy)
	};
}

/** Whether `inner` lies wholly inside `outer`. */
export function boxContains(outer: BoundingBox, inner: BoundingBox): boolean {
	return (
		inner.minLon >= outer.minLon &&
		inner.maxLon <= outer.maxLon &&
		inner.minLat >= outer.minLat &&
		inner.maxLat <= outer.maxLat
	);
}

export interface LiveEstimatorOptions<Prepared> {
	engine: SizingEngine<Prepared>;
	/** Fetch the small areas around a box (null: whatever the server offers without one). */
	fetchSmallAreas: (box: BoundingBox | null) => Promise<SmallAreasResponse>;
	limits: DesignLimits;
	patch: { id: number | string; name: string };
	method?: SizingMethod;
}

/** Holds the prepared small areas and estimates shapes against them. */
export class LiveEstimator<Prepared> {
	#options: LiveEstimatorOptions<Prepared>;
	#prepared: Prepared | null = null;
	#loaded: SmallAreasResponse | null = null;
	#loading: Promise<SmallAreasResponse> | null = null;

	constructor(options: LiveEstimatorOptions<Prepared>) {
		this.#options = options;
	}

	/** The small areas the estimates use now (for drawing their outlines). */
	get smallAreas(): SmallAreaInput[] {
		return this.#loaded?.smallAreas ?? [];
	}

	/** True when the fetched small areas are enough to estimate this shape exactly. */
	covers(geometry: AreaGeometry | null): boolean {
		const loaded = this.#loaded;
		if (!loaded) return false;
		if (loaded.complete || !geometry) return true;
		return loaded.box !== null && boxContains(loaded.box, boxOf(geometry));
	}

	/**
	 * Fetch and prepare small areas if the shape needs more than are held.
	 * @returns true when it fetched (the caller may redraw the outlines)
	 */
	async load(geometry: AreaGeometry | null): Promise<boolean> {
		if (this.covers(geometry)) return false;
		const box = geometry ? expandBox(boxOf(geometry)) : null;
		// One request at a time: a drag fires many changes before the first answer comes back.
		const request = (this.#loading ??= this.#options.fetchSmallAreas(box));
		try {
			const response = await request;
			if (this.#loaded !== response) {
				this.#prepared = this.#options.engine.prepareSmallAreas(response.smallAreas);
				this.#loaded = response;
			}
		} finally {
			if (this.#loading === request) this.#loading = null;
		}
		return true;
	}

	/** The shape's estimate, or null when nothing is drawn or no small areas are held yet. */
	estimate(geometry: AreaGeometry | null): PatchEstimate | null {
		if (!geometry || this.#prepared === null) return null;
		const { engine, limits, patch, method = 'areal' } = this.#options;
		return engine.estimatePatch(
			this.#prepared,
			{ ...patch, geometry },
			{ limits, method, withShares: false }
		);
	}

	/**
	 * What the shape does to the other patches: people shared with each, people its saved boundary
	 * held that would be in no patch, locked patches it overlaps. Null when nothing is drawn.
	 */
	impact(
		geometry: AreaGeometry | null,
		saved: AreaGeometry | null,
		others: readonly NeighbourPatch[]
	): EditImpact | null {
		const { engine, limits, patch, method = 'areal' } = this.#options;
		if (!geometry || this.#prepared === null || !engine.estimateEditImpact) return null;
		return engine.estimateEditImpact(
			this.#prepared,
			{ patch: { ...patch, geometry }, saved, others },
			{ limits, method }
		);
	}
}
