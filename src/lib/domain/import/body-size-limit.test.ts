import { describe, expect, it } from 'vitest';
import { parseBodySizeLimit } from './limits';

describe('parseBodySizeLimit', () => {
	it('reads sizes with K, M and G suffixes, in either case', () => {
		expect(parseBodySizeLimit('300M')).toBe(300 * 1024 * 1024);
		expect(parseBodySizeLimit('64k')).toBe(64 * 1024);
		expect(parseBodySizeLimit('1G')).toBe(1024 ** 3);
		expect(parseBodySizeLimit('2048')).toBe(2048);
	});

	it('takes Infinity as no limit', () => {
		expect(parseBodySizeLimit('Infinity')).toBe(Infinity);
	});

	it("falls back to adapter-node's 512 KB when unset or unreadable", () => {
		expect(parseBodySizeLimit(undefined)).toBe(512 * 1024);
		expect(parseBodySizeLimit('  ')).toBe(512 * 1024);
		expect(parseBodySizeLimit('lots')).toBe(512 * 1024);
	});
});
