/**
 * ONS population-weighted centroids: one point per Output Area or LSOA, published as a CSV (code and
 * British National Grid easting/northing in columns x and y, or longitude and latitude) or as GeoJSON
 * points. The code column or property is found the way the boundary and population imports find it;
 * the coordinate system from the column names, the file's crs member, or the coordinates' ranges.
 */
import { csvRecords } from '../csv';
import { bngToWgs84, CRS_LABELS, declaredCrs, isBng, isLonLat, type Crs } from './crs';
import { fail, ProblemList } from './errors';
import { featuresOf } from './features';
import { parseJsonText } from './json';
import { CODE_COLUMNS } from './population';
import { findProperty, propertyKey, textProperty } from './properties';
import { CODE_PROPERTIES, firstProperties } from './small-areas';

export interface CentroidPoint {
	code: string;
	/** WGS84 longitude and latitude. */
	lon: number;
	lat: number;
	/** Line of the CSV, or feature number of the GeoJSON, from 1. */
	line: number;
}

export interface CentroidFile {
	source: string;
	/** e.g. 'Codes from the "OA21CD" column.' */
	codeNote: string;
	/** e.g. 'Coordinates in columns x and y, British National Grid (EPSG:27700): reprojected to WGS84.' */
	crsNote: string;
	points: CentroidPoint[];
}

export interface CentroidOptions {
	source: string;
	/** The column or property holding the code; by default the first usual one the file has. */
	codeColumn?: string;
}

const CODES = [...new Set([...CODE_PROPERTIES, ...CODE_COLUMNS])];
const EASTING = ['x', 'easting', 'east', 'bng_e', 'bng_x'];
const NORTHING = ['y', 'northing', 'north', 'bng_n', 'bng_y'];
const LONGITUDE = ['long', 'lon', 'longitude', 'lng'];
const LATITUDE = ['lat', 'latitude'];

/**
 * Reads a centroid file, CSV or GeoJSON (told apart by its first character). Throws an ImportError
 * naming every bad row or feature, a code given twice, and points in neither coordinate system.
 */
export function parseCentroids(text: string, options: CentroidOptions): CentroidFile {
	const start = text.replace(/^\uFEFF/, '').trimStart();
	return start.startsWith('{') ? fromGeoJson(text, options) : fromCsv(text, options);
}

function columnOf(header: string[], candidates: readonly string[]): number {
	const keys = header.map(propertyKey);
	for (const candidate of candidates) {
		const i = keys.indexOf(propertyKey(candidate));
		if (i >= 0) return i;
	}
	return -1;
}

/** The system coordinates are in: BNG for easting/northing, WGS84 for lon/lat, else by range. */
function crsOf(position: [number, number]): Crs | null {
	if (isBng(position) && !isLonLat(position)) return 'BNG';
	if (isLonLat(position)) return 'WGS84';
	return null;
}

function toLonLat(position: [number, number], crs: Crs): [number, number] {
	return crs === 'BNG' ? bngToWgs84(position) : position;
}

function fromCsv(text: string, { source, codeColumn }: CentroidOptions): CentroidFile {
	const records = csvRecords(text);
	const first = records.next();
	if (first.done) fail(`${source} is empty.`);
	const header = first.value.fields.map((field) => field.trim());
	const code = columnOf(header, codeColumn ? [codeColumn] : CODES);
	if (code < 0) {
		fail(
			`${source} has no ${codeColumn ? `"${codeColumn}"` : `code column (${CODES.join(', ')})`}: its columns are ${header.join(', ')}.`
		);
	}
	let x = columnOf(header, EASTING);
	let y = columnOf(header, NORTHING);
	let named: Crs | null = x >= 0 && y >= 0 ? 'BNG' : null;
	if (!named) {
		x = columnOf(header, LONGITUDE);
		y = columnOf(header, LATITUDE);
		named = x >= 0 && y >= 0 ? 'WGS84' : null;
	}
	if (!named) {
		fail(
			`${source} has no coordinate columns: give x and y (easting and northing) or long and lat. Its columns are ${header.join(', ')}.`
		);
	}
	const problems = new ProblemList();
	const raw: { code: string; at: [number, number]; line: number }[] = [];
	for (const { line, fields } of records) {
		const where = `${source}: line ${line}`;
		const value = fields[code]?.trim();
		if (!value) {
			problems.add(`${where}, field "${header[code]}" is empty.`);
			continue;
		}
		const at = [Number(fields[x]?.trim() || NaN), Number(fields[y]?.trim() || NaN)] as [
			number,
			number
		];
		if (!at.every(Number.isFinite)) {
			problems.add(
				`${where} (${value}): "${fields[x] ?? ''}", "${fields[y] ?? ''}" in ${header[x]} and ${header[y]} are not both numbers.`
			);
			continue;
		}
		raw.push({ code: value, at, line });
	}
	problems.throwIfAny();
	const columns = `Coordinates in columns ${header[x]} and ${header[y]}`;
	return finish(source, `Codes from the "${header[code]}" column.`, columns, raw, 'line');
}

function fromGeoJson(text: string, { source, codeColumn }: CentroidOptions): CentroidFile {
	const value = parseJsonText(text, source);
	const features = featuresOf(value, source);
	const property = findProperty(firstProperties(features), codeColumn ? [codeColumn] : CODES);
	if (!property) {
		fail(
			`${source}: feature 1 has no ${codeColumn ? `"${codeColumn}"` : `code property (${CODES.join(', ')})`}.`
		);
	}
	const declared = declaredCrs((value as { crs?: unknown }).crs);
	if (declared && declared.crs === null) {
		fail(`${source}: its crs is "${declared.name}", which Patchwork cannot read.`);
	}
	const problems = new ProblemList();
	const raw: { code: string; at: [number, number]; line: number }[] = [];
	features.forEach((feature, i) => {
		const f = feature as { properties?: Record<string, unknown>; geometry?: unknown };
		const code = textProperty(f.properties ?? {}, property);
		const where = `${source}: feature ${i + 1}${code ? ` (${code})` : ''}`;
		if (!code) return problems.add(`${where} has no "${property}" property.`);
		const geometry = f.geometry as { type?: unknown; coordinates?: unknown } | null;
		const at = geometry?.coordinates as unknown[];
		if (
			geometry?.type !== 'Point' ||
			!Array.isArray(at) ||
			!at.slice(0, 2).every(Number.isFinite)
		) {
			return problems.add(
				`${where} is ${typeof geometry?.type === 'string' ? `a ${geometry.type}` : 'not a geometry'}, not a Point.`
			);
		}
		raw.push({ code, at: [at[0] as number, at[1] as number], line: i + 1 });
	});
	problems.throwIfAny();
	const note = declared?.crs
		? `The file says its coordinates are ${CRS_LABELS[declared.crs]} (${declared.name})`
		: 'Point coordinates';
	return finish(
		source,
		`Codes from the "${property}" property.`,
		note,
		raw,
		'feature',
		declared?.crs ?? null
	);
}

/** One coordinate system for the whole file, reprojected; codes given twice refused. */
function finish(
	source: string,
	codeNote: string,
	coordinates: string,
	raw: { code: string; at: [number, number]; line: number }[],
	unit: 'line' | 'feature',
	declared: Crs | null = null
): CentroidFile {
	if (raw.length === 0) fail(`${source} has no points.`);
	const crs = declared ?? crsOf(raw[0].at);
	const problems = new ProblemList();
	if (!crs) {
		fail(
			`${source}: ${unit} ${raw[0].line} (${raw[0].code}) has coordinates ${raw[0].at.join(', ')}, which are neither longitude and latitude nor British National Grid metres.`
		);
	}
	const seen = new Map<string, number>();
	const points: CentroidPoint[] = [];
	for (const { code, at, line } of raw) {
		const before = seen.get(code);
		if (before !== undefined) {
			problems.add(`${source}: code ${code} is on ${unit} ${before} and again on ${unit} ${line}.`);
			continue;
		}
		seen.set(code, line);
		if (crs === 'BNG' ? !isBng(at) : !isLonLat(at)) {
			problems.add(
				`${source}: ${unit} ${line} (${code}) has coordinates ${at.join(', ')}, which are not ${CRS_LABELS[crs]} like the rest of the file.`
			);
			continue;
		}
		const [lon, lat] = toLonLat(at, crs);
		points.push({ code, lon, lat, line });
	}
	problems.throwIfAny();
	const crsNote =
		crs === 'BNG'
			? `${coordinates}, ${CRS_LABELS.BNG}: reprojected to WGS84.`
			: `${coordinates}, ${CRS_LABELS.WGS84}.`;
	return { source, codeNote, crsNote, points };
}
