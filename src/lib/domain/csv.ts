/**
 * A small RFC 4180 CSV reader: quoted fields, doubled quotes, commas and line breaks inside quotes,
 * CRLF or LF, and a UTF-8 byte order mark. Returns rows of strings; the caller validates them.
 */

export interface CsvTable {
	header: string[];
	/** Each row keyed by header name, with its 1-based line number in the file (header is line 1). */
	rows: { line: number; values: Record<string, string> }[];
}

/**
 * CSV records one at a time, each with the line it starts on (from 1), so a 100 MB file is read without
 * holding every field of every row at once. Blank lines are skipped.
 */
export function* csvRecords(text: string): Generator<{ line: number; fields: string[] }> {
	const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	let fields: string[] = [];
	let field = '';
	let inQuotes = false;
	let line = 1;
	let recordLine = 1;
	for (let i = 0; i < input.length; i++) {
		const char = input[i];
		if (inQuotes) {
			if (char === '"') {
				if (input[i + 1] === '"') {
					field += '"';
					i++;
				} else inQuotes = false;
			} else {
				if (char === '\n') line++;
				field += char;
			}
		} else if (char === '"' && field === '') {
			inQuotes = true;
		} else if (char === ',') {
			fields.push(field);
			field = '';
		} else if (char === '\n' || char === '\r') {
			if (char === '\r' && input[i + 1] === '\n') i++;
			fields.push(field);
			if (fields.length > 1 || fields[0] !== '') yield { line: recordLine, fields };
			fields = [];
			field = '';
			line++;
			recordLine = line;
		} else {
			field += char;
		}
	}
	if (inQuotes) throw new CsvQuoteError(recordLine);
	if (field !== '' || fields.length > 0) {
		fields.push(field);
		yield { line: recordLine, fields };
	}
}

/** A quoted field that never closes: the rest of the file would be one field. */
export class CsvQuoteError extends Error {
	constructor(readonly line: number) {
		super(`a quoted field that starts on line ${line} is never closed`);
	}
}

/** Splits CSV text into arrays of fields, with the line each record starts on. */
export function parseCsvRecords(text: string): { line: number; fields: string[] }[] {
	return [...csvRecords(text)];
}

/** Reads CSV text with a header row into rows keyed by column name (names trimmed). */
export function parseCsv(text: string): CsvTable {
	const records = parseCsvRecords(text);
	if (records.length === 0) return { header: [], rows: [] };
	const header = records[0].fields.map((name) => name.trim());
	const rows = records.slice(1).map(({ line, fields }) => {
		// No prototype: a column called "__proto__" or "constructor" is a column like any other.
		const values: Record<string, string> = Object.create(null);
		header.forEach((name, index) => (values[name] = fields[index] ?? ''));
		return { line, values };
	});
	return { header, rows };
}
