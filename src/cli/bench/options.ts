/** The benchmarks' command-line options. */

/**
 * The whole number after `--name` on the command line, or `fallback` when it is not given; exits
 * with a plain message when it is not a whole number of 1 or more.
 * @example option('runs', 3) // 5 for `… --runs 5`
 */
export function option(name: string, fallback: number): number {
	const at = process.argv.indexOf(`--${name}`);
	if (at < 0) return fallback;
	const value = Number(process.argv[at + 1]);
	if (!Number.isInteger(value) || value < 1) {
		console.error(`--${name} must be a whole number of 1 or more`);
		process.exit(1);
	}
	return value;
}
