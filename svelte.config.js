import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// Forms post from the same origin; ORIGIN is set in production so this check stays on.
		csrf: { trustedOrigins: [] },
		// A Content-Security-Policy on every page: scripts only from this site, inline ones only with
		// the nonce SvelteKit gives each response (hashes on prerendered pages), never eval. Styles allow
		// 'unsafe-inline' because Leaflet, MapLibre and Svelte set style attributes, which cannot carry
		// a nonce. MapLibre runs its workers from blob: URLs and draws from data: and blob: images.
		// Images and fetches may come from any https: address, so a basemap set at run time
		// (BASEMAP_TILE_URL, BASEMAP_STYLE_URL) works without a rebuild; scripts may not.
		// frame-ancestors is added by src/lib/server/http/security-headers.ts, beside this policy.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:', 'https:'],
				'connect-src': ['self', 'https:'],
				'font-src': ['self'],
				'worker-src': ['self', 'blob:'],
				'child-src': ['self', 'blob:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		},
		// src/instrumentation.server.ts runs before the server loads: it defaults ORIGIN for a site
		// served on localhost, or stops with a message when ORIGIN is needed and missing.
		experimental: { instrumentation: { server: true } }
	}
};

export default config;
