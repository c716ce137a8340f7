/**
 * `npm test`: every step, in order, each reported as it ends, and a summary at the end. A step that
 * fails does not stop the ones after it, so one lint error never hides whether the browser tests pass;
 * the run fails at the end if any step failed.
 */
import { spawnSync } from 'node:child_process';

const STEPS = [
	{ name: 'type check', script: 'check' },
	{ name: 'format and lint', script: 'lint' },
	{ name: 'unit and integration tests (Vitest)', script: 'test:unit' },
	{ name: 'browser tests (Playwright in Chromium)', script: 'test:e2e' }
];

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const results = [];
const started = Date.now();

for (const step of STEPS) {
	console.log(`\n=== ${step.name}: npm run ${step.script}\n`);
	const begun = Date.now();
	const run = spawnSync(npm, ['run', '--silent', step.script], { stdio: 'inherit' });
	const passed = run.status === 0;
	const seconds = Math.round((Date.now() - begun) / 1000);
	results.push({ ...step, passed, seconds });
	console.log(`\n=== ${step.name}: ${passed ? 'passed' : 'FAILED'} (${minutes(seconds)})`);
}

const failed = results.filter((step) => !step.passed);
console.log('\nSummary');
for (const step of results) {
	console.log(`  ${step.passed ? 'passed' : 'FAILED'}  ${step.name} (${minutes(step.seconds)})`);
}
const total = minutes(Math.round((Date.now() - started) / 1000));
console.log(
	failed.length === 0
		? `All ${results.length} steps passed in ${total}.`
		: `${failed.length} of ${results.length} steps failed (${failed.map((s) => s.name).join('; ')}), in ${total}.`
);
process.exit(failed.length === 0 ? 0 : 1);

/** @param {number} seconds */
function minutes(seconds) {
	return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
