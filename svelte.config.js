import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// Forms post from the same origin; ORIGIN is set in production so this check stays on.
		csrf: { trustedOrigins: [] }
	}
};

export default config;
