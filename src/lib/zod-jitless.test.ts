import { describe, expect, it } from 'vitest';
import { makeZodJitless } from './zod-jitless';

describe('makeZodJitless', () => {
	it('sets the option zod reads, without importing zod first', async () => {
		makeZodJitless(globalThis);
		const { config } = await import('zod/v4/core');
		expect(config().jitless).toBe(true);
	});

	it('keeps the settings zod already holds', () => {
		const scope = { __zod_globalConfig: { customError: 'kept' } as Record<string, unknown> };
		const before = scope.__zod_globalConfig;
		makeZodJitless(scope);
		expect(scope.__zod_globalConfig).toBe(before);
		expect(scope.__zod_globalConfig).toEqual({ customError: 'kept', jitless: true });
	});
});
