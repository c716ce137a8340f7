/**
 * A private PostgreSQL cluster for the PostGIS comparison: initdb in a temporary folder, started on
 * a loopback port, stopped and removed at the end. Uses Debian's PostgreSQL 15 binaries; as root
 * (which initdb refuses) it runs them as the postgres user.
 */
import { execFile, execFileSync, type ExecFileSyncOptions } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PG_BIN = '/usr/lib/postgresql/15/bin';
const POSTGIS_CONTROL = '/usr/share/postgresql/15/extension/postgis.control';

/**
 * Why the comparison cannot run here, or null when PostgreSQL, PostGIS and (unless told it is not
 * needed) ogr2ogr are all present.
 */
export function missingPostgis({ ogr2ogr = true } = {}): string | null {
	if (!existsSync(join(PG_BIN, 'initdb'))) return `PostgreSQL 15 is not installed (${PG_BIN})`;
	if (!existsSync(POSTGIS_CONTROL)) return 'PostGIS is not installed for PostgreSQL 15';
	if (!ogr2ogr) return null;
	try {
		execFileSync('ogr2ogr', ['--version'], { stdio: 'ignore' });
	} catch {
		return 'ogr2ogr (GDAL) is not installed';
	}
	return null;
}

export interface Cluster {
	port: number;
	/** psql -At with the SQL; returns its output. */
	sql(query: string): string;
	/**
	 * sql without blocking this thread: for the timed queries, so that Node's event loop (and V8's
	 * housekeeping, such as the memory reducer's collections) runs while PostgreSQL works, as in a
	 * server, instead of all at once when the query returns.
	 */
	sqlAsync(query: string): Promise<string>;
	/** ogr2ogr connection string. */
	ogr: string;
	/**
	 * Processor time (ms) the cluster has used so far: the postmaster's own and that of its ended
	 * children (each psql's backend and the parallel workers), from /proc; NaN where unreadable.
	 */
	cpuMs(): number;
	stop(): void;
}

/** Clock ticks per second, for /proc/PID/stat. */
const ticks = (() => {
	try {
		return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
	} catch {
		return 100;
	}
})();

/** utime + stime + cutime + cstime of a process, in ms. */
function processCpuMs(pid: number): number {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		// After the name: state is field 3, so utime (field 14) is at 11, then stime, cutime, cstime.
		const sum = [11, 12, 13, 14].reduce((total, i) => total + Number(fields[i]), 0);
		return (sum * 1000) / ticks;
	} catch {
		return NaN;
	}
}

/** Starts a cluster on 127.0.0.1:port with a database "bench" and PostGIS in it. */
export function startCluster(port: number): Cluster {
	const dir = mkdtempSync(join(tmpdir(), 'patchwork-postgis-'));
	const root = process.getuid?.() === 0;
	const run = (bin: string, args: string[], options: ExecFileSyncOptions = {}) =>
		root
			? execFileSync('runuser', ['-u', 'postgres', '--', join(PG_BIN, bin), ...args], options)
			: execFileSync(join(PG_BIN, bin), args, options);
	if (root) chownSync(dir, uidOf('postgres'), gidOf('postgres'));
	const data = join(dir, 'data');
	run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8'], { stdio: 'ignore' });
	run(
		'pg_ctl',
		[
			'-D',
			data,
			'-l',
			join(dir, 'log'),
			'-w',
			'-o',
			`-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c shared_buffers=256MB -c work_mem=64MB -c fsync=off -c synchronous_commit=off`,
			'start'
		],
		{ stdio: 'ignore' }
	);
	const psqlArgs = (db: string, query: string) => [
		'-h',
		'127.0.0.1',
		'-p',
		String(port),
		'-U',
		'postgres',
		'-d',
		db,
		'-At',
		'-v',
		'ON_ERROR_STOP=1',
		'-c',
		query
	];
	const maxBuffer = 1 << 28;
	const psql = (db: string, query: string) =>
		execFileSync(join(PG_BIN, 'psql'), psqlArgs(db, query), { encoding: 'utf8', maxBuffer });
	psql('postgres', 'CREATE DATABASE bench');
	psql('bench', 'CREATE EXTENSION postgis');
	return {
		port,
		sql: (query) => psql('bench', query),
		sqlAsync: (query) =>
			new Promise((resolve, reject) =>
				execFile(
					join(PG_BIN, 'psql'),
					psqlArgs('bench', query),
					{ encoding: 'utf8', maxBuffer },
					(error, stdout) => (error ? reject(error) : resolve(stdout))
				)
			),
		ogr: `PG:host=127.0.0.1 port=${port} user=postgres dbname=bench`,
		cpuMs: () =>
			processCpuMs(Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0])),
		stop() {
			try {
				run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'], { stdio: 'ignore' });
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
		}
	};
}

const uidOf = (user: string) => Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }));
const gidOf = (user: string) => Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }));
