/**
 * Shared by the hostile asset-file tests: a file from tests/fixtures/hostile, a fresh database with
 * one programme and one postcode, and an import that must be refused whole.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import * as t from '../../src/lib/server/db/schema';
import { createTestDb } from '../../src/lib/server/auth/test-db';
import { ImportError } from '../../src/lib/domain/import/errors';
import type { AssetImportFormat } from '../../src/lib/domain/exchange/import/kinds';
import { importBytes, rowCounts } from './asset-import-fixtures';
export const hostile = (name: string) => readFileSync(`tests/fixtures/hostile/${name}`);

export function freshDb() {
	const db = createTestDb();
	db.insert(t.programmes).values({ slug: 'test', name: 'Test programme' }).run();
	db.insert(t.postcodes).values({ postcode: 'M1 1AA', lon: -2.23, lat: 53.48 }).run();
	return db;
}

/** Runs an import that must be refused; returns its message and checks nothing changed. */
export function refused(bytes: Uint8Array, file: string, format: AssetImportFormat): string {
	const db = freshDb();
	const before = rowCounts(db);
	let error: unknown;
	try {
		importBytes(db, bytes, { file, format });
	} catch (caught) {
		error = caught;
	}
	expect(error).toBeInstanceOf(ImportError);
	expect(rowCounts(db)).toEqual(before);
	return (error as ImportError).message;
}
