import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		// English at the root, Welsh under /cy: the locale lives in the URL, so links are shareable
		// and work without JavaScript. Messages are in src/lib/i18n/messages (one pair of en/cy files per area).
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['url', 'baseLocale']
		}),
		sveltekit()
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
