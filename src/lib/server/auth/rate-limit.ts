/**
 * A small in-memory limit on failed sign-ins per email address and IP address.
 * In memory is enough for one Node process (adapter-node); several processes would each keep their own.
 */

export interface RateLimitOptions {
	maxFailures: number;
	windowMs: number;
	/** The clock, so tests can move time without waiting. */
	now?: () => number;
}

export const TOO_MANY_ATTEMPTS_MESSAGE = 'Too many attempts. Wait 15 minutes and try again.';

/** Counts failures in a sliding window; a key is blocked once it has `maxFailures` in the window. */
export class FailureRateLimiter {
	readonly #failures = new Map<string, number[]>();
	readonly #maxFailures: number;
	readonly #windowMs: number;
	readonly #now: () => number;

	constructor({ maxFailures, windowMs, now = Date.now }: RateLimitOptions) {
		this.#maxFailures = maxFailures;
		this.#windowMs = windowMs;
		this.#now = now;
	}

	/** True when the key has used up its failures for now. */
	isBlocked(key: string): boolean {
		return this.#recent(key).length >= this.#maxFailures;
	}

	/** Count one failure against the key. */
	recordFailure(key: string): void {
		const recent = this.#recent(key);
		recent.push(this.#now());
		this.#failures.set(key, recent);
		// Sweep now and then so keys that stopped failing do not stay in memory for ever.
		if (this.#failures.size > 10_000) this.#sweep();
	}

	/** Forget the key's failures, after a successful sign-in. */
	reset(key: string): void {
		this.#failures.delete(key);
	}

	#recent(key: string): number[] {
		const cutoff = this.#now() - this.#windowMs;
		const recent = (this.#failures.get(key) ?? []).filter((t) => t > cutoff);
		if (recent.length === 0) this.#failures.delete(key);
		return recent;
	}

	#sweep(): void {
		for (const key of [...this.#failures.keys()]) this.#recent(key);
	}
}

/** The key for one person trying from one place. */
export function signInAttemptKey(email: string, ip: string): string {
	return `${email.trim().toLowerCase()}|${ip}`;
}

/** The process-wide limiter the sign-in page uses: 10 failures per 15 minutes. */
export const signInLimiter = new FailureRateLimiter({
	maxFailures: 10,
	windowMs: 15 * 60 * 1000
});
