/**
 * Zod compiles its parsers with new Function() when it may, and finds out by trying; a page's
 * Content-Security-Policy forbids that, and the try is reported as a violation. `jitless` makes zod
 * parse without compiling.
 *
 * Zod 4 keeps its settings on globalThis.__zod_globalConfig (one object shared by every copy of zod,
 * created by whichever loads first), so this sets the option without importing zod: importing
 * `config` from zod would put 4 KB of zod into every page's first JavaScript, before any page needs
 * zod. zod-jitless.test.ts checks that zod reads the option from there.
 */
export function makeZodJitless(scope: object): void {
	const holder = scope as { __zod_globalConfig?: Record<string, unknown> };
	holder.__zod_globalConfig ??= {};
	holder.__zod_globalConfig.jitless = true;
}
