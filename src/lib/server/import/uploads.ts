/**
 * Files uploaded on the council import page, kept between "Check file" and "Import" so the person
 * does not upload them twice. Each upload is two files in a private folder (the bytes, and what to
 * do with them), named by a random id that only the person who uploaded it can use, for an hour.
 * Expired uploads are deleted whenever another is saved.
 *
 * The folder is IMPORT_UPLOAD_DIR, or `patchwork-imports` in the system's temporary folder.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportRequest } from '../../domain/import/options';

export const UPLOAD_LIFETIME_MS = 60 * 60 * 1000;
const ID = /^[0-9a-f]{32}$/;

export interface StoredUpload {
	userId: number;
	request: ImportRequest;
	/** The file's name as uploaded, for messages. */
	source: string;
	savedAt: number;
}

/** The folder uploads are kept in. */
export function uploadDir(env: Record<string, string | undefined> = process.env): string {
	return env.IMPORT_UPLOAD_DIR?.trim() || join(tmpdir(), 'patchwork-imports');
}

/** Deletes uploads older than the lifetime (and any stray file that is not an upload). */
export function pruneUploads(dir = uploadDir(), now = Date.now()): void {
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch {
		return;
	}
	for (const name of names) {
		const path = join(dir, name);
		try {
			if (now - statSync(path).mtimeMs > UPLOAD_LIFETIME_MS) rmSync(path, { force: true });
		} catch {
			// Deleted by another request meanwhile: nothing to do.
		}
	}
}

/** Keeps an uploaded file for the import step. Returns its id. */
export function saveUpload(
	upload: Omit<StoredUpload, 'savedAt'>,
	bytes: Uint8Array,
	dir = uploadDir()
): string {
	mkdirSync(dir, { recursive: true, mode: 0o700 });
	pruneUploads(dir);
	const id = randomBytes(16).toString('hex');
	writeFileSync(join(dir, `${id}.data`), bytes, { mode: 0o600 });
	const stored: StoredUpload = { ...upload, savedAt: Date.now() };
	writeFileSync(join(dir, `${id}.json`), JSON.stringify(stored), { mode: 0o600 });
	return id;
}

/** The upload with this id if it is this user's and not expired; otherwise null. */
export function loadUpload(
	id: string,
	userId: number,
	dir = uploadDir(),
	now = Date.now()
): (StoredUpload & { bytes: Uint8Array }) | null {
	if (!ID.test(id)) return null;
	try {
		const stored = JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')) as StoredUpload;
		if (stored.userId !== userId || now - stored.savedAt > UPLOAD_LIFETIME_MS) return null;
		return { ...stored, bytes: readFileSync(join(dir, `${id}.data`)) };
	} catch {
		return null;
	}
}

/** Deletes an upload once it has been imported. */
export function deleteUpload(id: string, dir = uploadDir()): void {
	if (!ID.test(id)) return;
	for (const suffix of ['.data', '.json']) rmSync(join(dir, id + suffix), { force: true });
}
