/**
 * Which feature the map highlights for one result (the list item under the pointer or holding
 * focus), and the filter that draws it. A result's own point is highlighted; when clustering has
 * folded that point into a cluster, the cluster holding it is highlighted instead, since a point
 * inside a cluster is not drawn. Plain code over a small view of the map, so it is tested without
 * MapLibre (and so the page's first bundle never needs MapLibre for it).
 */
import type {
	FilterSpecification,
	GeoJSONSource,
	Map as MapLibreMap,
	MapGeoJSONFeature
} from 'maplibre-gl';
import { LAYER_IDS, SOURCE_IDS } from './style';

export type FeatureId = number | string;

/** What is highlighted: nothing, the result's own point, or the cluster that holds it. */
export type HighlightTarget =
	| { kind: 'none' }
	| { kind: 'point'; id: FeatureId }
	| { kind: 'cluster'; id: FeatureId; clusterId: number };

export const NO_HIGHLIGHT: HighlightTarget = { kind: 'none' };

/** The layers that draw the highlight, bottom first (see style.ts). */
export const HIGHLIGHT_LAYERS = [LAYER_IDS.highlightHalo, LAYER_IDS.highlight] as const;

/**
 * The highlight layers' filter for a target. Points and clusters share one id space on a clustered
 * source (a cluster's id is its cluster_id), so each test also says which of the two it wants.
 * @example highlightFilter({ kind: 'point', id: 12 })
 * // ['all', ['!', ['has', 'point_count']], ['==', ['id'], 12]]
 */
export function highlightFilter(target: HighlightTarget): FilterSpecification {
	if (target.kind === 'point') {
		return ['all', ['!', ['has', 'point_count']], ['==', ['id'], target.id]];
	}
	if (target.kind === 'cluster') {
		return ['all', ['has', 'point_count'], ['==', ['get', 'cluster_id'], target.clusterId]];
	}
	return false;
}

/** A cluster as drawn: its cluster_id and how many places it holds. */
export interface DrawnCluster {
	clusterId: number;
	pointCount: number;
}

/** What the search for a target needs to know about the map. */
export interface ClusterView {
	/** The clusters drawn in the view now (each once). */
	drawnClusters(): DrawnCluster[];
	/** The ids of the places inside a cluster. */
	leavesOf(cluster: DrawnCluster): Promise<FeatureId[]>;
}

/**
 * The target for a result's id: the drawn cluster that holds its point, else its point. A point
 * outside the view, or a result without a place, gets a point target that simply draws nothing.
 * @param clustered whether the source clusters its points at all
 */
export async function findHighlightTarget(
	id: FeatureId | null | undefined,
	view: ClusterView,
	{ clustered }: { clustered: boolean }
): Promise<HighlightTarget> {
	if (id === null || id === undefined) return NO_HIGHLIGHT;
	if (clustered) {
		for (const cluster of view.drawnClusters()) {
			const leaves = await view.leavesOf(cluster);
			if (leaves.some((leaf) => sameId(leaf, id))) {
				return { kind: 'cluster', id, clusterId: cluster.clusterId };
			}
		}
	}
	return { kind: 'point', id };
}

/** Ids come back from MapLibre's worker as numbers or strings: "12" and 12 are the same place. */
function sameId(a: FeatureId, b: FeatureId): boolean {
	return String(a) === String(b);
}

/** Rendered cluster features to DrawnClusters, each once (a cluster near a tile edge comes twice). */
export function uniqueClusters(
	features: readonly { properties: Record<string, unknown> | null }[]
): DrawnCluster[] {
	const byId = new Map<number, DrawnCluster>();
	for (const { properties } of features) {
		const clusterId = Number(properties?.cluster_id);
		const pointCount = Number(properties?.point_count);
		if (Number.isFinite(clusterId) && !byId.has(clusterId)) {
			byId.set(clusterId, { clusterId, pointCount: Number.isFinite(pointCount) ? pointCount : 0 });
		}
	}
	return [...byId.values()];
}

/** A leaf's id: the feature's own id, or the `id` property the map's points carry (geojson.ts). */
export function leafId(feature: {
	id?: FeatureId;
	properties?: Record<string, unknown> | null;
}): FeatureId | null {
	if (feature.id !== undefined) return feature.id;
	const id = feature.properties?.id;
	return typeof id === 'number' || typeof id === 'string' ? id : null;
}

/**
 * A ClusterView over a MapLibre map. A cluster's leaves are fetched from the source's worker once and
 * kept: cluster ids are stable for the same data, so the cache only needs `clear()` when the data
 * changes.
 */
export function mapClusterView(map: MapLibreMap): ClusterView & { clear(): void } {
	const leaves = new Map<number, Promise<FeatureId[]>>();
	return {
		drawnClusters: () =>
			map.getLayer(LAYER_IDS.clusters)
				? uniqueClusters(map.queryRenderedFeatures({ layers: [LAYER_IDS.clusters] }))
				: [],
		leavesOf: (cluster) => {
			let found = leaves.get(cluster.clusterId);
			if (!found) {
				const source = map.getSource<GeoJSONSource>(SOURCE_IDS.points);
				found = source
					? source
							.getClusterLeaves(cluster.clusterId, Math.max(cluster.pointCount, 1), 0)
							.then((features) => features.map(leafId).filter((id) => id !== null))
							// A cluster id from before a data change: it holds nothing now.
							.catch(() => [])
					: Promise.resolve([]);
				leaves.set(cluster.clusterId, found);
			}
			return found;
		},
		clear: () => leaves.clear()
	};
}

/** Sets both highlight layers' filter to the target (no-op before the style has them). */
export function applyHighlight(map: MapLibreMap, target: HighlightTarget): void {
	const filter = highlightFilter(target);
	for (const layer of HIGHLIGHT_LAYERS) if (map.getLayer(layer)) map.setFilter(layer, filter);
}

/**
 * What the highlight layer has actually drawn, for the page (and its tests) to read back: the
 * target, or none when the filter matched nothing in view.
 */
export function drawnHighlight(
	target: HighlightTarget,
	rendered: readonly Pick<MapGeoJSONFeature, 'id'>[]
): HighlightTarget {
	return target.kind !== 'none' && rendered.length > 0 ? target : NO_HIGHLIGHT;
}
