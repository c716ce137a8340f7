/**
 * `npm run restore -- FILE`: replaces the database (DATABASE_PATH, default ./patchwork.db) with the
 * backup FILE, after checking FILE is a sound Patchwork database this version knows. The database as
 * it was is kept beside it first. Stop the site before restoring and start it after: it runs any
 * newer migrations on start, and pages it holds in memory come from the database it opened.
 */
import { databasePath } from '../lib/server/db/client';
import { BackupError, describeBackup, restoreDatabase } from '../lib/server/db/backup';

const [backupFile, ...rest] = process.argv.slice(2);
if (!backupFile || rest.length > 0) {
	console.error('Usage: npm run restore -- FILE\nFILE is a backup made by npm run backup.');
	process.exit(1);
}
try {
	const summary = await restoreDatabase(backupFile, databasePath());
	console.log(`Restored ${summary.path} from ${backupFile}: ${describeBackup(summary)}.`);
	if (summary.previousCopy)
		console.log(`The database as it was before is kept at ${summary.previousCopy}.`);
} catch (error) {
	if (!(error instanceof BackupError)) throw error;
	console.error(`Nothing was restored, and the database is unchanged. ${error.message}`);
	process.exit(1);
}
