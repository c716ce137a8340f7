/** UK postcodes: checking the shape and writing them one way, as the ONS Postcode Directory's pcds does. */

// Outward code (area, district, optional letter) and inward code (sector digit and unit letters).
const POSTCODE_SHAPE = /^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$/;

/**
 * Upper case with exactly one space before the inward code, or null if it is not shaped like a UK
 * postcode.
 * @example normalisePostcode(' fv12  3ab ') // 'FV12 3AB'
 */
export function normalisePostcode(input: string): string | null {
	const compact = input.toUpperCase().replace(/\s+/g, '');
	const match = POSTCODE_SHAPE.exec(compact);
	return match ? `${match[1]} ${match[2]}` : null;
}
