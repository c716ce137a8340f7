/**
 * The fuzz tests' runner: how many generated inputs per entry point (FUZZ_INPUTS, 500 in `npm test`,
 * 5,000 in `npm run bench:fuzz`), the seed (FUZZ_SEED), and what counts as a problem with an answer.
 */
import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import { ImportError } from '../../src/lib/domain/import/errors';
import { prng, type Random } from './fuzz-inputs';

export const INPUTS = Number(process.env.FUZZ_INPUTS ?? 500);
export const SEED = Number(process.env.FUZZ_SEED ?? 14);

/** What was wrong with one answer, or null when it is an acceptable answer. */
export async function problemWith(run: () => unknown): Promise<string | null> {
	try {
		const answer = await run();
		if (answer instanceof Response) {
			if (answer.status >= 500) return `status ${answer.status}`;
			const type = answer.headers.get('content-type') ?? '';
			const body = await answer.text();
			if (type.includes('html') && /<(script|img|svg|b)\b[^>]*fz9x|<[a-z]+[^>]*fz9x/i.test(body))
				return 'markup echoed unescaped in an HTML answer';
			return null;
		}
		if (isActionFailure(answer) && answer.status >= 500) return `action status ${answer.status}`;
		return null;
	} catch (error) {
		if (isRedirect(error)) {
			const location = error.location;
			if (!location.startsWith('/') || location.startsWith('//') || location.startsWith('/\\'))
				return `redirect off the site to ${location}`;
			return null;
		}
		if (isHttpError(error)) return error.status >= 500 ? `error status ${error.status}` : null;
		if (error instanceof ImportError) return null;
		return `threw ${(error as Error)?.stack?.split('\n').slice(0, 3).join(' | ') ?? String(error)}`;
	}
}

/** Runs INPUTS generated calls of one entry point; returns the problems found, with their input. */
export async function fuzz(
	name: string,
	seed: number,
	call: (random: Random) => { input: string; run: () => unknown }
): Promise<string[]> {
	const random = prng(SEED * 7919 + seed);
	const problems: string[] = [];
	for (let i = 0; i < INPUTS; i++) {
		const { input, run } = call(random);
		const problem = await problemWith(run);
		if (problem) problems.push(`${name} #${i} ${problem} for ${input.slice(0, 300)}`);
	}
	return problems;
}
