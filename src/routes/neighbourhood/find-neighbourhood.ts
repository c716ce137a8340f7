/**
 * What "find my neighbourhood" was asked, from its query string: a postcode, a point (the browser's
 * location or a map click), or nothing yet. Never throws.
 */
import { z } from 'zod';
import { isOnGlobe } from '$lib/domain/directory';
import { normalisePostcode } from '$lib/domain/postcode';

export type NeighbourhoodQuery =
	| { kind: 'none' }
	| { kind: 'postcode'; postcode: string }
	| { kind: 'not-postcode'; text: string }
	| { kind: 'point'; point: [number, number] }
	| { kind: 'off-globe' };

const DECIMAL = /^[+-]?\d{1,3}(\.\d{1,12})?$/;
const text = z.string().trim().max(10_000).catch('');

const querySchema = z.object({ postcode: text, lat: text, lon: text });

/**
 * @example readNeighbourhoodQuery(new URLSearchParams('postcode=fv10lw')) // { kind: 'postcode', postcode: 'FV1 0LW' }
 */
export function readNeighbourhoodQuery(params: URLSearchParams): NeighbourhoodQuery {
	const { postcode, lat, lon } = querySchema.parse({
		postcode: params.get('postcode') ?? '',
		lat: params.get('lat') ?? '',
		lon: params.get('lon') ?? ''
	});
	if (postcode) {
		const normal = normalisePostcode(postcode.slice(0, 20));
		return normal
			? { kind: 'postcode', postcode: normal }
			: { kind: 'not-postcode', text: postcode.slice(0, 40) };
	}
	if (!lat && !lon) return { kind: 'none' };
	const point: [number, number] = [Number(lon), Number(lat)];
	if (!DECIMAL.test(lat) || !DECIMAL.test(lon) || !isOnGlobe(point)) return { kind: 'off-globe' };
	return { kind: 'point', point };
}
