import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './redirect';

describe('safeRedirectPath', () => {
	it('keeps a path on this site with its query and fragment', () => {
		expect(safeRedirectPath('/patches/north-ward')).toBe('/patches/north-ward');
		expect(safeRedirectPath('/assets?kind=group&day=2#results')).toBe(
			'/assets?kind=group&day=2#results'
		);
	});

	it('falls back to the account page when there is nothing', () => {
		expect(safeRedirectPath(null)).toBe('/account');
		expect(safeRedirectPath(undefined)).toBe('/account');
		expect(safeRedirectPath('')).toBe('/account');
	});

	it('uses the fallback given', () => {
		expect(safeRedirectPath('https://evil.example', '/')).toBe('/');
	});

	it.each([
		['an absolute URL', 'https://evil.example/'],
		['a protocol-relative URL', '//evil.example/path'],
		['a backslash trick', '/\\evil.example'],
		['a backslash later on', '/a\\..\\\\evil.example'],
		['a tab browsers strip', '/\t/evil.example'],
		['a newline browsers strip', '/\n/evil.example'],
		['a javascript: URL', 'javascript:alert(1)'],
		['a relative path', 'account'],
		['a non-string', 42]
	])('refuses %s', (_, value) => {
		expect(safeRedirectPath(value)).toBe('/account');
	});

	it('normalises dot segments without leaving the site', () => {
		expect(safeRedirectPath('/a/../../b')).toBe('/b');
	});
});
