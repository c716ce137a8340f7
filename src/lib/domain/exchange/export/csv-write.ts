/**
 * Writing CSV that spreadsheets open safely: RFC 4180 quoting, CRLF line ends, a UTF-8 byte order
 * mark (so Excel reads "£" and "ŵ" right), and text cells that could run as a formula neutralised.
 */

/** What a spreadsheet may read as the start of a formula (OWASP's list, plus tab and CR). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text that cannot run as a formula: a leading = + - @ tab or CR gets a ' in front, which Excel,
 * LibreOffice and Google Sheets show as text. Numbers are written by the caller as numbers and are
 * never passed here, so "-2.9" as a longitude stays a number.
 * @example neutraliseFormula('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 */
export function neutraliseFormula(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

export type CsvValue = string | number | null | undefined;

function cell(value: CsvValue): string {
	if (value === null || value === undefined) return '';
	const text =
		typeof value === 'number'
			? Number.isFinite(value)
				? String(value)
				: ''
			: neutraliseFormula(value);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A whole CSV document: byte order mark, header row, then rows, each line ending CRLF.
 * @example toCsv(['name', 'lat'], [['Hall', 53.1]]) // '\uFEFFname,lat\r\nHall,53.1\r\n'
 */
export function toCsv(header: string[], rows: CsvValue[][]): string {
	const lines = [header.map(cell), ...rows.map((row) => row.map(cell))].map((fields) =>
		fields.join(',')
	);
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}
