import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { ASSET_KINDS } from '$lib/domain/vocabulary';
import { blend, contrastRatio } from './contrast';
import {
	AREA_FILL_COLOUR,
	AREA_FILL_OPACITY,
	AREA_OUTLINE_COLOUR,
	BACKGROUND_COLOUR,
	buildOfflineStyle,
	buildOverlay,
	CLUSTER_RADII,
	CLUSTER_STROKE_COLOUR,
	HIGHLIGHT_BAND,
	HIGHLIGHT_COLOUR,
	HIGHLIGHT_EDGE_COLOUR,
	HIGHLIGHT_GROWTH,
	KIND_COLOURS,
	LAYER_IDS,
	mergeOverlay,
	POINT_RADIUS,
	POINT_STROKE_COLOUR,
	SOURCE_IDS
} from './style';
import { northfield, places } from './test-fixtures';

const ids = (layers: LayerSpecification[]) => layers.map((l) => l.id);

describe('buildOfflineStyle', () => {
	const style = buildOfflineStyle(buildOverlay(northfield, places, { cluster: true }));

	it('is a valid MapLibre style', () => {
		expect(validateStyleMin(style)).toEqual([]);
		expect(validateStyleMin(buildOfflineStyle())).toEqual([]);
	});

	it('reaches nothing on the network: no URL, glyphs or sprite anywhere', () => {
		const text = JSON.stringify(style);
		expect(text).not.toMatch(/https?:/i);
		expect(text).not.toMatch(/mapbox:|pmtiles:|\/\//);
		expect(style.glyphs).toBeUndefined();
		expect(style.sprite).toBeUndefined();
		for (const source of Object.values(style.sources)) expect(source.type).toBe('geojson');
	});

	it('writes only the cluster counts, as text with no icons', () => {
		const symbols = style.layers.filter((l) => l.type === 'symbol');
		expect(ids(symbols)).toEqual([LAYER_IDS.clusterCount]);
		expect(symbols[0]).toMatchObject({
			filter: ['has', 'point_count'],
			layout: { 'text-field': ['get', 'point_count_abbreviated'] }
		});
		expect(JSON.stringify(symbols)).not.toContain('icon-image');
	});

	it('draws the background, then areas, then clusters and points on top', () => {
		expect(ids(style.layers)).toEqual([
			LAYER_IDS.background,
			LAYER_IDS.areaFill,
			LAYER_IDS.areaOutline,
			LAYER_IDS.clusters,
			LAYER_IDS.points,
			LAYER_IDS.clusterCount
		]);
	});

	it('holds the data it was given', () => {
		const areas = style.sources[SOURCE_IDS.areas];
		const points = style.sources[SOURCE_IDS.points];
		expect(areas).toMatchObject({ type: 'geojson', data: northfield });
		expect(points).toMatchObject({ type: 'geojson', data: places, cluster: true });
	});
});

describe('highlight layers', () => {
	it('are added on request, on top of the points, matching nothing at first', () => {
		const overlay = buildOverlay(northfield, places, { cluster: true, highlight: true });
		// The cluster counts stay on top, so a highlighted ring still shows its number.
		expect(ids(overlay.layers).slice(-4)).toEqual([
			LAYER_IDS.points,
			LAYER_IDS.highlightHalo,
			LAYER_IDS.highlight,
			LAYER_IDS.clusterCount
		]);
		for (const layer of overlay.layers.slice(-3, -1)) {
			expect(layer).toMatchObject({ type: 'circle', source: SOURCE_IDS.points, filter: false });
		}
		expect(validateStyleMin(buildOfflineStyle(overlay))).toEqual([]);
		expect(ids(buildOverlay(northfield, places).layers)).not.toContain(LAYER_IDS.highlight);
	});

	it('draw the highlight bigger than the point or cluster it covers', () => {
		const overlay = buildOverlay(northfield, places, { cluster: true, highlight: true });
		const radius = (id: string) => {
			const layer = overlay.layers.find((l) => l.id === id);
			return JSON.stringify(layer?.type === 'circle' ? layer.paint?.['circle-radius'] : null);
		};
		expect(radius(LAYER_IDS.points)).toBe(String(POINT_RADIUS));
		// ['case', ['has', 'point_count'], [step …cluster radius + 3…], point + 3]
		expect(radius(LAYER_IDS.highlight)).toContain(`${POINT_RADIUS + HIGHLIGHT_GROWTH}]`);
		expect(radius(LAYER_IDS.highlight)).toContain(`${CLUSTER_RADII.small + HIGHLIGHT_GROWTH},`);
		// The yellow band lies beyond the highlighted circle and its 2 px (point) or 4 px (cluster) edge.
		expect(radius(LAYER_IDS.highlightHalo)).toContain(
			`${POINT_RADIUS + HIGHLIGHT_GROWTH + 2 + HIGHLIGHT_BAND}]`
		);
		expect(radius(LAYER_IDS.highlightHalo)).toContain(
			`${CLUSTER_RADII.small + HIGHLIGHT_GROWTH + 4 + HIGHLIGHT_BAND},`
		);
	});

	it('edge the yellow band in a colour that stands out from the background', () => {
		expect(contrastRatio(HIGHLIGHT_EDGE_COLOUR, BACKGROUND_COLOUR)).toBeGreaterThanOrEqual(3);
		expect(contrastRatio(HIGHLIGHT_EDGE_COLOUR, HIGHLIGHT_COLOUR)).toBeGreaterThanOrEqual(3);
	});
});

describe('overlay without clustering', () => {
	const overlay = buildOverlay(northfield, places);

	it('has no cluster layer and draws every point', () => {
		expect(ids(overlay.layers)).not.toContain(LAYER_IDS.clusters);
		const points = overlay.layers.find((l) => l.id === LAYER_IDS.points);
		expect(points).toBeDefined();
		expect(points && 'filter' in points ? points.filter : undefined).toBeUndefined();
		expect(overlay.sources[SOURCE_IDS.points]).not.toHaveProperty('cluster');
	});

	it('colours points by kind with every kind in the vocabulary', () => {
		const points = overlay.layers.find((l) => l.id === LAYER_IDS.points);
		const colour = points?.type === 'circle' ? points.paint?.['circle-color'] : undefined;
		const text = JSON.stringify(colour);
		for (const kind of ASSET_KINDS) expect(text).toContain(`"${kind}","${KIND_COLOURS[kind]}"`);
	});
});

describe('mergeOverlay (a configured basemap)', () => {
	const basemap: StyleSpecification = {
		version: 8,
		glyphs: 'https://tiles.example.org/fonts/{fontstack}/{range}.pbf',
		sources: { streets: { type: 'vector', url: 'https://tiles.example.org/streets.json' } },
		layers: [
			{ id: 'land', type: 'background', paint: { 'background-color': '#eeeeee' } },
			{
				id: 'roads',
				type: 'line',
				source: 'streets',
				'source-layer': 'roads',
				paint: { 'line-color': '#ffffff' }
			}
		]
	};
	const overlay = buildOverlay(northfield, places);

	it('keeps the basemap below and puts areas and points on top', () => {
		const merged = mergeOverlay(basemap, overlay);
		expect(ids(merged.layers)).toEqual([
			'land',
			'roads',
			LAYER_IDS.areaFill,
			LAYER_IDS.areaOutline,
			LAYER_IDS.points
		]);
		expect(Object.keys(merged.sources)).toEqual(['streets', SOURCE_IDS.areas, SOURCE_IDS.points]);
		expect(merged.glyphs).toBe(basemap.glyphs);
		expect(validateStyleMin(merged)).toEqual([]);
	});

	it('does not change the basemap it was given', () => {
		mergeOverlay(basemap, overlay);
		expect(ids(basemap.layers)).toEqual(['land', 'roads']);
		expect(Object.keys(basemap.sources)).toEqual(['streets']);
	});

	it('can be applied twice without doubling layers', () => {
		const twice = mergeOverlay(mergeOverlay(basemap, overlay), overlay);
		expect(ids(twice.layers)).toEqual(ids(mergeOverlay(basemap, overlay).layers));
	});
});

describe('colours (WCAG 1.4.11: 3:1 for graphics)', () => {
	const areaInside = blend(AREA_FILL_COLOUR, BACKGROUND_COLOUR, AREA_FILL_OPACITY);

	it.each(ASSET_KINDS)(
		'%s points stand out from the background, an area and their white ring',
		(kind) => {
			const colour = KIND_COLOURS[kind];
			expect(contrastRatio(colour, BACKGROUND_COLOUR)).toBeGreaterThanOrEqual(3);
			expect(contrastRatio(colour, areaInside)).toBeGreaterThanOrEqual(3);
			expect(contrastRatio(colour, POINT_STROKE_COLOUR)).toBeGreaterThanOrEqual(3);
		}
	);

	it('area outlines and cluster rings stand out from the background', () => {
		expect(contrastRatio(AREA_OUTLINE_COLOUR, BACKGROUND_COLOUR)).toBeGreaterThanOrEqual(3);
		expect(contrastRatio(AREA_OUTLINE_COLOUR, areaInside)).toBeGreaterThanOrEqual(3);
		expect(contrastRatio(CLUSTER_STROKE_COLOUR, BACKGROUND_COLOUR)).toBeGreaterThanOrEqual(3);
	});

	it('gives every kind its own colour', () => {
		expect(new Set(Object.values(KIND_COLOURS)).size).toBe(ASSET_KINDS.length);
	});
});
