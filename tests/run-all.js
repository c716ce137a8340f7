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
// CI shows only the end of the output, so the failing tests are named again here, last.
for (const step of failed) {
	const lines = failureLines(step.output);
	if (lines.length === 0) continue;
	console.log(`\nWhat failed in ${step.name}:`);
	for (const line of lines) console.log(`  ${line}`);
}
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
			stdio: ['ignore', 'pipe', 'pipe']
		});
		/** @type {Buffer[]} */
		const output = [];
		/** @param {Buffer} chunk */
		const keep = (chunk) => {
			output.push(chunk);
			if (alone) process.stdout.write(chunk);
		};
		child.stdout.on('data', keep);
		child.stderr.on('data', keep);
		child.on('close', (code) => {
			const passed = code === 0;
			const seconds = Math.round((Date.now() - begun) / 1000);
			if (!alone) {
				console.log(`\n=== ${step.name}: npm run ${step.script}\n`);
				process.stdout.write(Buffer.concat(output));
			}
			console.log(`\n=== ${step.name}: ${passed ? 'passed' : 'FAILED'} (${minutes(seconds)})`);
			resolve({ ...step, passed, seconds, output: Buffer.concat(output).toString('utf8') });
		});
	});
}

/**
 * The lines that name a failing test or file (Vitest's "FAIL", Playwright's numbered failures, a
 * type or lint error's file line) and the first error message after each, at most 40 lines.
 * @param {string} output
 */
function failureLines(output) {
	// eslint-disable-next-line no-control-regex
	const lines = output.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
	const names = /^\s*(FAIL\s|\d+\) \[|✘|×|Error:|.*\berror\b.*:\d+:\d+)/;
	const message = /(Error|expected|Expected|Received|Timeout|timed out)/;
	const found = [];
	const seen = new Set();
	for (let i = 0; i < lines.length && found.length < 40; i++) {
		const line = lines[i].trim();
		if (!names.test(lines[i]) || seen.has(line)) continue;
		seen.add(line);
		found.push(line.slice(0, 220));
		const next = lines.slice(i + 1, i + 12).find((l) => message.test(l));
		if (next && !seen.has(next.trim())) found.push(`    ${next.trim().slice(0, 220)}`);
	}
	return found;
}

/** @param {number} seconds */
function minutes(seconds) {
	return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
