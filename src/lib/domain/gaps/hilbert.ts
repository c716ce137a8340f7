/**
 * Points in the order of a Hilbert curve over their bounding box, so that points next to each other
 * in the order are (almost always) next to each other on the map. Used to visit small areas so that
 * each nearest-entry search can start from the previous answer.
 */

/** Position on a Hilbert curve of side 2^16 of the cell (x, y), each 0-65535. */
export function hilbertKey(x: number, y: number): number {
	let d = 0;
	for (let s = 1 << 15; s > 0; s >>= 1) {
		const rx = (x & s) > 0 ? 1 : 0;
		const ry = (y & s) > 0 ? 1 : 0;
		d += s * s * ((3 * rx) ^ ry);
		if (ry === 0) {
			if (rx === 1) {
				x = s - 1 - x;
				y = s - 1 - y;
			}
			[x, y] = [y, x];
		}
	}
	return d;
}

/**
 * Positions 0…n-1 of `points` ([lon, lat]) sorted along the curve.
 * @example hilbertOrder([[0, 0], [1, 1], [0, 1]]) // Uint32Array [0, 2, 1]
 */
export function hilbertOrder(points: readonly (readonly [number, number])[]): Uint32Array {
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	for (const [x, y] of points) {
		if (x < minX) minX = x;
		if (y < minY) minY = y;
		if (x > maxX) maxX = x;
		if (y > maxY) maxY = y;
	}
	const w = maxX - minX || 1;
	const h = maxY - minY || 1;
	const keys = new Float64Array(points.length);
	points.forEach(([x, y], i) => {
		keys[i] = hilbertKey(
			Math.floor((65535 * (x - minX)) / w),
			Math.floor((65535 * (y - minY)) / h)
		);
	});
	const order = new Uint32Array(points.length);
	for (let i = 0; i < order.length; i++) order[i] = i;
	return order.sort((a, b) => keys[a] - keys[b] || a - b);
}
