import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

// Debian's Chromium where it is installed (CI here cannot download Playwright's browsers; STACK.md
// trap 2), CHROMIUM_PATH if set, otherwise Playwright's own browser.
const executablePath =
	process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
	testDir: 'tests/e2e',
	// The build is made once; each worker then serves it on its own port and database (fixtures.ts),
	// so workers never share state. One worker by default: on 2 cores Chromium alone keeps both busy
	// (measured here: 5.0 min with one, 5.4 with two); E2E_WORKERS=4 suits a bigger machine.
	globalSetup: './tests/e2e/global-setup.ts',
	fullyParallel: false,
	workers: Number(process.env.E2E_WORKERS ?? 1),
	retries: 0,
	forbidOnly: true,
	reporter: process.env.CI ? [['list']] : [['list']],
	timeout: 60_000,
	expect: { timeout: 15_000 },
	use: {
		// Tracing every test costs about a fifth of the run; `npx playwright test --trace
		// retain-on-failure` turns it on while you chase a failure.
		trace: 'off',
		launchOptions: {
			executablePath,
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--enable-unsafe-swiftshader',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }]
});
