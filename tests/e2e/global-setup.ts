import { execSync } from 'node:child_process';

/**
 * Builds the app once before the browser tests; each worker then serves that build on its own
 * database (see server.ts). E2E_SKIP_BUILD=1 reuses an existing build while working on the tests.
 */
export default function globalSetup() {
	if (process.env.E2E_SKIP_BUILD === '1') return;
	execSync('npm run build', { stdio: 'inherit' });
}
