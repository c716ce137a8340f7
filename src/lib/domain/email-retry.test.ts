import { describe, expect, it } from 'vitest';
import { MAX_SEND_ATTEMPTS, afterFailedAttempt } from './email-retry';

const now = new Date('2026-11-25T10:00:00.000Z');
const minutesLater = (result: ReturnType<typeof afterFailedAttempt>) =>
	result.nextAttemptAt && (result.nextAttemptAt.getTime() - now.getTime()) / 60_000;

describe('afterFailedAttempt', () => {
	it('waits 1 minute, 5 minutes, 30 minutes, 2 hours, then 12 hours', () => {
		expect([1, 2, 3, 4, 5].map((n) => minutesLater(afterFailedAttempt(n, now)))).toEqual([
			1, 5, 30, 120, 720
		]);
	});

	it('gives up after the sixth try, keeping the message as failed', () => {
		expect(MAX_SEND_ATTEMPTS).toBe(6);
		expect(afterFailedAttempt(6, now)).toEqual({ status: 'failed', nextAttemptAt: null });
		expect(afterFailedAttempt(7, now)).toEqual({ status: 'failed', nextAttemptAt: null });
	});

	it('refuses a try number that cannot be', () => {
		expect(() => afterFailedAttempt(0, now)).toThrow(RangeError);
	});
});
