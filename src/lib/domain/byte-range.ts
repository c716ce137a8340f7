/**
 * Reading an HTTP Range header (RFC 9110 §14) for one file of a known size: what PMTiles readers send
 * to fetch a header, a directory or a tile. Only single byte ranges are served; a header this does not
 * understand (another unit, several ranges) is ignored, as the RFC allows, and the whole file is sent.
 */

export type RangeAnswer =
	| { kind: 'whole' }
	/** Inclusive byte offsets, both within the file. */
	| { kind: 'part'; start: number; end: number }
	/** A range that starts past the end of the file (or an empty file): 416. */
	| { kind: 'unsatisfiable' };

const SINGLE_RANGE = /^bytes=(\d*)-(\d*)$/;

/** What to send for a Range header (null when there is none) on a file of `size` bytes. */
export function readRange(header: string | null, size: number): RangeAnswer {
	if (header === null) return { kind: 'whole' };
	const match = SINGLE_RANGE.exec(header.trim());
	if (!match) return { kind: 'whole' };
	const [, first, last] = match;
	if (first === '' && last === '') return { kind: 'whole' };
	if (first === '') {
		// "bytes=-500": the last 500 bytes.
		const length = Number(last);
		if (length === 0 || size === 0) return { kind: 'unsatisfiable' };
		return { kind: 'part', start: Math.max(0, size - length), end: size - 1 };
	}
	const start = Number(first);
	const end = last === '' ? size - 1 : Number(last);
	if (end < start) return { kind: 'whole' };
	if (start >= size) return { kind: 'unsatisfiable' };
	return { kind: 'part', start, end: Math.min(end, size - 1) };
}
