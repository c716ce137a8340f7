/**
 * The exact union of polygons that share vertices, by edge cancellation: an edge walked one way by one
 * polygon and the other way by its neighbour is interior, so it cancels; the edges left over are the
 * boundary, and chaining them gives its rings. No floating-point clipping is involved, so the union of
 * small areas has exactly their vertices and its area equals the sum of theirs.
 */

/** The boundary of a union of polygons given as rings of vertex ids. */
export interface UnionBoundary {
	/** Unclosed rings of vertex ids; anticlockwise input gives an anticlockwise outer ring, clockwise holes. */
	rings: number[][];
	/** True when the boundary passes through one vertex twice (two parts touching at a point). */
	pinched: boolean;
}

/**
 * Unions polygons given as unclosed rings of vertex ids, all wound the same way.
 * @param polygons rings whose shared edges use the same vertex ids in both neighbours
 * @returns the remaining boundary chained into rings
 * @example unionBoundary([[0, 1, 2, 3], [1, 4, 5, 2]]).rings // [[0, 1, 4, 5, 2, 3]]
 */
export function unionBoundary(polygons: readonly (readonly number[])[]): UnionBoundary {
	const open = new Map<string, [number, number]>();
	for (const ring of polygons) {
		for (let i = 0; i < ring.length; i++) {
			const a = ring[i];
			const b = ring[(i + 1) % ring.length];
			if (a === b) continue;
			const reverse = `${b},${a}`;
			if (open.has(reverse)) open.delete(reverse);
			else open.set(`${a},${b}`, [a, b]);
		}
	}
	const next = new Map<number, number[]>();
	for (const [a, b] of open.values()) {
		const list = next.get(a);
		if (list) list.push(b);
		else next.set(a, [b]);
	}
	let pinched = false;
	for (const list of next.values()) {
		if (list.length > 1) pinched = true;
		list.sort((x, y) => x - y);
	}
	const starts = [...next.keys()].sort((x, y) => x - y);
	const rings: number[][] = [];
	for (const start of starts) {
		while ((next.get(start)?.length ?? 0) > 0) {
			const ring: number[] = [];
			let at = start;
			do {
				ring.push(at);
				const list = next.get(at);
				if (!list || list.length === 0) throw new Error(`boundary is not closed at vertex ${at}`);
				at = list.shift() as number;
			} while (at !== start);
			rings.push(ring);
		}
	}
	return { rings, pinched };
}

/** True when the union is one piece with no holes and no pinch: a single simple ring. */
export function isSimpleUnion(polygons: readonly (readonly number[])[]): boolean {
	if (polygons.length === 0) return false;
	const { rings, pinched } = unionBoundary(polygons);
	return rings.length === 1 && !pinched;
}

/**
 * Unions GeoJSON-style polygon rings (closed or not) whose shared vertices have identical coordinates.
 * @returns closed rings of positions
 */
export function unionRings(rings: readonly (readonly (readonly number[])[])[]): number[][][] {
	const ids = new Map<string, number>();
	const positions: number[][] = [];
	const asIds = rings.map((ring) => {
		const open =
			ring.length > 1 &&
			ring[0][0] === ring[ring.length - 1][0] &&
			ring[0][1] === ring[ring.length - 1][1]
				? ring.slice(0, -1)
				: ring;
		return open.map((p) => {
			const key = `${p[0]},${p[1]}`;
			let id = ids.get(key);
			if (id === undefined) {
				id = positions.length;
				ids.set(key, id);
				positions.push([p[0], p[1]]);
			}
			return id;
		});
	});
	return unionBoundary(asIds).rings.map((ring) => [...ring, ring[0]].map((id) => positions[id]));
}
