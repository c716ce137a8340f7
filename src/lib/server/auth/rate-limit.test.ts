import { describe, expect, it } from 'vitest';
import { FailureRateLimiter, signInAttemptKey } from './rate-limit';

const MINUTE = 60 * 1000;

function limiter() {
	let now = 0;
	const rl = new FailureRateLimiter({ maxFailures: 10, windowMs: 15 * MINUTE, now: () => now });
	return { rl, advance: (ms: number) => (now += ms) };
}

describe('FailureRateLimiter', () => {
	it('blocks a key after 10 failures, not before', () => {
		const { rl } = limiter();
		for (let i = 0; i < 9; i++) rl.recordFailure('k');
		expect(rl.isBlocked('k')).toBe(false);
		rl.recordFailure('k');
		expect(rl.isBlocked('k')).toBe(true);
	});

	it('keeps other keys apart', () => {
		const { rl } = limiter();
		for (let i = 0; i < 10; i++) rl.recordFailure('k');
		expect(rl.isBlocked('other')).toBe(false);
	});

	it('unblocks once the failures are 15 minutes old', () => {
		const { rl, advance } = limiter();
		for (let i = 0; i < 10; i++) rl.recordFailure('k');
		advance(15 * MINUTE - 1);
		expect(rl.isBlocked('k')).toBe(true);
		advance(1);
		expect(rl.isBlocked('k')).toBe(false);
	});

	it('forgets failures after a reset', () => {
		const { rl } = limiter();
		for (let i = 0; i < 10; i++) rl.recordFailure('k');
		rl.reset('k');
		expect(rl.isBlocked('k')).toBe(false);
	});
});

describe('signInAttemptKey', () => {
	it('treats email case and spaces as the same person', () => {
		expect(signInAttemptKey(' Sam@Example.org ', '10.0.0.1')).toBe(
			signInAttemptKey('sam@example.org', '10.0.0.1')
		);
		expect(signInAttemptKey('sam@example.org', '10.0.0.1')).not.toBe(
			signInAttemptKey('sam@example.org', '10.0.0.2')
		);
	});
});
