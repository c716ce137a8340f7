import { describe, expect, it, vi } from 'vitest';
import { applyDefaultOrigin, decideOrigin } from './origin';

describe('decideOrigin', () => {
	it('keeps an ORIGIN that is set', () => {
		expect(decideOrigin({ ORIGIN: 'https://patchwork.example.gov.uk', HOST: '0.0.0.0' })).toEqual({
			action: 'keep'
		});
	});

	it("keeps a proxy's headers as the source of the address", () => {
		expect(decideOrigin({ PROTOCOL_HEADER: 'x-forwarded-proto', HOST: '0.0.0.0' })).toEqual({
			action: 'keep'
		});
		expect(decideOrigin({ HOST_HEADER: 'x-forwarded-host' })).toEqual({ action: 'keep' });
	});

	it.each([
		[{}, 'http://localhost:3000'],
		[{ PORT: '8080' }, 'http://localhost:8080'],
		[{ HOST: '127.0.0.1', PORT: '4000' }, 'http://localhost:4000'],
		[{ HOST: 'localhost' }, 'http://localhost:3000'],
		[{ HOST: '::1' }, 'http://localhost:3000'],
		[{ ORIGIN: '  ', HOST: '' }, 'http://localhost:3000']
	])('defaults to localhost for a site on this computer only: %o', (env, origin) => {
		expect(decideOrigin(env)).toMatchObject({ action: 'default', origin });
	});

	it.each([{ HOST: '0.0.0.0' }, { HOST: '192.0.2.10' }, { SOCKET_PATH: '/run/patchwork.sock' }])(
		'refuses to guess for a site served to others: %o',
		(env) => {
			const decision = decideOrigin(env);
			expect(decision.action).toBe('refuse');
			expect(decision.action === 'refuse' && decision.message).toContain(
				'set ORIGIN to the address people use to reach the site'
			);
		}
	);
});

describe('applyDefaultOrigin', () => {
	it('sets ORIGIN and says so in one line', () => {
		const env: Record<string, string | undefined> = { PORT: '3100' };
		const log = vi.fn();
		applyDefaultOrigin(env, { log, refuse: vi.fn() });
		expect(env.ORIGIN).toBe('http://localhost:3100');
		expect(log).toHaveBeenCalledTimes(1);
		expect(log.mock.calls[0][0]).toContain('ORIGIN is not set');
	});

	it('refuses, changing nothing, when the address cannot be guessed', () => {
		const env: Record<string, string | undefined> = { HOST: '0.0.0.0' };
		const refuse = vi.fn();
		applyDefaultOrigin(env, { log: vi.fn(), refuse });
		expect(refuse).toHaveBeenCalledTimes(1);
		expect(env.ORIGIN).toBeUndefined();
	});
});
