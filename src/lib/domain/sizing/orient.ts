/**
 * The orientation of three points on the integer plane, with an exact sign however far apart they
 * are. Plane coordinates are integers up to about 9e9 (plane.ts), so their differences are exact
 * doubles but their products may not be: past 2^53 the products are taken again as BigInts.
 */

const EXACT = 2 ** 53;

/**
 * (b − a) × (c − a): positive when c is left of the line a→b, negative when right, 0 on it. The
 * sign is exact; the value is exact when both products are under 2^53, and otherwise close.
 */
export function orient(
	ax: number,
	ay: number,
	bx: number,
	by: number,
	cx: number,
	cy: number
): number {
	const p = (bx - ax) * (cy - ay);
	const q = (by - ay) * (cx - ax);
	// Products under 2^53 are exact integers, so their difference has the exact sign.
	if (p < EXACT && p > -EXACT && q < EXACT && q > -EXACT) return p - q;
	const exact = BigInt(bx - ax) * BigInt(cy - ay) - BigInt(by - ay) * BigInt(cx - ax);
	return exact === BigInt(0) ? 0 : Number(exact);
}
