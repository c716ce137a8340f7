/**
 * Distance gaps: for every small area, the straight-line (great-circle) distance from its
 * representative point to the nearest published entry of each category, through a spatial index per
 * category (never a scan over all entries). Online and roaming entries have no place and are left out.
 */
import { countableAssets } from './countable';
import { hilbertOrder } from './hilbert';
import { pointIndex, type PointIndex } from './point-index';
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

/** Entries with a place that count, by category, each with its own index. */
export interface CategoryIndexes {
	byCategory: Map<string, { assets: GapAsset[]; index: PointIndex }>;
}

/** Builds one point index per category from the entries that count and have a place. */
export function categoryIndexes(
	assets: readonly GapAsset[],
	categoryIds: readonly string[]
): CategoryIndexes {
	const byCategory = new Map<string, { assets: GapAsset[]; index: PointIndex }>();
	const placed = countableAssets(assets).filter((asset) => asset.point !== null);
	for (const categoryId of categoryIds) {
		const inCategory = placed.filter((asset) => asset.categoryIds.includes(categoryId));
		byCategory.set(categoryId, {
			assets: inCategory,
			index: pointIndex(inCategory.map((asset) => asset.point!))
		});
	}
	return { byCategory };
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
	let visit: Uint32Array | null = null;
	const order = () => (visit ??= hilbertOrder(areas.map((area) => area.point)));
	return [...indexes.byCategory].map(([categoryId, { assets, index }]) => {
		const metres = new Float64Array(areas.length).fill(Infinity);
		const nearestAssetId = new Float64Array(areas.length).fill(-1);
		if (index.size > 0) {
			// Neighbouring small areas usually share their nearest entry: visiting them along a
			// Hilbert curve, each search starts from the last answer, a small box instead of a
			// nearest-neighbour walk of the whole tree.
			let hint = -1;
			for (const a of order()) {
				const [lon, lat] = areas[a].point;
				const found = hint < 0 ? index.nearest(lon, lat)! : index.nearestFrom(lon, lat, hint)!;
				hint = found.item;
				metres[a] = found.metres;
				nearestAssetId[a] = assets[found.item].id;
			}
		}
		return { categoryId, metres, nearestAssetId, assetCount: index.size };
	});
}
