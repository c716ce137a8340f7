/**
 * Getting an import file's text: its size checked against the limit before it is read, a zip or
 * spreadsheet named as such, and the bytes decoded as UTF-8.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { ImportError } from '../../domain/import/errors';
import { binaryFileProblem, fileSizeProblem, type ImportKind } from '../../domain/import/limits';

/** Bytes to text, after the checks every import file needs. Throws ImportError. */
export function decodeImportBytes(bytes: Uint8Array, kind: ImportKind, source: string): string {
	const problem =
		fileSizeProblem(source, bytes.byteLength, kind) ??
		binaryFileProblem(source, bytes.subarray(0, 4096));
	if (problem) throw new ImportError([problem]);
	// Not fatal on bad UTF-8: a CSV saved as Windows-1252 still has readable codes and numbers.
	return new TextDecoder('utf-8').decode(bytes);
}

/** Reads a file from disk for import, checking its size before reading it. Throws ImportError. */
export function readImportFile(path: string, kind: ImportKind, source = path): string {
	let size: number;
	try {
		const stat = statSync(path);
		if (stat.isDirectory()) throw new ImportError([`${source} is a folder, not a file.`]);
		size = stat.size;
	} catch (error) {
		if (error instanceof ImportError) throw error;
		const code = (error as { code?: string }).code;
		throw new ImportError([
			code === 'ENOENT'
				? `${source} does not exist.`
				: `${source} could not be read (${(error as Error).message}).`
		]);
	}
	const sizeProblem = fileSizeProblem(source, size, kind);
	if (sizeProblem) throw new ImportError([sizeProblem]);
	const head = Buffer.alloc(Math.min(size, 4096));
	const fd = openSync(path, 'r');
	try {
		readSync(fd, head, 0, head.length, 0);
	} finally {
		closeSync(fd);
	}
	const binary = binaryFileProblem(source, head);
	if (binary) throw new ImportError([binary]);
	return readFileSync(path, 'utf8');
}
