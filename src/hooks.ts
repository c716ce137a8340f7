import type { Reroute } from '@sveltejs/kit';
import { config as zodConfig } from 'zod/v4/core';
import { browser } from '$app/environment';
import { deLocalizeUrl } from '$lib/paraglide/runtime';

// Zod compiles its parsers with new Function() when it may, and finds out by trying; the pages'
// Content-Security-Policy forbids that, and the try is reported as a violation. In the browser it
// parses without compiling (the server, under no such policy, keeps the faster compiled parsers).
if (browser) zodConfig({ jitless: true });

/** /cy/search is served by the same route as /search: the locale is read from the URL later. */
export const reroute: Reroute = ({ url }) => deLocalizeUrl(url).pathname;
