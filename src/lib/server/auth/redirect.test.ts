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

	// Each of these passes a check of the raw text, but normalising it (dot segments resolved, "%2e"
	// read as ".") would give a path starting "//", which a browser reads as another host.
	it.each([
		['"/../" before a double slash', '/..//evil.example/phish'],
		['"/./" before a double slash', '/.//x'],
		['a dot segment in the middle', '/a/..//evil.example'],
		['encoded dots', '/%2e%2e//evil.example'],
		['encoded dots in capitals', '/%2E%2E//evil.example'],
		['one encoded dot', '/%2e//evil.example'],
		['a mix of dots', '/.%2e//evil.example'],
		['dots after a real segment', '/search/../..//evil.example'],
		['a triple slash after dots', '/..///evil.example']
	])('refuses %s, which normalises to another host', (_, value) => {
		const result = safeRedirectPath(value);
		expect(result).toBe('/account');
	});

	it.each([
		['a tab', '/\t/evil.example'],
		['a carriage return', '/\r/evil.example'],
		['a backslash after dots', '/..\\evil.example'],
		['an encoded-then-decoded backslash', '/%2e%2e/\\evil.example'],
		['javascript: with a leading space', ' javascript:alert(1)'],
		['javascript: in capitals', 'JavaScript:alert(1)'],
		['a data: URL', 'data:text/html,<script>alert(1)</script>']
	])('refuses %s', (_, value) => {
		expect(safeRedirectPath(value)).toBe('/account');
	});

	it('never returns anything a browser would read as another host', () => {
		const pieces = ['/', '.', '..', '%2e', '%2E', '%252e', '\\', '\t', 'evil.example', '//', 'a'];
		// Every sequence of up to four pieces: 11^4 = 14,641 candidates.
		const candidates: string[] = [''];
		for (let depth = 0; depth < 4; depth++) {
			for (const prefix of candidates.splice(0))
				for (const p of pieces) candidates.push(prefix + p);
			for (const c of [...candidates]) {
				const out = safeRedirectPath(c);
				expect(out.startsWith('/'), c).toBe(true);
				expect(/^\/[/\\]/.test(out), `${JSON.stringify(c)} gave ${out}`).toBe(false);
				expect(new URL(out, 'https://patchwork.example').host).toBe('patchwork.example');
			}
		}
	});
});
