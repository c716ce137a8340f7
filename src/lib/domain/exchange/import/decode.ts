/**
 * Asset file bytes to text. UTF-8 (with or without a byte order mark) is read as it is. A file that
 * is not valid UTF-8 is read as Windows-1252, the encoding Excel on Windows saves "CSV" in. A file
 * that mixes the two (rows pasted from different places) is read line by line: each line that is
 * valid UTF-8 stays UTF-8 and the others are read as Windows-1252, and the report names them.
 */
import { ImportError } from '../../import/errors';
import { binaryFileProblem } from '../../import/limits';
import { formatNumber } from '../../format';
import { assetFileSizeProblem } from './limits';

export type TextEncodingName = 'utf-8' | 'windows-1252' | 'mixed';

export interface DecodedText {
	text: string;
	encoding: TextEncodingName;
	/** The sentence the report shows about the encoding. */
	note: string;
	/** Lines (from 1) read as Windows-1252 in a mixed file. */
	windows1252Lines: number[];
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
	return prefix.every((byte, i) => bytes[i] === byte);
}

/** A list of line numbers as words, with "and N more" after ten. */
function someLines(lines: number[]): string {
	const shown = lines.slice(0, 10).map(String);
	const more = lines.length - shown.length;
	if (more > 0) return `${shown.join(', ')} and ${formatNumber(more)} more`;
	return shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

/**
 * Checks an asset file's size and kind, then decodes it, saying which encoding it used.
 * @throws ImportError for an empty file, one over the size limit, a zip, a spreadsheet, UTF-16 or
 * other binary data
 * @example decodeAssetBytes(new Uint8Array([0x43, 0x61, 0x66, 0xe9]), 'a.csv').text // 'Café'
 */
export function decodeAssetBytes(bytes: Uint8Array, source: string): DecodedText {
	const sizeProblem = assetFileSizeProblem(source, bytes.byteLength);
	if (sizeProblem) throw new ImportError([sizeProblem]);
	if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
		throw new ImportError([
			`${source} is saved as UTF-16 ("Unicode text"): save it as CSV UTF-8 or plain UTF-8 and try again.`
		]);
	}
	const binary = binaryFileProblem(source, bytes.subarray(0, 4096));
	if (binary) throw new ImportError([binary]);
	const hasBom = startsWith(bytes, UTF8_BOM);
	const body = hasBom ? bytes.subarray(3) : bytes;
	try {
		const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
		if (text.trim() === '') throw new ImportError([`${source} is empty.`]);
		return {
			text,
			encoding: 'utf-8',
			note: hasBom ? 'Read as UTF-8 (the file starts with a byte order mark).' : 'Read as UTF-8.',
			windows1252Lines: []
		};
	} catch (error) {
		if (error instanceof ImportError) throw error;
	}
	return decodeLineByLine(body, source);
}

/** Windows-1252's characters for bytes 0x80-0x9F (WHATWG index); the rest are as in ISO-8859-1. */
const WINDOWS_1252_HIGH =
	'\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
	'\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Windows-1252 bytes to text. Not TextDecoder('windows-1252'): Node decodes that as ISO-8859-1,
 * turning 0x80-0x9F (€, curly quotes, dashes) into control characters
 * (https://github.com/nodejs/node/issues/56542).
 * @example decodeWindows1252(new Uint8Array([0x93, 0x48, 0x69, 0x94, 0x20, 0x96, 0x20, 0xa3, 0x35])) // '“Hi” – £5'
 */
export function decodeWindows1252(bytes: Uint8Array): string {
	let text = '';
	for (let start = 0; start < bytes.length; start += 8192) {
		const chunk = bytes.subarray(start, start + 8192);
		text += String.fromCharCode(
			...Array.from(chunk, (byte) =>
				byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH.charCodeAt(byte - 0x80) : byte
			)
		);
	}
	return text;
}

function decodeLineByLine(body: Uint8Array, source: string): DecodedText {
	const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
	const cp1252 = { decode: decodeWindows1252 };
	const parts: string[] = [];
	const windows1252Lines: number[] = [];
	let utf8NonAscii = 0;
	let start = 0;
	let line = 1;
	while (start <= body.length) {
		let end = body.indexOf(0x0a, start);
		if (end === -1) end = body.length;
		const segment = body.subarray(start, end);
		let decoded: string;
		try {
			decoded = utf8.decode(segment);
			if (segment.some((byte) => byte >= 0x80)) utf8NonAscii++;
		} catch {
			decoded = cp1252.decode(segment);
			windows1252Lines.push(line);
		}
		parts.push(decoded);
		start = end + 1;
		line++;
	}
	const text = parts.join('\n');
	if (text.trim() === '') throw new ImportError([`${source} is empty.`]);
	if (utf8NonAscii === 0) {
		return {
			text,
			encoding: 'windows-1252',
			note: 'Not UTF-8, so read as Windows-1252 (the encoding Excel on Windows saves CSV files in).',
			windows1252Lines: []
		};
	}
	return {
		text,
		encoding: 'mixed',
		note:
			`Mixed encodings: most of the file is UTF-8, but ${windows1252Lines.length === 1 ? 'line' : 'lines'} ` +
			`${someLines(windows1252Lines)} ${windows1252Lines.length === 1 ? 'is' : 'are'} not, so ` +
			`${windows1252Lines.length === 1 ? 'it was' : 'they were'} read as Windows-1252. Check their accented letters.`,
		windows1252Lines
	};
}
