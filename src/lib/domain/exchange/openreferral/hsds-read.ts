/**
 * Reading loosely typed HSDS JSON: feeds put numbers in strings, nulls where objects belong, and
 * older (v1 UK) field names beside v3 ones. These helpers never throw; they return what is usable.
 */

export type Json = Record<string, unknown>;

export function obj(value: unknown): Json | null {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as Json)
		: null;
}

export function list(value: unknown): Json[] {
	return Array.isArray(value) ? value.map(obj).filter((item): item is Json => item !== null) : [];
}

/** A trimmed non-empty string (numbers are written out), or null. */
export function str(value: unknown): string | null {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value !== 'string') return null;
	const trimmed = value.trim();
	return trimmed ? trimmed : null;
}

/** A finite number (numeric strings allowed), or null. */
export function num(value: unknown): number | null {
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
		return Number(value);
	}
	return null;
}

/** The first non-null result of `read` over the values. */
export function first<T>(values: unknown[], read: (value: unknown) => T | null): T | null {
	for (const value of values) {
		const result = read(value);
		if (result !== null) return result;
	}
	return null;
}
