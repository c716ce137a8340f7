/**
 * A small progress bar for long imports, on standard error so `--json` output stays clean.
 * On a terminal it redraws one line (phase, bar, percentage, count); in a log (not a terminal) it
 * prints a line at every tenth of the way, so CI logs stay short.
 */

export interface ProgressStream {
	isTTY?: boolean;
	columns?: number;
	write(text: string): unknown;
}

export interface ProgressBar {
	/** Report `done` of `total` items in a phase such as "Reading" or "Saving". */
	update(phase: string, done: number, total: number): void;
	/** Finish the current line, if one is drawn. */
	end(): void;
}

export interface ProgressOptions {
	stream?: ProgressStream;
	/** Below this many items a phase is quick: nothing is shown. */
	minTotal?: number;
}

const WIDTH = 24;

/** Creates a progress bar that draws to `stream` (standard error by default). */
export function createProgress({
	stream = process.stderr,
	minTotal = 500
}: ProgressOptions = {}): ProgressBar {
	let drawn = false;
	let lastPhase = '';
	let lastTenth = -1;
	let lastDraw = 0;
	const count = (n: number) => n.toLocaleString('en-GB');

	return {
		update(phase, done, total) {
			if (total < minTotal) return;
			const fraction = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
			const percent = Math.floor(fraction * 100);
			if (phase !== lastPhase) {
				if (drawn && stream.isTTY) stream.write('\n');
				drawn = false;
				lastPhase = phase;
				lastTenth = -1;
			}
			if (stream.isTTY) {
				const now = Date.now();
				// Redrawing thousands of times a second would slow the import down: ten times is plenty.
				if (drawn && fraction < 1 && now - lastDraw < 100) return;
				lastDraw = now;
				const filled = Math.round(fraction * WIDTH);
				const bar = '#'.repeat(filled) + '-'.repeat(WIDTH - filled);
				stream.write(
					`\r${phase} [${bar}] ${String(percent).padStart(3)}% ${count(done)} of ${count(total)}`
				);
				drawn = true;
				return;
			}
			const tenth = Math.floor(fraction * 10);
			// A log gets a line at each tenth of the way, not at the start (0% says nothing).
			if (tenth > lastTenth && tenth > 0) {
				lastTenth = tenth;
				stream.write(`${phase}: ${tenth * 10}% (${count(done)} of ${count(total)})\n`);
			}
		},
		end() {
			if (drawn && stream.isTTY) stream.write('\n');
			drawn = false;
			lastPhase = '';
		}
	};
}
