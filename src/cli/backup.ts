/**
 * `npm run backup -- FILE`: an online backup of the database (DATABASE_PATH, default ./patchwork.db)
 * into the new file FILE, safe while the site runs. Prints the backup's size and what it holds.
 * Schedule it (cron, a systemd timer) with a dated name, e.g. backups/patchwork-$(date +%F).db.
 */
import { databasePath } from '../lib/server/db/client';
import { backupDatabase, BackupError, describeBackup } from '../lib/server/db/backup';
import { DatabaseFileError } from '../lib/server/db/file-problems';

const [target, ...rest] = process.argv.slice(2);
if (!target || rest.length > 0) {
	console.error(
		'Usage: npm run backup -- FILE\nFILE is the new backup file; it must not exist yet.'
	);
	process.exit(1);
}
try {
	const summary = await backupDatabase(databasePath(), target);
	console.log(`Backed up ${databasePath()} to ${summary.path}: ${describeBackup(summary)}.`);
} catch (error) {
	if (!(error instanceof BackupError || error instanceof DatabaseFileError)) throw error;
	console.error(`No backup was made. ${error.message}`);
	process.exit(1);
}
