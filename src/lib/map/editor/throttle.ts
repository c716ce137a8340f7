/**
 * Pacing for the editor: recompute at most once per animation frame while a corner is dragged, and
 * announce to screen readers only once the shape has stopped changing for a moment.
 * Schedulers are injectable so the tests need no browser and no real clock.
 */

export interface Paced<T> {
	(value: T): void;
	/** Drop anything still waiting. */
	cancel(): void;
}

type Schedule = (run: () => void) => number;
type Unschedule = (handle: number) => void;

/**
 * Calls `run` with the latest value once per frame, however many calls arrive in between.
 * @param schedule defaults to requestAnimationFrame
 */
export function frameThrottle<T>(
	run: (value: T) => void,
	schedule: Schedule = (fn) => requestAnimationFrame(fn),
	unschedule: Unschedule = (handle) => cancelAnimationFrame(handle)
): Paced<T> {
	let handle: number | null = null;
	let latest: T;
	const paced = ((value: T) => {
		latest = value;
		if (handle !== null) return;
		handle = schedule(() => {
			handle = null;
			run(latest);
		});
	}) as Paced<T>;
	paced.cancel = () => {
		if (handle !== null) unschedule(handle);
		handle = null;
	};
	return paced;
}

/**
 * Calls `run` with the latest value once `waitMs` have passed without another call.
 * @param setTimer defaults to setTimeout
 */
export function debounce<T>(
	run: (value: T) => void,
	waitMs: number,
	setTimer: (fn: () => void, ms: number) => unknown = (fn, ms) => setTimeout(fn, ms),
	clearTimer: (handle: unknown) => void = (handle) =>
		clearTimeout(handle as ReturnType<typeof setTimeout>)
): Paced<T> {
	let handle: unknown = null;
	const paced = ((value: T) => {
		if (handle !== null) clearTimer(handle);
		handle = setTimer(() => {
			handle = null;
			run(value);
		}, waitMs);
	}) as Paced<T>;
	paced.cancel = () => {
		if (handle !== null) clearTimer(handle);
		handle = null;
	};
	return paced;
}
