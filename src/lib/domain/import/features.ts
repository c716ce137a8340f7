/**
 * Reading the polygon features of a GeoJSON file: structure, geometry type, vertex cap, coordinate
 * system and ranges, all checked feature by feature, and every geometry returned in WGS84.
 * What the features mean (a small area's code, a patch's name) is for the caller.
 */
import type { AreaGeometry } from '../geometry';
import {
	bngToWgs84,
	crsNote,
	declaredCrs,
	fitsCrs,
	isBng,
	isLonLat,
	type Crs,
	type DeclaredCrs
} from './crs';
import { fail, ProblemList } from './errors';
import { formatNumber } from '../format';

/** A polygon feature as read, its geometry in WGS84. `index` counts from 1, as people do. */
export interface AreaFeature {
	index: number;
	properties: Record<string, unknown>;
	geometry: AreaGeometry;
}

export interface AreaFeatures {
	crs: Crs;
	declared: DeclaredCrs;
	/** e.g. "Coordinates look like British National Grid (no crs given): reprojected to WGS84." */
	crsNote: string;
	features: AreaFeature[];
	warnings: string[];
}

export interface ReadAreaFeaturesOptions {
	source: string;
	maxVertices: number;
	/** What to call a feature besides its number, e.g. its code or name (null when it has none). */
	label?: (properties: Record<string, unknown>) => string | null;
	onProgress?: (done: number, total: number) => void;
}

type Rings = number[][][];

/** The `features` of a FeatureCollection (or a lone Feature), or a problem naming the file. */
export function featuresOf(value: unknown, source: string): unknown[] {
	if (!value || typeof value !== 'object' || Array.isArray(value)) {
		fail(`${source} is not a GeoJSON FeatureCollection: it holds ${describe(value)}.`);
	}
	const object = value as Record<string, unknown>;
	if (object.type === 'Feature') return [object];
	if (object.type !== 'FeatureCollection') {
		const type = typeof object.type === 'string' ? `a "${object.type}"` : 'no "type"';
		fail(`${source} is not a GeoJSON FeatureCollection: it has ${type}.`);
	}
	if (!Array.isArray(object.features)) fail(`${source} has no "features" list.`);
	if (object.features.length === 0) fail(`${source} has no features.`);
	return object.features;
}

function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	return `a ${typeof value}`;
}

/** A coordinate as people read it in a message. */
function showPosition([x, y]: readonly number[]): string {
	const show = (n: number) =>
		Math.abs(n) >= 1000 ? formatNumber(n) : String(Math.round(n * 1e6) / 1e6);
	return `${show(x)}, ${show(y)}`;
}

/**
 * The rings of each polygon of a Polygon or MultiPolygon, or why there are none. Positions keep their
 * first two numbers (a height is dropped); open rings are closed.
 */
function polygonsOf(
	geometry: unknown,
	maxVertices: number
): { polygons: Rings[]; vertices: number; closed: number } | { problem: string } {
	if (geometry === null || geometry === undefined) return { problem: 'has no geometry' };
	if (typeof geometry !== 'object' || Array.isArray(geometry)) {
		return { problem: 'has a geometry that is not a GeoJSON object' };
	}
	const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
	if (type !== 'Polygon' && type !== 'MultiPolygon') {
		const what = typeof type === 'string' ? `a ${type}` : 'a geometry with no type';
		return { problem: `is ${what}, not a Polygon or MultiPolygon` };
	}
	const rawPolygons = type === 'Polygon' ? [coordinates] : coordinates;
	if (!Array.isArray(rawPolygons) || rawPolygons.length === 0) {
		return { problem: 'has no coordinates' };
	}
	let vertices = 0;
	let closed = 0;
	const polygons: Rings[] = [];
	for (const rawRings of rawPolygons) {
		if (!Array.isArray(rawRings) || rawRings.length === 0) {
			return { problem: 'has a polygon with no rings' };
		}
		const rings: Rings = [];
		for (const rawRing of rawRings) {
			if (!Array.isArray(rawRing)) return { problem: 'has a ring that is not a list of positions' };
			vertices += rawRing.length;
			if (vertices > maxVertices) {
				return {
					problem:
						`has more than ${formatNumber(maxVertices)} vertices, the most one feature may have. ` +
						'Use a generalised boundary file (ONS "BGC" files are generalised and clipped)'
				};
			}
			const ring: number[][] = [];
			for (const position of rawRing) {
				if (
					!Array.isArray(position) ||
					position.length < 2 ||
					typeof position[0] !== 'number' ||
					typeof position[1] !== 'number' ||
					!Number.isFinite(position[0]) ||
					!Number.isFinite(position[1])
				) {
					return {
						problem: `has a position that is not a pair of numbers: ${JSON.stringify(position)?.slice(0, 60)}`
					};
				}
				// Shared, not copied, unless it carries a height: national files have millions.
				ring.push(position.length === 2 ? (position as number[]) : [position[0], position[1]]);
			}
			const [first, last] = [ring[0], ring[ring.length - 1]];
			if (ring.length > 0 && (first[0] !== last[0] || first[1] !== last[1])) {
				ring.push([first[0], first[1]]);
				closed++;
			}
			if (ring.length < 4) {
				return { problem: 'has a ring with fewer than 3 corners, which encloses nothing' };
			}
			rings.push(ring);
		}
		polygons.push(rings);
	}
	return { polygons, vertices, closed };
}

/** Every position of a feature that does not fit `crs`, the first one only. */
function firstMisfit(polygons: Rings[], crs: Crs): number[] | null {
	for (const rings of polygons)
		for (const ring of rings)
			for (const position of ring) if (!fitsCrs(position, crs)) return position;
	return null;
}

function allFit(polygons: Rings[], test: (p: readonly number[]) => boolean): boolean {
	return polygons.every((rings) => rings.every((ring) => ring.every((p) => test(p))));
}

/** England, Wales, Scotland and Northern Ireland with a margin, for spotting swapped coordinates. */
function looksLikeSwappedLatLon(polygons: Rings[]): boolean {
	return allFit(polygons, ([x, y]) => x >= 49 && x <= 61.5 && y >= -11 && y <= 3);
}

function rangeProblem(
	position: number[],
	crs: Crs,
	declared: DeclaredCrs,
	inferredFrom: number | null
): string {
	const at = `(${showPosition(position)})`;
	if (crs === 'WGS84' && isBng(position)) {
		if (declared?.crs === 'WGS84') {
			return (
				`has coordinates like British National Grid metres ${at}, but the file's crs says WGS84 ` +
				`longitude and latitude (${declared.name}). Remove the crs member, or set it to EPSG:27700`
			);
		}
		return `has British National Grid coordinates ${at}, but feature ${inferredFrom} has longitude and latitude: a file must use one coordinate system`;
	}
	if (crs === 'BNG' && isLonLat(position)) {
		if (declared?.crs === 'BNG') {
			return (
				`has coordinates like longitude and latitude ${at}, but the file's crs says British ` +
				`National Grid (${declared.name}). Remove the crs member, or set it to EPSG:4326`
			);
		}
		return `has longitude and latitude ${at}, but feature ${inferredFrom} has British National Grid coordinates: a file must use one coordinate system`;
	}
	return `has coordinates outside any valid range ${at}: they are neither longitude and latitude nor British National Grid metres`;
}

/**
 * Reads and checks every feature's polygon geometry and coordinate system, reprojecting British
 * National Grid to WGS84. Throws an ImportError listing every feature with a problem.
 */
export function readAreaFeatures(value: unknown, options: ReadAreaFeaturesOptions): AreaFeatures {
	const { source, maxVertices, label, onProgress } = options;
	const rawFeatures = featuresOf(value, source);
	const declared = declaredCrs((value as { crs?: unknown }).crs);
	if (declared && declared.crs === null) {
		fail(
			`${source}: its crs is "${declared.name}", which Patchwork cannot read. Save the file in ` +
				'WGS84 (EPSG:4326) or British National Grid (EPSG:27700).'
		);
	}
	let crs: Crs | null = declared?.crs ?? null;
	let inferredFrom: number | null = null;
	const problems = new ProblemList();
	const features: AreaFeature[] = [];
	let closedRings = 0;

	rawFeatures.forEach((raw, i) => {
		const index = i + 1;
		onProgress?.(i, rawFeatures.length);
		if (!raw || typeof raw !== 'object' || (raw as { type?: unknown }).type !== 'Feature') {
			problems.add(`${source}: feature ${index} is not a GeoJSON Feature.`);
			return;
		}
		const feature = raw as { properties?: unknown; geometry?: unknown };
		const properties =
			feature.properties &&
			typeof feature.properties === 'object' &&
			!Array.isArray(feature.properties)
				? (feature.properties as Record<string, unknown>)
				: {};
		const name = label?.(properties);
		const where = `${source}: feature ${index}${name ? ` (${name})` : ''}`;
		const read = polygonsOf(feature.geometry, maxVertices);
		if ('problem' in read) {
			problems.add(`${where} ${read.problem}.`);
			return;
		}
		closedRings += read.closed;
		if (crs === null) {
			// No crs member: the first readable feature decides, and says so in the report.
			if (allFit(read.polygons, isLonLat)) crs = 'WGS84';
			else if (allFit(read.polygons, isBng)) crs = 'BNG';
			else {
				const position = firstMisfit(read.polygons, 'WGS84')!;
				problems.add(`${where} ${rangeProblem(position, 'WGS84', null, null)}.`);
				return;
			}
			inferredFrom = index;
		}
		const misfit = firstMisfit(read.polygons, crs);
		if (misfit) {
			problems.add(`${where} ${rangeProblem(misfit, crs, declared, inferredFrom)}.`);
			return;
		}
		if (crs === 'WGS84' && looksLikeSwappedLatLon(read.polygons)) {
			const position = read.polygons[0][0][0];
			problems.add(
				`${where} has coordinates that look like latitude then longitude (${showPosition(position)}): GeoJSON puts longitude first.`
			);
			return;
		}
		const polygons =
			crs === 'BNG'
				? read.polygons.map((rings) => rings.map((ring) => ring.map((p) => bngToWgs84(p))))
				: read.polygons;
		const geometry: AreaGeometry =
			polygons.length === 1 && (feature.geometry as { type: string }).type === 'Polygon'
				? { type: 'Polygon', coordinates: polygons[0] }
				: { type: 'MultiPolygon', coordinates: polygons };
		features.push({ index, properties, geometry });
	});
	onProgress?.(rawFeatures.length, rawFeatures.length);
	problems.throwIfAny();

	const resolved: Crs = crs ?? 'WGS84';
	const warnings: string[] = [];
	if (closedRings > 0) {
		warnings.push(
			`${formatNumber(closedRings)} ${closedRings === 1 ? 'ring was' : 'rings were'} not closed (the last position did not repeat the first), so Patchwork closed ${closedRings === 1 ? 'it' : 'them'}.`
		);
	}
	return { crs: resolved, declared, crsNote: crsNote(resolved, declared), features, warnings };
}
