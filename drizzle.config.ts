import { defineConfig } from 'drizzle-kit';

export default defineConfig({
	schema: './src/lib/server/db/schema.ts',
	out: './drizzle',
	dialect: 'sqlite',
	dbCredentials: { url: process.env.DATABASE_PATH ?? 'patchwork.db' },
	// The FTS5 and R*Tree tables live in a custom migration; drizzle-kit must not try to drop them.
	tablesFilter: ['!assets_fts*', '!asset_names_fts*', '!assets_rtree*'],
	strict: true,
	verbose: true
});
