import type { Reroute } from '@sveltejs/kit';
import { deLocalizeUrl } from '$lib/paraglide/runtime';

/** /cy/search is served by the same route as /search: the locale is read from the URL later. */
export const reroute: Reroute = ({ url }) => deLocalizeUrl(url).pathname;
