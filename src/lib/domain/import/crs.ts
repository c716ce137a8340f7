/**
 * Which coordinate system a GeoJSON file uses, and turning British National Grid into WGS84.
 *
 * RFC 7946 GeoJSON is always WGS84 longitude/latitude, but ONS and council GIS exports are often in
 * British National Grid (EPSG:27700) metres, with an old-style `crs` member or none at all. Patchwork
 * reads the `crs` member when there is one, otherwise tells the two apart by their coordinate ranges,
 * and always says which it did.
 */
import proj4 from 'proj4';

export type Crs = 'WGS84' | 'BNG';

export const CRS_LABELS: Record<Crs, string> = {
	WGS84: 'WGS84 longitude and latitude',
	BNG: 'British National Grid (EPSG:27700)'
};

/**
 * OSGB36 / British National Grid with the standard seven-parameter Helmert shift to WGS84, as
 * published for EPSG:27700. It is accurate to about 5 metres (OSTN15, the exact grid, is not needed to
 * size patches of square kilometres).
 */
export const BNG_PROJ4 =
	'+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy ' +
	'+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';

let converter: proj4.Converter | undefined;
function bng(): proj4.Converter {
	converter ??= proj4(BNG_PROJ4, 'WGS84');
	return converter;
}

/** Reprojected coordinates keep 7 decimal places (about 1 cm), far finer than the transformation. */
const SCALE = 1e7;

/**
 * British National Grid easting and northing (metres) to WGS84 [longitude, latitude].
 * @example bngToWgs84([383000, 398000]) // [-2.2576154, 53.4784467]
 */
export function bngToWgs84([easting, northing]: readonly number[]): [number, number] {
	const [lon, lat] = bng().forward([easting, northing]);
	return [Math.round(lon * SCALE) / SCALE, Math.round(lat * SCALE) / SCALE];
}

/** WGS84 [longitude, latitude] to British National Grid [easting, northing] (metres). */
export function wgs84ToBng([lon, lat]: readonly number[]): [number, number] {
	const [x, y] = bng().inverse([lon, lat]);
	return [x, y];
}

/** Longitude and latitude are within the world. */
export function isLonLat([x, y]: readonly number[]): boolean {
	return x >= -180 && x <= 180 && y >= -90 && y <= 90;
}

/**
 * Within the British National Grid's extent (0-700 km east, 0-1,300 km north) and more than 1 km
 * from its false origin, which lies in the sea south-west of Scilly: a point that close to it is
 * almost certainly something else (longitude and latitude, or a mistake).
 */
export function isBng([x, y]: readonly number[]): boolean {
	return x >= 0 && x <= 700_000 && y >= 0 && y <= 1_300_000 && (x > 1000 || y > 1000);
}

/** Whether a position is valid in a coordinate system. */
export function fitsCrs(position: readonly number[], crs: Crs): boolean {
	return crs === 'WGS84' ? isLonLat(position) : isBng(position);
}

/** The coordinate system a file's `crs` member names: a known one, an unknown one, or none. */
export type DeclaredCrs = { crs: Crs; name: string } | { crs: null; name: string } | null;

const WGS84_NAMES = [
	/^urn:ogc:def:crs:ogc:(1\.3)?:crs84$/,
	/^(ogc:)?crs84$/,
	/^urn:ogc:def:crs:epsg:(\d+(\.\d+)*)?:4326$/,
	/^epsg:4326$/,
	/^https?:\/\/www\.opengis\.net\/def\/crs\/(ogc\/1\.3\/crs84|epsg\/0\/4326)$/
];
const BNG_NAMES = [
	/^urn:ogc:def:crs:epsg:(\d+(\.\d+)*)?:(27700|7405)$/,
	/^epsg:(27700|7405)$/,
	/^https?:\/\/www\.opengis\.net\/def\/crs\/epsg\/0\/(27700|7405)$/
];

/**
 * Reads a GeoJSON 2008 `crs` member: `{ "type": "name", "properties": { "name": "EPSG:27700" } }`,
 * or the older `{ "type": "EPSG", "properties": { "code": 27700 } }`.
 * @example declaredCrs({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::27700' } })
 * // { crs: 'BNG', name: 'urn:ogc:def:crs:EPSG::27700' }
 */
export function declaredCrs(member: unknown): DeclaredCrs {
	if (member === undefined || member === null) return null;
	const properties =
		typeof member === 'object' && 'properties' in member
			? (member as { properties: unknown }).properties
			: null;
	let name: string | null = null;
	if (properties && typeof properties === 'object') {
		const p = properties as Record<string, unknown>;
		if (typeof p.name === 'string') name = p.name.trim();
		else if (typeof p.code === 'number' || typeof p.code === 'string') name = `EPSG:${p.code}`;
	}
	if (name === null) return { crs: null, name: JSON.stringify(member).slice(0, 80) };
	const key = name.toLowerCase();
	if (WGS84_NAMES.some((pattern) => pattern.test(key))) return { crs: 'WGS84', name };
	if (BNG_NAMES.some((pattern) => pattern.test(key))) return { crs: 'BNG', name };
	return { crs: null, name };
}

/** The sentence the import report shows about coordinates. */
export function crsNote(crs: Crs, declared: DeclaredCrs): string {
	if (declared && declared.crs) {
		return crs === 'BNG'
			? `The file says its coordinates are British National Grid (${declared.name}): reprojected to WGS84.`
			: `The file says its coordinates are WGS84 longitude and latitude (${declared.name}).`;
	}
	return crs === 'BNG'
		? 'Coordinates look like British National Grid (no crs given): reprojected to WGS84.'
		: 'Coordinates look like WGS84 longitude and latitude (no crs given).';
}
