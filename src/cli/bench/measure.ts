/** Timing and memory helpers for the benchmark: medians, percentiles and peak memory. */
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/**
 * Runs a full garbage collection now (a no-op where V8 will not expose it). Before each timed step,
 * so a step does not pay for the garbage the step before left: each run prepares the small areas
 * again, leaving the last run's 200 MB to collect. Set up on first use, so importing this module
 * (other benchmarks use percentile) changes nothing.
 */
export function collectGarbage(): void {
	if (!gc) {
		try {
			setFlagsFromString('--expose-gc');
			gc = runInNewContext('gc') as () => void;
		} catch {
			gc = () => {};
		}
	}
	gc();
}

/** The value below which a share p (0-1) of the sorted values fall (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

export const median = (values: readonly number[]) => percentile(values, 0.5);

/** Highest resident set size and heap seen at the sample points, in bytes. */
export const memory = { rss: 0, heapUsed: 0 };

/** Records the current memory use; call between and inside long steps (work blocks timers). */
export function sampleMemory(): void {
	const { rss, heapUsed } = process.memoryUsage();
	memory.rss = Math.max(memory.rss, rss);
	memory.heapUsed = Math.max(memory.heapUsed, heapUsed);
}

/**
 * Runs fn after a full garbage collection; returns its result, how long it took (ms, wall clock)
 * and the processor time the process used meanwhile (ms, user + system: on a busy shared machine
 * this is closer to what the step costs on an idle one; the collector's helper threads add to it).
 */
export function timed<T>(fn: () => T): { value: T; ms: number; cpuMs: number } {
	collectGarbage();
	const cpu = process.cpuUsage();
	const start = performance.now();
	const value = fn();
	const ms = performance.now() - start;
	const used = process.cpuUsage(cpu);
	sampleMemory();
	return { value, ms, cpuMs: (used.user + used.system) / 1000 };
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
export const seconds = (ms: number) =>
	ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;

/** timed() for a promise: wall clock and this process's processor time (all its threads). */
export async function timedAsync<T>(
	fn: () => Promise<T>
): Promise<{ value: T; ms: number; cpuMs: number }> {
	collectGarbage();
	const cpu = process.cpuUsage();
	const start = performance.now();
	const value = await fn();
	const ms = performance.now() - start;
	const used = process.cpuUsage(cpu);
	sampleMemory();
	return { value, ms, cpuMs: (used.user + used.system) / 1000 };
}

/** The process's peak (VmHWM) and current (VmRSS) resident size so far, in bytes; 0 off Linux. */
export function residentNow(): { peak: number; rss: number } {
	try {
		const status = readFileSync('/proc/self/status', 'utf8');
		const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
		return { peak: kb('VmHWM') * 1024, rss: kb('VmRSS') * 1024 };
	} catch {
		return { peak: 0, rss: 0 };
	}
}

/**
 * The peak so far after each step, and what stayed resident, for finding which step sets the peak:
 * the peak only grows, so the step after which it first reaches its final value is the one.
 */
export const stepPeaks: { step: string; peak: number; rss: number }[] = [];
export function markStep(step: string): void {
	sampleMemory();
	stepPeaks.push({ step, ...residentNow() });
}
/** The steps as "step peak/resident MB" lines. */
export function stepPeakLines(): string[] {
	return stepPeaks.map(
		({ step, peak, rss }) => `  ${step.padEnd(40)} peak ${mb(peak)}, then resident ${mb(rss)}`
	);
}
