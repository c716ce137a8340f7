import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Paraglide's message modules only define functions, but the bundler cannot know that, so every
 * message a page's barrel import (`m.…`) reaches lands in one chunk shared by all pages (the search
 * page loaded 250 messages to show 60). Marked free of side effects, each message goes to the
 * chunks of the pages that call it.
 */
const paraglideMessagesArePure: Plugin = {
	name: 'patchwork:paraglide-messages-pure',
	transform(code, id) {
		if (!/\/src\/lib\/paraglide\/messages(\.js$|\/)/.test(id)) return null;
		return { code, map: null, moduleSideEffects: false };
	}
};

export default defineConfig({
	plugins: [
		// English at the root, Welsh under /cy: the locale lives in the URL, so links are shareable
		// and work without JavaScript. Messages are in src/lib/i18n/messages (one pair of en/cy files per area).
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['url', 'baseLocale']
		}),
		sveltekit(),
		paraglideMessagesArePure
	],
	build: {
		// Rolldown's plugin-timing report is noise on a shared 2-core machine.
		rolldownOptions: { checks: { pluginTimings: false } },
		// The one chunk over 500 kB is MapLibre GL (1.1 MB, 299 kB gzipped): a page loads it only with
		// its map, never in the first bundle (npm run bench:page-weight checks that).
		chunkSizeWarningLimit: 1200
	},
	test: {
		expect: { requireAssertions: true },
		include: ['src/**/*.{test,spec}.{js,ts}', 'tests/integration/**/*.test.ts'],
		globalSetup: ['tests/cli-build.ts'],
		environment: 'node',
		// Vitest leaves one core free by default; many of these tests wait on child processes and files.
		maxWorkers: 2,
		// A time limit here catches a hang, not slowness: tests that spawn the command line or the
		// server must hold with a load average of 8 on 2 cores. Speed lives in the benchmarks.
		testTimeout: 120_000,
		hookTimeout: 180_000
	}
});
