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
	// Rolldown's plugin-timing report is noise on a shared 2-core machine.
	build: { rolldownOptions: { checks: { pluginTimings: false } } },
	test: {
		expect: { requireAssertions: true },
		include: ['src/**/*.{test,spec}.{js,ts}', 'tests/integration/**/*.test.ts'],
		environment: 'node',
		// Vitest leaves one core free by default; many of these tests wait on child processes and files.
		maxWorkers: 2,
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});
