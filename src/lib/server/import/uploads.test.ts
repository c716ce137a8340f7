import { mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UPLOAD_LIFETIME_MS, deleteUpload, loadUpload, pruneUploads, saveUpload } from './uploads';

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'patchwork-uploads-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const upload = {
	userId: 7,
	request: { kind: 'patches', options: {} } as const,
	source: 'patches.geojson'
};

describe('uploads kept between check and import', () => {
	it('gives the file back to the person who uploaded it, and to nobody else', () => {
		const id = saveUpload(upload, new TextEncoder().encode('{"a":1}'), dir);
		expect(id).toMatch(/^[0-9a-f]{32}$/);
		const loaded = loadUpload(id, 7, dir);
		expect(loaded?.source).toBe('patches.geojson');
		expect(new TextDecoder().decode(loaded?.bytes)).toBe('{"a":1}');
		expect(loadUpload(id, 8, dir)).toBeNull();
	});

	it('refuses ids that are not ids, and expired uploads', () => {
		const id = saveUpload(upload, new Uint8Array([1]), dir);
		expect(loadUpload('../../etc/passwd', 7, dir)).toBeNull();
		expect(loadUpload(id, 7, dir, Date.now() + UPLOAD_LIFETIME_MS + 1000)).toBeNull();
	});

	it('deletes an upload after import, and old ones when another is saved', () => {
		const id = saveUpload(upload, new Uint8Array([1]), dir);
		deleteUpload(id, dir);
		expect(loadUpload(id, 7, dir)).toBeNull();
		const old = saveUpload(upload, new Uint8Array([1]), dir);
		const hourAgo = (Date.now() - UPLOAD_LIFETIME_MS - 60_000) / 1000;
		for (const suffix of ['.data', '.json']) utimesSync(join(dir, old + suffix), hourAgo, hourAgo);
		pruneUploads(dir);
		expect(readdirSync(dir)).toEqual([]);
	});
});
