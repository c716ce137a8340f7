/**
 * Reusable typed arrays for short-lived work. A programme check builds indexes for thousands of
 * patches; allocating fresh typed arrays for each (their memory lives outside the JavaScript heap)
 * made the garbage collector run for most of the check. Each slot grows and is reused; a caller
 * must finish with a slot before asking for it again, and must not keep it.
 */
const int32 = new Map<string, Int32Array>();
const float64 = new Map<string, Float64Array>();

/** An Int32Array of at least `size` elements for slot `name` (contents undefined unless `zero`). */
export function scratchInt32(name: string, size: number, zero = false): Int32Array {
	let buffer = int32.get(name);
	if (!buffer || buffer.length < size) {
		buffer = new Int32Array(Math.max(size, (buffer?.length ?? 256) * 2));
		int32.set(name, buffer);
	} else if (zero) {
		buffer.fill(0, 0, size);
	}
	return buffer;
}

/** A Float64Array of at least `size` elements for slot `name` (contents undefined). */
export function scratchFloat64(name: string, size: number): Float64Array {
	let buffer = float64.get(name);
	if (!buffer || buffer.length < size) {
		buffer = new Float64Array(Math.max(size, (buffer?.length ?? 256) * 2));
		float64.set(name, buffer);
	}
	return buffer;
}
