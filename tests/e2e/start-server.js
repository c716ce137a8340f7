// Builds the app and serves it on a fresh database, for the browser tests (see playwright.config.ts).
import { execSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';

const databasePath = process.env.DATABASE_PATH ?? 'test-results/e2e.db';
mkdirSync('test-results', { recursive: true });
for (const suffix of ['', '-wal', '-shm']) rmSync(databasePath + suffix, { force: true });
execSync('npm run build', { stdio: 'inherit' });
// A URL, not a bare path: the build does not exist until the line above has run.
await import(new URL('../../build/index.js', import.meta.url).href);
