/**
 * CSV records one at a time, so a population file of 100 MB with a column per year of age is read
 * without holding every field of every row at once. Same rules as domain/csv.ts (RFC 4180: quotes,
 * doubled quotes, line breaks inside quotes, CRLF or LF, a UTF-8 byte order mark).
 */

/** Each record's fields, with the line it starts on (from 1). Blank lines are skipped. */
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
