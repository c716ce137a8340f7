/**
 * The scenario page's edit forms, parsed at the edge: each form's fields to one edit, or a message
 * naming the field and the reason. Pure: the route reads the form and the database.
 */
import { z } from 'zod';
import { validatePatchGeometry } from '$lib/domain/sizing';
import type { AreaGeometry } from '$lib/domain/geometry';
import {
	MAX_BOUNDARY_BYTES,
	MAX_BOUNDARY_VERTICES,
	parseBoundaryText
} from '../../patches/boundary-form';

const text = (value: FormDataEntryValue | null) => (typeof value === 'string' ? value : '');

const slug = (what: string) =>
	z
		.string()
		.trim()
		.min(1, `Choose ${what}`)
		.max(100, `Choose ${what}`)
		.regex(/^[a-z0-9-]+$/, `Choose ${what}`);

const name = z
	.string()
	.trim()
	.min(1, 'Give the new patch a name')
	.max(100, 'The name must be 100 characters or fewer');

export const moveSchema = z.object({
	code: z
		.string()
		.trim()
		.min(1, 'Choose a small area to move')
		.max(20, 'Choose a small area to move')
		.regex(/^[A-Za-z0-9-]+$/, 'Choose a small area to move'),
	to: slug('the patch to move it to')
});

export const mergeSchema = z.object({
	keep: slug('the patch to keep'),
	absorb: slug('the patch to merge into it')
});

const lonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const lineSchema = z.object({
	type: z.literal('LineString'),
	coordinates: z
		.array(
			z
				.array(z.number())
				.min(2)
				.transform((p) => p.slice(0, 2))
				.pipe(lonLat)
		)
		.min(2)
		.max(1000)
});

export type FormErrors = Record<string, string>;
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FormErrors };

const firstErrors = (error: z.ZodError): FormErrors => {
	const errors: FormErrors = {};
	for (const issue of error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
	return errors;
};

/** Parses a form against a schema of its string fields (a missing field reads as empty). */
export function readForm<T extends z.ZodObject>(form: FormData, schema: T): Parsed<z.infer<T>> {
	const fields = Object.fromEntries(
		Object.keys(schema.shape).map((key) => [key, text(form.get(key))])
	);
	const result = schema.safeParse(fields);
	return result.success
		? { ok: true, value: result.data }
		: { ok: false, errors: firstErrors(result.error) };
}

/** The split form: the patch, the new patch's name and the line as GeoJSON. */
export function readSplitForm(
	form: FormData
): Parsed<{ slug: string; newName: string; line: GeoJSON.LineString }> {
	const errors: FormErrors = {};
	const chosen = slug('the patch to split').safeParse(text(form.get('slug')));
	if (!chosen.success) errors.slug = chosen.error.issues[0].message;
	const newName = name.safeParse(text(form.get('newName')));
	if (!newName.success) errors.newName = newName.error.issues[0].message;
	let line: GeoJSON.LineString | null = null;
	const raw = text(form.get('line'));
	try {
		const value = JSON.parse(raw) as { type?: string; geometry?: unknown };
		const parsed = lineSchema.safeParse(value?.type === 'Feature' ? value.geometry : value);
		if (parsed.success) line = parsed.data as GeoJSON.LineString;
		else {
			errors.line =
				'The line must be a GeoJSON LineString of at least 2 points, each a longitude (-180 to 180) and latitude (-90 to 90)';
		}
	} catch {
		errors.line = raw.trim()
			? 'The line is not valid GeoJSON (JSON could not read it)'
			: 'Give the line to split along, as GeoJSON';
	}
	if (!chosen.success || !newName.success || !line) return { ok: false, errors };
	return { ok: true, value: { slug: chosen.data, newName: newName.data, line } };
}

/** The draw form: a name and a boundary as GeoJSON (refused if it crosses itself). */
export function readDrawForm(form: FormData): Parsed<{ name: string; geometry: AreaGeometry }> {
	const errors: FormErrors = {};
	const chosen = name.safeParse(text(form.get('name')));
	if (!chosen.success) errors.name = chosen.error.issues[0].message;
	let geometry: AreaGeometry | null = null;
	const raw = text(form.get('geojson')).slice(0, MAX_BOUNDARY_BYTES + 1);
	if (raw.length > MAX_BOUNDARY_BYTES) errors.geojson = 'The boundary is too long for this form';
	else {
		const parsed = parseBoundaryText(raw);
		if (!parsed.ok) errors.geojson = parsed.message;
		else {
			const blocking = validatePatchGeometry(parsed.geometry, {
				maxVertices: MAX_BOUNDARY_VERTICES
			}).filter((p) => p.kind === 'self_intersection' || p.kind === 'too_many_vertices');
			if (blocking.length) errors.geojson = blocking[0].message;
			else geometry = parsed.geometry;
		}
	}
	if (!chosen.success || !geometry) return { ok: false, errors };
	return { ok: true, value: { name: chosen.data, geometry } };
}
