import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// Forms post from the same origin; ORIGIN is set in production so this check stays on.
		csrf: { trustedOrigins: [] },
		// src/instrumentation.server.ts runs before the server loads: it defaults ORIGIN for a site
		// served on localhost, or stops with a message when ORIGIN is needed and missing.
		experimental: { instrumentation: { server: true } }
	}
};

export default config;
