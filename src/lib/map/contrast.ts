/** WCAG 2.2 contrast, to check the map's colours (non-text elements need 3:1, 1.4.11). */

function channel(value: number): number {
	const c = value / 255;
	return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function parseHex(hex: string): [number, number, number] {
	const m = /^#([0-9a-f]{6})$/i.exec(hex);
	if (!m) throw new Error(`Expected a colour like #1d70b8, got "${hex}"`);
	const n = parseInt(m[1], 16);
	return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
	const [r, g, b] = parseHex(hex).map(channel);
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Contrast ratio between two #rrggbb colours, from 1 to 21.
 * @example contrastRatio('#000000', '#ffffff') // 21
 */
export function contrastRatio(a: string, b: string): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
}

/** The colour seen when `top` is drawn at `opacity` over `bottom` (both #rrggbb). */
export function blend(top: string, bottom: string, opacity: number): string {
	const t = parseHex(top);
	const b = parseHex(bottom);
	return (
		'#' +
		t
			.map((v, i) => Math.round(v * opacity + b[i] * (1 - opacity)))
			.map((v) => v.toString(16).padStart(2, '0'))
			.join('')
	);
}
