/** Reading JSON text with an error that says where the file is broken, by line and column. */
import { fail } from './errors';

/**
 * Line and column (both from 1) of a character offset in text.
 * @example lineAndColumn('{\n  "a": }', 9) // { line: 2, column: 8 }
 */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
	let line = 1;
	let lineStart = 0;
	const end = Math.min(offset, text.length);
	for (let i = 0; i < end; i++) {
		if (text.charCodeAt(i) === 10) {
			line++;
			lineStart = i + 1;
		}
	}
	return { line, column: end - lineStart + 1 };
}

/** V8's message without the position (we say it in words) or the echoed text (it can be huge). */
function reason(message: string): string {
	return message
		.replace(/ in JSON at position \d+.*$/s, '')
		.replace(/, ".*" is not valid JSON$/s, '')
		.replace(/^Unexpected end of JSON input$/, 'the file ends before the JSON is complete');
}

/**
 * Parses JSON text, naming the file and the place it goes wrong.
 * @throws ImportError e.g. `areas.geojson is not valid JSON: line 3, column 15: Expected ',' or '}' after property value`
 */
export function parseJsonText(text: string, source: string): unknown {
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	if (body.trim() === '') fail(`${source} is empty.`);
	try {
		return JSON.parse(body);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		const position = /at position (\d+)/.exec(message);
		let offset = position ? Number(position[1]) : null;
		if (offset === null && /^Unexpected end of JSON input/.test(message)) offset = body.length;
		if (offset === null) {
			// Some V8 messages quote the bad token instead of giving a position: find it.
			const token = /^Unexpected token '(.)'/.exec(message);
			if (token) offset = firstUnexpected(body, token[1]);
		}
		const where =
			offset === null
				? ''
				: (({ line, column }) => ` line ${line}, column ${column}:`)(lineAndColumn(body, offset));
		fail(`${source} is not valid JSON:${where} ${reason(message)}.`);
	}
}

/** Where an unexpected token first appears outside a string, as a best guess at V8's position. */
function firstUnexpected(text: string, token: string): number | null {
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (inString) {
			if (char === '\\') i++;
			else if (char === '"') inString = false;
		} else if (char === '"') inString = true;
		else if (char === token) return i;
	}
	return null;
}
