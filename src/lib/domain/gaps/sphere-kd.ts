/**
 * Exact nearest points on the sphere with no trigonometry per comparison. Every point becomes a unit
 * vector; the straight chord between two unit vectors grows with the great-circle distance between
 * them, so the nearest by chord is the nearest by great circle. The vectors are turned so that the
 * middle of the data looks down the third axis: the first two are then almost a map of the area, and
 * a flat k-d tree (kdbush's layout: points sorted in place, no node objects) splits on them. A split
 * only ever rules out points farther along one axis than the best chord so far, which holds for any
 * turn, so the answer is exact wherever the points are; the turn only makes it quick.
 */

const RAD = Math.PI / 180;

/** Three orthonormal axes (9 numbers: first, second, third), the third through the data's middle. */
export type SphereFrame = Float64Array;

/**
 * The frame for points given as [lon0, lat0, lon1, lat1, …] (the third axis points at their mean
 * direction).
 * @example sphereFrame([0, 90]) // third axis [0, 0, 1]
 */
export function sphereFrame(lonLat: ArrayLike<number>): SphereFrame {
	let mx = 0;
	let my = 0;
	let mz = 0;
	for (let i = 0; i < lonLat.length; i += 2) {
		const c = Math.cos(lonLat[i + 1] * RAD);
		mx += c * Math.cos(lonLat[i] * RAD);
		my += c * Math.sin(lonLat[i] * RAD);
		mz += Math.sin(lonLat[i + 1] * RAD);
	}
	let length = Math.hypot(mx, my, mz);
	if (!(length > 1e-9)) [mx, my, mz, length] = [0, 0, 1, 1];
	[mx, my, mz] = [mx / length, my / length, mz / length];
	// First axis: east at the middle (or x at a pole); second: third × first (north).
	let ex = -my;
	let ey = mx;
	let ez = 0;
	const e = Math.hypot(ex, ey);
	if (e < 1e-9) [ex, ey, ez] = [1, 0, 0];
	else [ex, ey] = [ex / e, ey / e];
	const nx = my * ez - mz * ey;
	const ny = mz * ex - mx * ez;
	const nz = mx * ey - my * ex;
	return Float64Array.of(ex, ey, ez, nx, ny, nz, mx, my, mz);
}

/**
 * Writes the point [lon, lat] as a unit vector in the frame to `out[at * 3…]`.
 * @example toFrame(sphereFrame([0, 0]), 0, 0, out, 0) // out [0, 0, 1]
 */
export function toFrame(
	frame: SphereFrame,
	lon: number,
	lat: number,
	out: Float64Array,
	at: number
): void {
	const c = Math.cos(lat * RAD);
	const x = c * Math.cos(lon * RAD);
	const y = c * Math.sin(lon * RAD);
	const z = Math.sin(lat * RAD);
	out[at * 3] = frame[0] * x + frame[1] * y + frame[2] * z;
	out[at * 3 + 1] = frame[3] * x + frame[4] * y + frame[5] * z;
	out[at * 3 + 2] = frame[6] * x + frame[7] * y + frame[8] * z;
}

export interface SphereKd {
	readonly size: number;
	/** The position, in the list the index was built from, of the point at each place in the tree. */
	readonly ids: Uint32Array;
	/**
	 * The place in the tree of the point nearest the unit vector at `vectors[at * 3…]` (from toFrame,
	 * same frame); ties go to the point given first. `hint` is a place believed near (e.g. the answer
	 * for a neighbouring query) or -1: any gives the same answer, a near one quickly. -1 when empty.
	 */
	nearest(vectors: Float64Array, at: number, hint: number): number;
	/**
	 * nearest() for every unit vector in `vectors`, into `out` (place in the tree, -1 when empty).
	 * Quickest when neighbouring vectors are near each other (e.g. along a Hilbert curve): a search
	 * also learns how much nearer the answer is than any other point, and a query close enough to the
	 * last one searched then has the same answer, certainly, with no search.
	 */
	nearestAll(vectors: Float64Array, out: Int32Array): void;
}

const NODE_SIZE = 8;
/** Chords are at most 2; rounding in them is far below this. */
const SURE = 1e-12;

/**
 * Builds the index from unit vectors (from toFrame), which it sorts in place into the tree's order.
 * @example sphereKd(vectors).nearest(queries, 0, -1)
 */
export function sphereKd(vectors: Float64Array): SphereKd {
	const size = vectors.length / 3;
	const ids = new Uint32Array(size);
	for (let i = 0; i < size; i++) ids[i] = i;
	const c = vectors;
	sortKd(ids, c, 0, size - 1, 0);

	// Ranges still to search: left, right and axis, and the squared distance from the query to the
	// range's box along each split axis (their sum: no point in the range is nearer).
	const ranges = new Int32Array(3 * 64);
	const offsets = new Float64Array(2 * 64);
	// After a search: the squared chord to the answer, and a lower bound on it for every other point.
	let best = Infinity;
	let other = Infinity;
	const nearest = (q: Float64Array, at: number, hint: number): number => {
		if (size === 0) return -1;
		const qx = q[at * 3];
		const qy = q[at * 3 + 1];
		const qz = q[at * 3 + 2];
		let bestAt = -1;
		let b = Infinity;
		let o = Infinity;
		if (hint >= 0) {
			const dx = c[hint * 3] - qx;
			const dy = c[hint * 3 + 1] - qy;
			const dz = c[hint * 3 + 2] - qz;
			b = dx * dx + dy * dy + dz * dz;
			bestAt = hint;
		}
		ranges[0] = 0;
		ranges[1] = size - 1;
		ranges[2] = 0;
		offsets[0] = 0;
		offsets[1] = 0;
		let top = 1;
		while (top > 0) {
			top--;
			const off0 = offsets[top * 2];
			const off1 = offsets[top * 2 + 1];
			if (off0 + off1 > b) {
				if (off0 + off1 < o) o = off0 + off1;
				continue;
			}
			let left = ranges[top * 3];
			let right = ranges[top * 3 + 1];
			let axis = ranges[top * 3 + 2];
			// Walk down the near side, leaving the far sides to come back to.
			while (right - left > NODE_SIZE) {
				const m = (left + right) >> 1;
				const d = c[m * 3 + axis] - (axis === 0 ? qx : qy);
				const far0 = axis === 0 ? d * d : off0;
				const far1 = axis === 0 ? off1 : d * d;
				if (far0 + far1 <= b) {
					// The point on the split, then the far side later.
					const dx = c[m * 3] - qx;
					const dy = c[m * 3 + 1] - qy;
					const dz = c[m * 3 + 2] - qz;
					const dm = dx * dx + dy * dy + dz * dz;
					if (dm < b || (dm === b && ids[m] < ids[bestAt])) {
						if (b < o) o = b;
						b = dm;
						bestAt = m;
					} else if (dm < o && m !== bestAt) o = dm;
					ranges[top * 3] = d > 0 ? m + 1 : left;
					ranges[top * 3 + 1] = d > 0 ? right : m - 1;
					ranges[top * 3 + 2] = 1 - axis;
					offsets[top * 2] = far0;
					offsets[top * 2 + 1] = far1;
					top++;
				} else if (far0 + far1 < o) o = far0 + far1;
				if (d > 0) right = m - 1;
				else left = m + 1;
				axis = 1 - axis;
			}
			for (let k = left; k <= right; k++) {
				const dx = c[k * 3] - qx;
				const dy = c[k * 3 + 1] - qy;
				const dz = c[k * 3 + 2] - qz;
				const d = dx * dx + dy * dy + dz * dz;
				if (d < b || (d === b && ids[k] < ids[bestAt])) {
					if (b < o) o = b;
					b = d;
					bestAt = k;
				} else if (d < o && k !== bestAt) o = d;
			}
		}
		best = b;
		other = o;
		return bestAt;
	};
	const nearestAll = (q: Float64Array, out: Int32Array) => {
		let k = -1;
		let ax = 0;
		let ay = 0;
		let az = 0;
		let r = 0;
		let s = -Infinity;
		for (let i = 0; i < out.length; i++) {
			if (k >= 0) {
				const dx = q[i * 3] - ax;
				const dy = q[i * 3 + 1] - ay;
				const dz = q[i * 3 + 2] - az;
				// Within δ of the last query searched: the answer is at most r + δ away, every other
				// point at least s - δ; so while r + 2δ < s the answer stands.
				if (r + 2 * Math.sqrt(dx * dx + dy * dy + dz * dz) + SURE < s) {
					out[i] = k;
					continue;
				}
			}
			k = nearest(q, i, k);
			out[i] = k;
			[ax, ay, az] = [q[i * 3], q[i * 3 + 1], q[i * 3 + 2]];
			r = Math.sqrt(best);
			s = Math.sqrt(other);
		}
	};
	return { size, ids, nearest, nearestAll };
}

/** Sorts the points into a k-d tree in place: the median of each range on its axis in the middle. */
function sortKd(ids: Uint32Array, c: Float64Array, left: number, right: number, axis: number) {
	if (right - left <= NODE_SIZE) return;
	const m = (left + right) >> 1;
	select(ids, c, m, left, right, axis);
	sortKd(ids, c, left, m - 1, 1 - axis);
	sortKd(ids, c, m + 1, right, 1 - axis);
}

/** Quickselect (Hoare's partition, as kdbush): the k-th smallest on `axis` at k, smaller left of it. */
function select(
	ids: Uint32Array,
	c: Float64Array,
	k: number,
	left: number,
	right: number,
	axis: number
) {
	while (right > left) {
		const t = c[k * 3 + axis];
		let i = left;
		let j = right;
		swap(ids, c, left, k);
		if (c[right * 3 + axis] > t) swap(ids, c, left, right);
		while (i < j) {
			swap(ids, c, i, j);
			i++;
			j--;
			while (c[i * 3 + axis] < t) i++;
			while (c[j * 3 + axis] > t) j--;
		}
		if (c[left * 3 + axis] === t) swap(ids, c, left, j);
		else {
			j++;
			swap(ids, c, j, right);
		}
		if (j <= k) left = j + 1;
		if (k <= j) right = j - 1;
	}
}

function swap(ids: Uint32Array, c: Float64Array, i: number, j: number) {
	const id = ids[i];
	ids[i] = ids[j];
	ids[j] = id;
	for (let axis = 0; axis < 3; axis++) {
		const v = c[i * 3 + axis];
		c[i * 3 + axis] = c[j * 3 + axis];
		c[j * 3 + axis] = v;
	}
}
