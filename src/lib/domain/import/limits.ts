/**
 * Limits on what Patchwork will import, so a wrong or hostile file fails fast with a plain message
 * instead of exhausting the server's memory. Each is above the largest real file of its kind, sized
 * from Trafford's files (738 Output Areas) scaled to England and Wales (about 189,000):
 * - Output Area boundaries, generalised: 0.7 MB for Trafford, so about 180 MB for the whole country.
 *   Boundary files may be up to 300 MB; a full-resolution national file (over 1 GB) is refused, and
 *   the message says to use a generalised one.
 * - Population: an ONS mid-year file with a row per sex and a column per year of age is 0.5 MB for
 *   Trafford, about 135 MB for the country; a Nomis census file is smaller. CSV files: up to 200 MB.
 * - Patch files hold tens of neighbourhoods (Trafford's 21 wards are 55 KB): up to 50 MB.
 * - A generalised small area has tens to hundreds of vertices, a full-resolution one a few thousand:
 *   up to 100,000 per feature. A patch is checked for self-intersection, which costs the square of its
 *   vertex count, so a patch may have up to 20,000.
 */
import { formatNumber } from '../format';

export const MAX_BOUNDARY_FILE_BYTES = 300 * 1024 * 1024;
export const MAX_PATCH_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_CSV_FILE_BYTES = 200 * 1024 * 1024;
export const MAX_SMALL_AREA_VERTICES = 100_000;
export const MAX_PATCH_VERTICES = 20_000;

/** The kinds of file the importers read. */
export const IMPORT_KINDS = ['small-areas', 'population', 'patches'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
	'small-areas': 'Small-area boundaries',
	population: 'Population',
	patches: 'Patch boundaries'
};

/** The largest file of each kind, in bytes. */
export const MAX_FILE_BYTES: Record<ImportKind, number> = {
	'small-areas': MAX_BOUNDARY_FILE_BYTES,
	population: MAX_CSV_FILE_BYTES,
	patches: MAX_PATCH_FILE_BYTES
};

const FILE_WORDS: Record<ImportKind, string> = {
	'small-areas': 'boundary files',
	population: 'population files',
	patches: 'patch files'
};

/**
 * A size in bytes as people read it.
 * @example formatBytes(1536) // '1.5 KB'
 * @example formatBytes(200 * 1024 * 1024) // '200 MB'
 */
export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${formatNumber(bytes)} bytes`;
	const units = ['KB', 'MB', 'GB'];
	let value = bytes / 1024;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}
	return `${formatNumber(value, { fractionDigits: value < 10 ? 1 : 0 })} ${units[unit]}`;
}

/**
 * The problem with a file's size, or null when it is fine: an empty file, or one over the limit.
 * @example fileSizeProblem('big.geojson', 400 * 1024 * 1024, 'small-areas')
 * // 'big.geojson is 400 MB, larger than the 300 MB limit for boundary files. …'
 */
export function fileSizeProblem(source: string, bytes: number, kind: ImportKind): string | null {
	if (bytes === 0) return `${source} is empty.`;
	const limit = MAX_FILE_BYTES[kind];
	if (bytes > limit) {
		return (
			`${source} is ${formatBytes(bytes)}, larger than the ${formatBytes(limit)} limit for ` +
			`${FILE_WORDS[kind]}. No real file of this kind is so big: check it is the right file, or split it.`
		);
	}
	return null;
}

/**
 * Names a binary file from its first bytes (a zip, an Excel workbook, gzip), or null for text.
 * People often upload the zip ONS downloads come in, or the spreadsheet instead of its CSV.
 */
export function binaryFileProblem(source: string, firstBytes: Uint8Array): string | null {
	const [a, b, c, d] = firstBytes;
	if (a === 0x50 && b === 0x4b && (c === 0x03 || c === 0x05) && (d === 0x04 || d === 0x06)) {
		return `${source} is a zip file (or an Excel workbook, which is one): unzip it, or save the sheet as CSV, and choose the file inside.`;
	}
	if (a === 0x1f && b === 0x8b) return `${source} is compressed (gzip): uncompress it first.`;
	if (a === 0xd0 && b === 0xcf && c === 0x11 && d === 0xe0) {
		return `${source} is an old-style Excel workbook: save the sheet as CSV first.`;
	}
	const sample = firstBytes.subarray(0, 4096);
	if (sample.includes(0)) return `${source} is not a text file.`;
	return null;
}

/**
 * adapter-node's BODY_SIZE_LIMIT in bytes: a number with an optional K, M or G suffix, or Infinity.
 * Unset or unreadable gives its default, 512 KB.
 * @example parseBodySizeLimit('300M') // 314572800
 */
export function parseBodySizeLimit(value: string | undefined): number {
	const text = value?.trim() || '512K';
	const multiplier = { K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[text.slice(-1).toUpperCase()] ?? 1;
	const bytes = Number(multiplier === 1 ? text : text.slice(0, -1)) * multiplier;
	return Number.isNaN(bytes) ? 512 * 1024 : bytes;
}
