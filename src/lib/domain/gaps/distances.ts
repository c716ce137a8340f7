/**
 * Distance gaps: for every small area, the straight-line (great-circle) distance from its
 * representative point to the nearest published entry of each category, through a spatial index per
 * category (never a scan over all entries). Online and roaming entries have no place and are left out.
 */
import { countableAssets } from './countable';
import { hilbertOrder } from './hilbert';
import { haversine } from './point-index';
import { sphereFrame, sphereKd, toFrame, type SphereFrame, type SphereKd } from './sphere-kd';
import type { GapAsset, GapSmallArea } from './types';

export interface CategoryDistances {
	categoryId: string;
	/** Metres from each small area (same order as given) to the nearest entry; Infinity when none. */
	metres: Float64Array;
	/** The id of that nearest entry, or -1 when none. */
	nearestAssetId: Float64Array;
	/** How many entries with a place the category has. */
	assetCount: number;
}

/** One category's index: its entries with a place that count. */
export interface CategoryIndex {
	index: SphereKd;
	/** Longitude, latitude and id of each entry, by its place in the tree (three numbers each). */
	places: Float64Array;
}

/** Entries with a place that count, by category, each with its own index. */
export interface CategoryIndexes {
	/** The frame every index's unit vectors are in (the middle of all the entries with a place). */
	frame: SphereFrame;
	byCategory: Map<string, CategoryIndex>;
}

/** Builds one point index per category from the entries that count and have a place. */
export function categoryIndexes(
	assets: readonly GapAsset[],
	categoryIds: readonly string[]
): CategoryIndexes {
	const placed = countableAssets(assets).filter((asset) => asset.point !== null);
	const lonLat = new Float64Array(placed.length * 2);
	placed.forEach((asset, i) => {
		lonLat[i * 2] = asset.point![0];
		lonLat[i * 2 + 1] = asset.point![1];
	});
	const frame = sphereFrame(lonLat);
	// Each entry once in each of its categories (a category listed twice counts once).
	const position = new Map<string, number>();
	categoryIds.forEach((id, c) => {
		if (!position.has(id)) position.set(id, c);
	});
	const counts = new Int32Array(categoryIds.length);
	const memberOf = (asset: GapAsset, j: number) => {
		const id = asset.categoryIds[j];
		const c = position.get(id);
		return c !== undefined && asset.categoryIds.indexOf(id) === j ? c : -1;
	};
	for (const asset of placed) {
		for (let j = 0; j < asset.categoryIds.length; j++) {
			const c = memberOf(asset, j);
			if (c >= 0) counts[c]++;
		}
	}
	const vectors = Array.from(counts, (count) => new Float64Array(count * 3));
	const places = Array.from(counts, (count) => new Float64Array(count * 3));
	counts.fill(0);
	placed.forEach((asset, i) => {
		for (let j = 0; j < asset.categoryIds.length; j++) {
			const c = memberOf(asset, j);
			if (c < 0) continue;
			const at = counts[c]++;
			toFrame(frame, lonLat[i * 2], lonLat[i * 2 + 1], vectors[c], at);
			places[c][at * 3] = lonLat[i * 2];
			places[c][at * 3 + 1] = lonLat[i * 2 + 1];
			places[c][at * 3 + 2] = asset.id;
		}
	});
	const byCategory = new Map<string, CategoryIndex>();
	for (const [id, c] of position) {
		const index = sphereKd(vectors[c]);
		// Reordered to the tree's order, so an answer is read from the next place in memory.
		const sorted = new Float64Array(places[c].length);
		for (let k = 0; k < index.size; k++) {
			for (let i = 0; i < 3; i++) sorted[k * 3 + i] = places[c][index.ids[k] * 3 + i];
		}
		byCategory.set(id, { index, places: sorted });
	}
	return { frame, byCategory };
}

/**
 * The nearest entry of each category to every small area.
 * @param areas small areas with their representative points
 * @param indexes from categoryIndexes
 * @returns one result per category, in the order of `indexes`
 */
export function nearestDistances(
	areas: readonly GapSmallArea[],
	indexes: CategoryIndexes
): CategoryDistances[] {
	// Neighbouring small areas usually share their nearest entry: visiting them along a Hilbert curve,
	// each search starts with the last answer as its bound and rules out almost the whole tree at once.
	// Their points and vectors are laid out in that order, so the walk reads memory in order.
	let walk: { visit: Uint32Array; lonLat: Float64Array; vectors: Float64Array } | null = null;
	const walkOf = () => {
		const visit = hilbertOrder(areas.map((area) => area.point));
		const lonLat = new Float64Array(visit.length * 2);
		const vectors = new Float64Array(visit.length * 3);
		visit.forEach((a, v) => {
			const [lon, lat] = areas[a].point;
			lonLat[v * 2] = lon;
			lonLat[v * 2 + 1] = lat;
			toFrame(indexes.frame, lon, lat, vectors, v);
		});
		return { visit, lonLat, vectors };
	};
	let found: Int32Array | null = null;
	return [...indexes.byCategory].map(([categoryId, { index, places }]) => {
		const metres = new Float64Array(areas.length).fill(Infinity);
		const nearestAssetId = new Float64Array(areas.length).fill(-1);
		if (index.size > 0 && areas.length > 0) {
			const { visit, lonLat, vectors } = (walk ??= walkOf());
			found ??= new Int32Array(visit.length);
			index.nearestAll(vectors, found);
			for (let v = 0; v < visit.length; v++) {
				const k = found[v];
				const a = visit[v];
				metres[a] = haversine(lonLat[v * 2], lonLat[v * 2 + 1], places[k * 3], places[k * 3 + 1]);
				nearestAssetId[a] = places[k * 3 + 2];
			}
		}
		return { categoryId, metres, nearestAssetId, assetCount: index.size };
	});
}
