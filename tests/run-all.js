/**
 * `npm test`: every step, each reported as it ends, and a summary at the end. A step that fails does
 * not stop the ones after it, so one lint error never hides whether the browser tests pass; the run
 * fails at the end if any step failed. The type check and the lint share nothing and are each mostly
 * one core's work, so they run side by side (their output is printed whole, one after the other).
 */
import { spawn } from 'node:child_process';

/** Each inner list runs at once; the lists run in order. */
const STAGES = [
	[
		{ name: 'type check', script: 'check' },
		{ name: 'format and lint', script: 'lint' }
	],
	[{ name: 'unit and integration tests (Vitest)', script: 'test:unit' }],
	[{ name: 'browser tests (Playwright in Chromium)', script: 'test:e2e' }]
];

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const results = [];
const started = Date.now();

for (const stage of STAGES) {
	const alone = stage.length === 1;
	results.push(...(await Promise.all(stage.map((step) => runStep(step, alone)))));
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

/**
 * Runs one npm script. Alone, its output streams as it comes; beside another, it is held and printed
 * whole when the step ends, so two steps' lines never interleave.
 * @param {{ name: string, script: string }} step
 * @param {boolean} alone
 */
function runStep(step, alone) {
	const begun = Date.now();
	if (alone) console.log(`\n=== ${step.name}: npm run ${step.script}\n`);
	else
		console.log(
			`\n=== ${step.name}: npm run ${step.script} (started; output follows when it ends)`
		);
	return new Promise((resolve) => {
		const child = spawn(npm, ['run', '--silent', step.script], {
			stdio: alone ? 'inherit' : ['ignore', 'pipe', 'pipe']
		});
		/** @type {Buffer[]} */
		const output = [];
		child.stdout?.on('data', (chunk) => output.push(chunk));
		child.stderr?.on('data', (chunk) => output.push(chunk));
		child.on('close', (code) => {
			const passed = code === 0;
			const seconds = Math.round((Date.now() - begun) / 1000);
			if (!alone) {
				console.log(`\n=== ${step.name}: npm run ${step.script}\n`);
				process.stdout.write(Buffer.concat(output));
			}
			console.log(`\n=== ${step.name}: ${passed ? 'passed' : 'FAILED'} (${minutes(seconds)})`);
			resolve({ ...step, passed, seconds });
		});
	});
}

/** @param {number} seconds */
function minutes(seconds) {
	return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
