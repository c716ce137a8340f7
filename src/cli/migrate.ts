/** `npm run db:migrate`: applies pending migrations to DATABASE_PATH (default ./patchwork.db). */
import { databasePath, DatabaseFileError, openDatabase } from '../lib/server/db/client';

try {
	const path = databasePath();
	const { sqlite } = openDatabase(path);
	sqlite.close();
	console.log(`Migrated ${path}: the database is up to date.`);
} catch (error) {
	if (error instanceof DatabaseFileError) {
		console.error(error.message);
		process.exit(1);
	}
	throw error;
}
