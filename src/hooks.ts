import type { Reroute } from '@sveltejs/kit';
import { browser } from '$app/environment';
import { deLocalizeUrl } from '$lib/paraglide/runtime';
import { makeZodJitless } from '$lib/zod-jitless';

// In the browser zod parses without compiling, as the pages' Content-Security-Policy requires (the
// server, under no such policy, keeps the faster compiled parsers).
if (browser) makeZodJitless(globalThis);

/** /cy/search is served by the same route as /search: the locale is read from the URL later. */
export const reroute: Reroute = ({ url }) => deLocalizeUrl(url).pathname;
