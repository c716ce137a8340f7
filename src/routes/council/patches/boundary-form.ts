/**
 * The boundary form of the patch editor, parsed at the edge: where the boundary came from (the map,
 * a pasted GeoJSON text or an uploaded file), the GeoJSON itself, and a new patch's name and slug.
 * Pure: the route reads the form and the database, this decides what the input means.
 */
import { z } from 'zod';
import type { AreaGeometry } from '$lib/domain/geometry';
import { formatNumber } from '$lib/domain/format';
import { validatePatchGeometry } from '$lib/domain/sizing';
import type { GeometryProblem, GeometryProblemKind } from '$lib/domain/sizing/types';
import { describeProblem } from '$lib/components/sizing/estimate-text';

/** A drawn patch is a few hundred corners at most; real ward boundaries run to a few thousand. */
export const MAX_BOUNDARY_VERTICES = 5000;
/**
 * A boundary of 5,000 corners is about 150 KB of GeoJSON. 400 KB leaves room for formatting and
 * stays under the server's 512 KB request limit (adapter-node BODY_SIZE_LIMIT) with the form around it.
 */
export const MAX_BOUNDARY_BYTES = 400_000;

export type BoundaryResult = { ok: true; geometry: AreaGeometry } | { ok: false; message: string };

const position = z
	.array(z.number({ error: 'Every coordinate must be a number' }))
	.min(2, 'Every point needs a longitude and a latitude');
const ring = z.array(position);
const polygon = z.array(ring).min(1, 'A polygon needs at least one ring of points');

const geometrySchema = z.discriminatedUnion('type', [
	z.object({ type: z.literal('Polygon'), coordinates: polygon }),
	z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(polygon).min(1) })
]);

/** Finds the one geometry in a Polygon, MultiPolygon, Feature or single-feature FeatureCollection. */
function geometryIn(value: unknown): unknown {
	if (typeof value !== 'object' || value === null) return value;
	const object = value as { type?: unknown; geometry?: unknown; features?: unknown };
	if (object.type === 'Feature') return object.geometry;
	if (object.type === 'FeatureCollection' && Array.isArray(object.features)) {
		if (object.features.length !== 1) return { type: 'FeatureCollection' };
		return geometryIn(object.features[0]);
	}
	return value;
}

const looksProjected = (coordinates: number[][]) =>
	coordinates.some(([x, y]) => Math.abs(x) > 1000 || Math.abs(y) > 1000);

/** Closes an open ring and drops a third coordinate (height), checking each point's range. */
function cleanRing(points: number[][], where: string): GeoJSON.Position[] | string {
	const ringPoints: GeoJSON.Position[] = [];
	for (const [lon, lat] of points) {
		if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
			return looksProjected(points)
				? `${where} has coordinates in metres (British National Grid?): give longitude and latitude in degrees (WGS84)`
				: `${where} has a point outside longitude -180 to 180 or latitude -90 to 90 (${lon}, ${lat})`;
		}
		ringPoints.push([lon, lat]);
	}
	const [first] = ringPoints;
	const last = ringPoints[ringPoints.length - 1];
	if (first && (first[0] !== last[0] || first[1] !== last[1])) ringPoints.push([...first]);
	if (ringPoints.length < 4) return `${where} needs at least 3 corners`;
	return ringPoints;
}

function cleanPolygon(rings: number[][][], where: string): GeoJSON.Position[][] | string {
	const cleaned: GeoJSON.Position[][] = [];
	for (const [index, points] of rings.entries()) {
		const ringName = index === 0 ? `The outer edge of ${where}` : `Hole ${index} of ${where}`;
		const result = cleanRing(points, ringName);
		if (typeof result === 'string') return result;
		cleaned.push(result);
	}
	return cleaned;
}

/**
 * A boundary from GeoJSON text: a Polygon or MultiPolygon in longitude and latitude, bare or in a
 * Feature or a FeatureCollection of one feature. Open rings are closed; heights are dropped.
 * Self-intersection is checked later, by the engine.
 */
export function parseBoundaryText(text: string): BoundaryResult {
	if (text.trim() === '') return { ok: false, message: 'Draw a boundary or paste one as GeoJSON' };
	if (text.length > MAX_BOUNDARY_BYTES) {
		return {
			ok: false,
			message: `The GeoJSON must be ${formatNumber(MAX_BOUNDARY_BYTES / 1000)} KB or smaller`
		};
	}
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return { ok: false, message: 'The boundary is not valid GeoJSON: check it is complete JSON' };
	}
	const parsed = geometrySchema.safeParse(geometryIn(json));
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const isShape = issue.path.length === 0 || issue.path[0] === 'type';
		return {
			ok: false,
			message: isShape
				? 'The GeoJSON must be one Polygon or MultiPolygon (or a Feature holding one)'
				: `The boundary's coordinates are not right: ${issue.message}`
		};
	}
	const geometry = parsed.data;
	if (geometry.type === 'Polygon') {
		const coordinates = cleanPolygon(geometry.coordinates, 'the boundary');
		return typeof coordinates === 'string'
			? { ok: false, message: coordinates }
			: { ok: true, geometry: { type: 'Polygon', coordinates } };
	}
	const parts: GeoJSON.Position[][][] = [];
	for (const [index, part] of geometry.coordinates.entries()) {
		const coordinates = cleanPolygon(part, `part ${index + 1}`);
		if (typeof coordinates === 'string') return { ok: false, message: coordinates };
		parts.push(coordinates);
	}
	return { ok: true, geometry: { type: 'MultiPolygon', coordinates: parts } };
}

/** Where the boundary in a posted form comes from: an uploaded file, then pasted text, then the map. */
export interface BoundarySources {
	fileText: string | null;
	pasted: string;
	fromMap: string;
}

/** The text to parse, and a word for where it came from (for the audit log). */
export function chooseBoundaryText(sources: BoundarySources): {
	text: string;
	source: 'file' | 'geojson' | 'map';
} {
	if (sources.fileText !== null && sources.fileText.trim() !== '')
		return { text: sources.fileText, source: 'file' };
	if (sources.pasted.trim() !== '') return { text: sources.pasted, source: 'geojson' };
	return { text: sources.fromMap, source: 'map' };
}

export const patchNameSchema = z
	.string()
	.trim()
	.min(1, 'Enter a name for the patch')
	.max(100, 'The name must be 100 characters or fewer');

/**
 * A page address from a patch name: lower case letters and digits joined by hyphens, accents
 * dropped ("Ffordd Ŵyr" -> "ffordd-wyr"). Never empty.
 * @example slugFromName('Bryn Eithin & Hollins Park') // 'bryn-eithin-hollins-park'
 */
export function slugFromName(name: string): string {
	const slug = name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 80)
		.replace(/-+$/, '');
	return slug || 'patch';
}

/** Problems that stop a save: the engine cannot size a boundary that crosses itself. */
const BLOCKING: ReadonlySet<GeometryProblemKind> = new Set([
	'self_intersection',
	'too_many_vertices'
]);

export interface BoundaryFormValues {
	name: string;
	geojson: string;
	boundary: string;
}

export type BoundaryFormResult =
	| {
			ok: true;
			geometry: AreaGeometry;
			source: 'file' | 'geojson' | 'map';
			name: string;
			/** Problems worth a look that do not stop the save (slivers, parts that do not touch). */
			warnings: GeometryProblem[];
	  }
	| {
			ok: false;
			errors: { name?: string; boundary?: string[] };
			values: BoundaryFormValues;
			/** Where the problems are, [lon, lat], for the map to mark. */
			at: [number, number][];
			/** A boundary that was read but refused (it crosses itself), to show on the map again. */
			rejected: AreaGeometry | null;
	  };

const text = (value: FormDataEntryValue | null) => (typeof value === 'string' ? value : '');

/** The form's text fields as they were sent, trimmed to the sizes the form takes. */
export function boundaryValues(form: FormData): BoundaryFormValues {
	return {
		name: text(form.get('name')).slice(0, 200),
		geojson: text(form.get('geojson')).slice(0, MAX_BOUNDARY_BYTES + 1),
		boundary: text(form.get('boundary')).slice(0, MAX_BOUNDARY_BYTES + 1)
	};
}

/** A boundary refused because it overlaps a locked patch: the message, and the shape to show again. */
export function refusedForLock(
	message: string,
	geometry: AreaGeometry,
	values: BoundaryFormValues
): Extract<BoundaryFormResult, { ok: false }> {
	return { ok: false, errors: { boundary: [message] }, values, at: [], rejected: geometry };
}

/**
 * The editor's posted form: the boundary (file, pasted GeoJSON or the map's) parsed and checked,
 * and a new patch's name when `withName`. Values come back on failure so the form can show them again.
 */
export async function readBoundaryForm(
	form: FormData,
	{ withName }: { withName: boolean }
): Promise<BoundaryFormResult> {
	const values = boundaryValues(form);
	const errors: { name?: string; boundary?: string[] } = {};
	const name = patchNameSchema.safeParse(values.name);
	if (withName && !name.success) errors.name = name.error.issues[0].message;

	const file = form.get('file');
	let fileText: string | null = null;
	if (file instanceof File && file.size > 0) {
		if (file.size > MAX_BOUNDARY_BYTES) {
			errors.boundary = [
				`The file must be ${formatNumber(MAX_BOUNDARY_BYTES / 1000)} KB or smaller`
			];
		} else fileText = await file.text();
	}
	let at: [number, number][] = [];
	let chosen: ReturnType<typeof chooseBoundaryText> | null = null;
	let geometry: AreaGeometry | null = null;
	let warnings: GeometryProblem[] = [];
	let rejected: AreaGeometry | null = null;
	if (!errors.boundary) {
		chosen = chooseBoundaryText({ fileText, pasted: values.geojson, fromMap: values.boundary });
		const parsed = parseBoundaryText(chosen.text);
		if (!parsed.ok) errors.boundary = [parsed.message];
		else {
			const problems = validatePatchGeometry(parsed.geometry, {
				maxVertices: MAX_BOUNDARY_VERTICES
			});
			const blocking = problems.filter((p) => BLOCKING.has(p.kind));
			if (blocking.length) {
				errors.boundary = blocking.map(describeProblem);
				at = blocking.flatMap((p) => p.at);
				rejected = parsed.geometry;
			} else {
				geometry = parsed.geometry;
				warnings = problems;
			}
		}
	}
	if (errors.name || errors.boundary || !geometry || !chosen) {
		return { ok: false, errors, values, at, rejected };
	}
	return {
		ok: true,
		geometry,
		source: chosen.source,
		name: name.success ? name.data : '',
		warnings
	};
}
