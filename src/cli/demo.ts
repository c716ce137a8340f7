/**
 * `npm run demo`: builds the site, prepares the database with the demo borough, prints the demo accounts
 * and serves the site. The build's own listing (every chunk, hints for developers) is kept back unless the
 * build fails: a person trying the demo needs the address and the accounts, not the bundler's report.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { databasePath, openDatabase, DatabaseFileError } from '../lib/server/db/client';
import { seedDemoOrExplain } from '../lib/server/db';
import { DemoDataError } from '../lib/server/demo/seed';
import { demoUsersSchema } from '../lib/domain/schemas/demo-borough';
import { ROLE_LABELS } from '../lib/domain/vocabulary';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
process.env.PORT = String(port);
process.env.ORIGIN ??= `http://localhost:${port}`;
// The demo borough's own streets, river, parks and place names under every map (a style URL or a
// PMTiles file, when set, wins over it).
process.env.BASEMAP_GEOJSON ??= 'data/demo/basemap.geojson';

console.log('Building the site (about 20 seconds)…');
const started = Date.now();
const build = spawnSync('node_modules/.bin/vite', ['build'], { encoding: 'utf8' });
if (build.status !== 0) {
	console.error(
		`${build.stdout}${build.stderr}\nThe build failed (above). Fix it, or run npm ci first.`
	);
	process.exit(1);
}
console.log(`Built in ${Math.round((Date.now() - started) / 1000)} seconds.`);

const path = databasePath();
try {
	const opened = openDatabase(path);
	await seedDemoOrExplain(opened, path);
	opened.sqlite.close();
} catch (error) {
	if (error instanceof DatabaseFileError || error instanceof DemoDataError) {
		console.error(error.message);
		process.exit(1);
	}
	throw error;
}

const users = demoUsersSchema.parse(JSON.parse(readFileSync('data/demo/users.json', 'utf8')));
const shown = ['council', 'admin', 'coordinator'].map((role) =>
	users.find((u) => u.role === role)!
);
console.log('\nDemo accounts (this borough is fictional, so these passwords are public):');
for (const user of shown) {
	console.log(`  ${ROLE_LABELS[user.role].padEnd(26)} ${user.email.padEnd(34)} ${user.password}`);
}
const otherCoordinators = users.filter((u) => u.role === 'coordinator').length - 1;
if (otherCoordinators > 0) {
	console.log(`  (${otherCoordinators} more coordinators are listed in data/demo/users.json)`);
}
console.log(`\nPatchwork is running at ${process.env.ORIGIN} (press Ctrl+C to stop)\n`);
process.env.HOST = host;
await import(new URL('../../build/index.js', import.meta.url).href);
