/**
 * Imports postcode points from a CSV in the layout of the ONS Postcode Directory (ONSPD): the pcds,
 * lat and long columns are read and every other column ignored. The full directory is 2.7 million
 * rows and over a gigabyte, so the file is read in chunks, synchronously, inside one transaction:
 * either every row lands or none does. Rows ONS gives no grid reference (lat 99.999999) are skipped
 * and counted. A postcode already stored is replaced.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { Db } from '../db/client';
import { normalisePostcode } from '../../domain/postcode';

/** ONSPD's latitude for a postcode with no grid reference (longitude is then 0.000000). */
const NO_GRID_REFERENCE_LAT = 99.999999;
const CHUNK_BYTES = 1 << 20;
const MAX_EXAMPLES = 10;

/** The better-sqlite3 connection under drizzle: millions of rows need one prepared statement. */
function connectionOf(db: Db): Database.Database {
	return (db as Db & { $client: Database.Database }).$client;
}

export class PostcodeImportError extends Error {
	name = 'PostcodeImportError';
}

export interface PostcodeImportSummary {
	/** Data rows read (not counting the header). */
	rows: number;
	/** Postcodes written: new plus replaced. */
	imported: number;
	added: number;
	replaced: number;
	/** Rows with ONS's "no grid reference" latitude, skipped. */
	noGridReference: number;
	/** Rows skipped because the postcode or coordinates could not be read. */
	invalid: number;
	/** The first few invalid rows, by line, for the person running the import. */
	examples: string[];
}

export interface PostcodeImportOptions {
	/** Called after each chunk with bytes read so far, file size and data rows read. */
	onProgress?: (bytesRead: number, totalBytes: number, rows: number) => void;
}

/** Splits one CSV line into fields: commas, double quotes, doubled quotes inside quotes. */
export function splitCsvLine(line: string): string[] {
	const fields: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const c = line[i];
		if (quoted) {
			if (c === '"' && line[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			fields.push(field);
			field = '';
		} else field += c;
	}
	fields.push(field);
	return fields;
}

/** Column positions of the postcode (pcds, or pcd2/pcd in older files), lat and long. */
function findColumns(header: string[]): { postcode: number; lat: number; lon: number } {
	const names = header.map((name) => name.trim().toLowerCase());
	const postcode = ['pcds', 'pcd2', 'pcd'].map((n) => names.indexOf(n)).find((i) => i >= 0) ?? -1;
	const lat = names.indexOf('lat');
	const lon = names.indexOf('long');
	const missing = [postcode < 0 && 'pcds', lat < 0 && 'lat', lon < 0 && 'long'].filter(Boolean);
	if (missing.length) {
		throw new PostcodeImportError(
			`The file has no ${missing.join(', ')} column. It needs the ONS Postcode Directory columns ` +
				`pcds, lat and long (other columns are ignored); its first line is: ${header.join(',').slice(0, 200)}`
		);
	}
	return { postcode, lat, lon };
}

/** Yields the file's lines (without line endings) and how many bytes have been read, in order. */
function* readLines(path: string): Generator<{ line: string; bytesRead: number; size: number }> {
	const fd = openSync(path, 'r');
	try {
		const size = fstatSync(fd).size;
		const buffer = Buffer.alloc(CHUNK_BYTES);
		const decoder = new TextDecoder('utf-8');
		let rest = '';
		let bytesRead = 0;
		for (;;) {
			const n = readSync(fd, buffer, 0, CHUNK_BYTES, null);
			bytesRead += n;
			rest += decoder.decode(buffer.subarray(0, n), { stream: n > 0 });
			const lines = rest.split(/\r?\n/);
			rest = n > 0 ? lines.pop()! : '';
			for (const line of lines) yield { line, bytesRead, size };
			if (n === 0) break;
		}
	} finally {
		closeSync(fd);
	}
}

/**
 * Imports the postcodes of an ONSPD-layout CSV file into the postcodes table, in one transaction.
 * Throws PostcodeImportError (nothing written) when the file lacks the needed columns or has no rows.
 */
export function importPostcodeCsv(
	db: Db,
	path: string,
	{ onProgress }: PostcodeImportOptions = {}
): PostcodeImportSummary {
	const sqlite = connectionOf(db);
	const countStored = sqlite.prepare('SELECT count(*) FROM postcodes').pluck();
	const upsert = sqlite.prepare(
		`INSERT INTO postcodes (postcode, lat, lon) VALUES (?, ?, ?)
		ON CONFLICT (postcode) DO UPDATE SET lat = excluded.lat, lon = excluded.lon`
	);
	const summary: PostcodeImportSummary = {
		rows: 0,
		imported: 0,
		added: 0,
		replaced: 0,
		noGridReference: 0,
		invalid: 0,
		examples: []
	};
	const reject = (lineNumber: number, reason: string) => {
		summary.invalid++;
		if (summary.examples.length < MAX_EXAMPLES)
			summary.examples.push(`line ${lineNumber}: ${reason}`);
	};

	sqlite.transaction(() => {
		const before = countStored.get() as number;
		let columns: ReturnType<typeof findColumns> | null = null;
		let lineNumber = 0;
		let lastBytes = 0;
		let fileSize = 0;
		for (const { line, bytesRead, size } of readLines(path)) {
			lineNumber++;
			fileSize = size;
			if (bytesRead !== lastBytes) {
				lastBytes = bytesRead;
				onProgress?.(bytesRead, size, summary.rows);
			}
			if (!columns) {
				columns = findColumns(splitCsvLine(line.replace(/^\uFEFF/, '')));
				continue;
			}
			if (line.trim() === '') continue;
			summary.rows++;
			const fields = splitCsvLine(line);
			const lat = Number(fields[columns.lat]);
			const lon = Number(fields[columns.lon]);
			const postcode = normalisePostcode((fields[columns.postcode] ?? '').slice(0, 20));
			if (Math.abs(lat - NO_GRID_REFERENCE_LAT) < 1e-9) {
				summary.noGridReference++;
			} else if (!postcode) {
				reject(lineNumber, `"${(fields[columns.postcode] ?? '').slice(0, 20)}" is not a postcode`);
			} else if (
				!fields[columns.lat]?.trim() ||
				!fields[columns.lon]?.trim() ||
				!(Math.abs(lat) <= 90) ||
				!(Math.abs(lon) <= 180)
			) {
				reject(lineNumber, `${postcode} has no usable lat and long`);
			} else {
				upsert.run(postcode, lat, lon);
				summary.imported++;
			}
		}
		if (!columns) throw new PostcodeImportError(`${path} is empty: it has no header line.`);
		if (summary.rows === 0) throw new PostcodeImportError(`${path} has a header but no postcodes.`);
		onProgress?.(fileSize, fileSize, summary.rows);
		summary.added = (countStored.get() as number) - before;
		summary.replaced = summary.imported - summary.added;
	})();
	return summary;
}
