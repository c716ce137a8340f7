import { describe, expect, it, vi } from 'vitest';
import { featureFilter, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { Map as MapLibreMap } from 'maplibre-gl';
import {
	applyHighlight,
	drawnHighlight,
	findHighlightTarget,
	HIGHLIGHT_LAYERS,
	highlightFilter,
	leafId,
	mapClusterView,
	NO_HIGHLIGHT,
	uniqueClusters,
	type ClusterView,
	type DrawnCluster,
	type FeatureId,
	type HighlightTarget
} from './highlight';
import { buildOfflineStyle, buildOverlay, LAYER_IDS, SOURCE_IDS } from './style';
import { northfield, places } from './test-fixtures';

/** Whether a filter keeps a feature, evaluated by MapLibre's own filter code. */
function keeps(target: HighlightTarget, feature: { id: number; properties: object }): boolean {
	const filter = featureFilter(highlightFilter(target), 'layers[0].filter');
	return filter.filter({ zoom: 12 }, {
		type: 1,
		id: feature.id,
		properties: feature.properties,
		geometry: []
	} as never);
}

const point12 = { id: 12, properties: { id: 12, kind: 'group' } };
// On a clustered source a cluster's id is its cluster_id, which may equal an asset's id.
const cluster12 = { id: 12, properties: { cluster: true, cluster_id: 12, point_count: 3 } };
const cluster40 = { id: 40, properties: { cluster: true, cluster_id: 40, point_count: 2 } };

describe('highlightFilter', () => {
	it('keeps only the point itself, never a cluster with the same id', () => {
		const target: HighlightTarget = { kind: 'point', id: 12 };
		expect(keeps(target, point12)).toBe(true);
		expect(keeps(target, { id: 13, properties: { id: 13 } })).toBe(false);
		expect(keeps(target, cluster12)).toBe(false);
	});

	it('keeps only the cluster holding the point', () => {
		const target: HighlightTarget = { kind: 'cluster', id: 7, clusterId: 40 };
		expect(keeps(target, cluster40)).toBe(true);
		expect(keeps(target, cluster12)).toBe(false);
		expect(keeps(target, { id: 40, properties: { id: 40 } })).toBe(false);
	});

	it('keeps nothing when nothing is highlighted', () => {
		expect(keeps(NO_HIGHLIGHT, point12)).toBe(false);
		expect(keeps(NO_HIGHLIGHT, cluster12)).toBe(false);
	});

	it('makes a valid style whatever the target', () => {
		const style = buildOfflineStyle(
			buildOverlay(northfield, places, { cluster: true, highlight: true })
		);
		for (const target of [
			NO_HIGHLIGHT,
			{ kind: 'point', id: 12 },
			{ kind: 'cluster', id: 12, clusterId: 40 }
		] as HighlightTarget[]) {
			const layers = style.layers.map((layer) =>
				(HIGHLIGHT_LAYERS as readonly string[]).includes(layer.id)
					? { ...layer, filter: highlightFilter(target) }
					: layer
			);
			expect(validateStyleMin({ ...style, layers })).toEqual([]);
		}
	});
});

/** A view with fixed clusters, counting how often it is asked for leaves. */
function fakeView(clusters: Record<number, FeatureId[]>): ClusterView & { asked: number[] } {
	const asked: number[] = [];
	return {
		asked,
		drawnClusters: () =>
			Object.entries(clusters).map(([id, leaves]) => ({
				clusterId: Number(id),
				pointCount: leaves.length
			})),
		leavesOf: async (cluster: DrawnCluster) => {
			asked.push(cluster.clusterId);
			return clusters[cluster.clusterId];
		}
	};
}

describe('findHighlightTarget', () => {
	it('is none for no id', async () => {
		expect(await findHighlightTarget(null, fakeView({}), { clustered: true })).toEqual(
			NO_HIGHLIGHT
		);
		expect(await findHighlightTarget(undefined, fakeView({}), { clustered: false })).toEqual(
			NO_HIGHLIGHT
		);
	});

	it('is the cluster that holds the point, matching ids as numbers or strings', async () => {
		const view = fakeView({ 40: [1, 2], 41: ['7', 8] });
		expect(await findHighlightTarget(7, view, { clustered: true })).toEqual({
			kind: 'cluster',
			id: 7,
			clusterId: 41
		});
	});

	it('is the point itself when no drawn cluster holds it', async () => {
		expect(await findHighlightTarget(9, fakeView({ 40: [1, 2] }), { clustered: true })).toEqual({
			kind: 'point',
			id: 9
		});
	});

	it('does not look for clusters on a map without clustering', async () => {
		const view = fakeView({ 40: [9] });
		expect(await findHighlightTarget(9, view, { clustered: false })).toEqual({
			kind: 'point',
			id: 9
		});
		expect(view.asked).toEqual([]);
	});
});

describe('uniqueClusters and leafId', () => {
	it('lists each drawn cluster once and skips features that are not clusters', () => {
		expect(
			uniqueClusters([
				cluster40,
				{ properties: { cluster_id: 40, point_count: 2 } },
				cluster12,
				{ properties: { id: 3 } },
				{ properties: null }
			])
		).toEqual([
			{ clusterId: 40, pointCount: 2 },
			{ clusterId: 12, pointCount: 3 }
		]);
	});

	it('reads a leaf id from the feature or its properties', () => {
		expect(leafId({ id: 5, properties: { id: 6 } })).toBe(5);
		expect(leafId({ properties: { id: '6' } })).toBe('6');
		expect(leafId({ properties: {} })).toBeNull();
	});
});

/** Just enough of a MapLibre map for the view and applyHighlight. */
function fakeMap(leaves: Record<number, { id?: number; properties: object }[]>) {
	const getClusterLeaves = vi.fn(async (clusterId: number) => {
		if (!(clusterId in leaves)) throw new Error('No cluster with the specified id');
		return leaves[clusterId];
	});
	const setFilter = vi.fn();
	const map = {
		getLayer: (id: string) => (id === 'missing' ? undefined : { id }),
		getSource: (id: string) => (id === SOURCE_IDS.points ? { getClusterLeaves } : undefined),
		queryRenderedFeatures: () => [cluster40, cluster40, cluster12],
		setFilter
	};
	return { map: map as unknown as MapLibreMap, getClusterLeaves, setFilter };
}

describe('mapClusterView', () => {
	it('asks the source for each cluster’s leaves once, until cleared', async () => {
		const { map, getClusterLeaves } = fakeMap({
			40: [{ id: 1, properties: {} }, { properties: { id: 2 } }],
			12: [{ id: 3, properties: {} }]
		});
		const view = mapClusterView(map);
		expect(view.drawnClusters().map((c) => c.clusterId)).toEqual([40, 12]);
		expect(await findHighlightTarget(2, view, { clustered: true })).toMatchObject({
			kind: 'cluster',
			clusterId: 40
		});
		expect(await findHighlightTarget(3, view, { clustered: true })).toMatchObject({
			clusterId: 12
		});
		expect(getClusterLeaves).toHaveBeenCalledTimes(2);
		expect(getClusterLeaves).toHaveBeenCalledWith(40, 2, 0);
		view.clear();
		await view.leavesOf({ clusterId: 40, pointCount: 2 });
		expect(getClusterLeaves).toHaveBeenCalledTimes(3);
	});

	it('treats a cluster the source no longer has as empty', async () => {
		const { map } = fakeMap({});
		expect(await mapClusterView(map).leavesOf({ clusterId: 99, pointCount: 2 })).toEqual([]);
	});
});

describe('applyHighlight and drawnHighlight', () => {
	it('sets the same filter on both highlight layers', () => {
		const { map, setFilter } = fakeMap({});
		applyHighlight(map, { kind: 'point', id: 12 });
		expect(setFilter.mock.calls.map(([layer]) => layer)).toEqual([
			LAYER_IDS.highlightHalo,
			LAYER_IDS.highlight
		]);
		expect(setFilter.mock.calls[0][1]).toEqual(highlightFilter({ kind: 'point', id: 12 }));
	});

	it('reports a target only when the layer drew something', () => {
		const target: HighlightTarget = { kind: 'point', id: 12 };
		expect(drawnHighlight(target, [{ id: 12 }])).toEqual(target);
		expect(drawnHighlight(target, [])).toEqual(NO_HIGHLIGHT);
		expect(drawnHighlight(NO_HIGHLIGHT, [{ id: 12 }])).toEqual(NO_HIGHLIGHT);
	});
});
