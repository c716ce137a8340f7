/**
 * What the patch editor says aloud after a change, and which live region says it. Each change is
 * said once: a step taken with the keyboard tools (drawing, changing corners) by the tools' own
 * region, with the figures of the shape it made in the same sentence; any other change (a corner
 * dragged with the mouse or a finger, a boundary put back) by the estimate panel's region. The first
 * estimate of the page is the saved boundary's: nothing changed, so nothing is said.
 * Plain functions, no DOM: the editor and the page call them.
 */
import { BAND_LABELS, type Band } from '$lib/domain/bands';
import { formatNumber } from '$lib/domain/format';

/** Why the editor made an estimate: it says which live region announces it (see panelSpeaks). */
export type EstimateCause =
	/** The page's first estimate, of the boundary it opened with. */
	| 'first'
	/** A keyboard tool's step; the tool has said it with its figures. */
	| 'tools'
	/** Anything else: the mouse, a finger, or a button that replaced the shape. */
	| 'map';

/** Whether the estimate panel's live region should announce an estimate made for `cause`. */
export function panelSpeaks(cause: EstimateCause): boolean {
	return cause === 'map';
}

/** The figures a tool's announcement carries: people (by the estimate's method), band, a problem. */
export interface SpokenFigures {
	/** Whole people. */
	people: number;
	band: Band;
	/** The first problem the engine found with the shape, as a sentence (null: none). */
	problem: string | null;
}

/** The figures to say from an engine estimate (null when there is none). */
export function spokenFigures(
	estimate: { population: number; band: Band; problems: { message: string }[] } | null
): SpokenFigures | null {
	if (!estimate) return null;
	return {
		people: Math.round(estimate.population),
		band: estimate.band,
		problem: estimate.problems[0]?.message ?? null
	};
}

/**
 * The people and band in words.
 * @example peoplePhrase({ people: 6907, band: 'under', problem: null }) // 'about 6,907 people (Under)'
 */
export function peoplePhrase({ people, band }: SpokenFigures): string {
	return `about ${formatNumber(people)} ${people === 1 ? 'person' : 'people'} (${BAND_LABELS[band]})`;
}

/** The sentence, then the problem as a sentence of its own (the engine's have no full stop). */
const withProblem = (sentence: string, { problem }: SpokenFigures) =>
	problem ? `${sentence} ${problem}${/[.!?]$/.test(problem) ? '' : '.'}` : sentence;

/**
 * A step's one-sentence result followed by the figures: "Change to corner 4 kept." becomes
 * "Change to corner 4 kept: about 10,234 people (Usual)." (and the first problem, if any).
 * With no figures (the shape could not be estimated), `message` as it is.
 */
export function resultWithFigures(message: string, figures: SpokenFigures | null): string {
	if (!figures) return message;
	return withProblem(`${message.replace(/\.$/, '')}: ${peoplePhrase(figures)}.`, figures);
}

/**
 * A step's message with the figures of the shape it made as a sentence after its first one, so what
 * the step did comes first and what to do next stays last:
 * "Corner 7 of 37 moved 100 metres north. Enter keeps the change." becomes
 * "Corner 7 of 37 moved 100 metres north. About 6,907 people (Under). Enter keeps the change."
 */
export function stepWithFigures(message: string, figures: SpokenFigures | null): string {
	if (!figures) return message;
	const end = message.search(/\.(\s|$)/);
	const [first, rest] =
		end < 0 ? [message, ''] : [message.slice(0, end + 1), message.slice(end + 1)];
	const phrase = peoplePhrase(figures);
	const sentence = withProblem(`${first} ${phrase[0].toUpperCase()}${phrase.slice(1)}.`, figures);
	return `${sentence}${rest}`;
}
