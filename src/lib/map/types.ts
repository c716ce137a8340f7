/** The GeoJSON shapes the map components draw, shared by the builders, the style and the components. */
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { AssetKind } from '$lib/domain/vocabulary';

/**
 * Population bands of a patch, smallest first (see DESIGN.md). The map colours an area by its band
 * when it has one; the limits themselves are per programme, so the map only knows the names.
 */
export const AREA_BANDS = ['under', 'small', 'usual', 'above_usual', 'over'] as const;
export type AreaBand = (typeof AREA_BANDS)[number];

export interface AreaProperties {
	id: number | string;
	name: string;
	/** Where selecting the area leads (the patch page). */
	href?: string;
	/** Population band, for the patch-sizing map. */
	band?: AreaBand | null;
	/** A locked patch, in the patch editor's outlines. */
	locked?: boolean;
}

export interface PointProperties {
	id: number | string;
	name: string;
	kind: AssetKind;
	/** The asset's page. */
	href: string;
}

export type AreaCollection = FeatureCollection<Polygon | MultiPolygon, AreaProperties>;
export type PointCollection = FeatureCollection<Point, PointProperties>;
