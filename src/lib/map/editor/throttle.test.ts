import { describe, expect, it, vi } from 'vitest';
import { debounce, frameThrottle } from './throttle';

/** A hand-cranked frame clock. */
function frames() {
	const queue = new Map<number, () => void>();
	let next = 1;
	return {
		schedule: (fn: () => void) => {
			queue.set(next, fn);
			return next++;
		},
		unschedule: (handle: number) => void queue.delete(handle),
		tick: () => {
			const due = [...queue.values()];
			queue.clear();
			due.forEach((fn) => fn());
		},
		get waiting() {
			return queue.size;
		}
	};
}

describe('frameThrottle', () => {
	it('runs once per frame with the latest value', () => {
		const clock = frames();
		const seen: number[] = [];
		const paced = frameThrottle((v: number) => seen.push(v), clock.schedule, clock.unschedule);
		paced(1);
		paced(2);
		paced(3);
		expect(clock.waiting).toBe(1);
		clock.tick();
		expect(seen).toEqual([3]);
		paced(4);
		clock.tick();
		expect(seen).toEqual([3, 4]);
	});

	it('runs nothing after cancel', () => {
		const clock = frames();
		const run = vi.fn();
		const paced = frameThrottle(run, clock.schedule, clock.unschedule);
		paced('a');
		paced.cancel();
		clock.tick();
		expect(run).not.toHaveBeenCalled();
	});
});

describe('debounce', () => {
	it('waits for a pause, then runs once with the last value', () => {
		vi.useFakeTimers();
		try {
			const seen: string[] = [];
			const paced = debounce((v: string) => seen.push(v), 500);
			paced('a');
			vi.advanceTimersByTime(300);
			paced('b');
			vi.advanceTimersByTime(300);
			expect(seen).toEqual([]);
			vi.advanceTimersByTime(200);
			expect(seen).toEqual(['b']);
			paced('c');
			paced.cancel();
			vi.advanceTimersByTime(1000);
			expect(seen).toEqual(['b']);
		} finally {
			vi.useRealTimers();
		}
	});
});
