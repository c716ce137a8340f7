/**
 * "Why it fits" and "what does not", in plain words from the person's own answers:
 * "Tuesdays 10:00-12:00 (you said Tuesday mornings) · 600 metres, about 10 minutes’ walk ·
 * step-free · free" and "no hearing loop listed".
 */
import { LANGUAGE_NAMES } from '../vocabulary';
import type { FinderCandidate } from './candidate';
import type { FinderContext } from './score';
import { sessionWords, slotWords, type TimeFit } from './times';
import { distanceWords } from './walking';

/** Access features as a short phrase, lower case, for the middle of a line. */
export const ACCESS_WORDS: Record<string, string> = {
	step_free: 'step-free',
	accessible_toilet: 'accessible toilet',
	hearing_loop: 'hearing loop',
	quiet_space: 'quiet space',
	parking: 'accessible parking',
	baby_change: 'baby changing',
	large_print: 'large print',
	bsl: 'British Sign Language',
	assistance_dogs: 'assistance dogs welcome',
	public_transport: 'near a bus stop or station'
};

interface Matched {
	interests: { categories: string[]; words: string[] };
	time: TimeFit;
}

/** The lines for one entry: what fits (in the order the page joins with " · ") and what does not. */
export function explain(
	candidate: FinderCandidate,
	context: FinderContext,
	{ interests, time }: Matched
): { fits: string[]; misses: string[] } {
	const { inputs } = context;
	const fits: string[] = [];
	const misses: string[] = [];

	const about = [
		...interests.categories.map((id) => context.categoryNames.get(id) ?? id),
		...interests.words.map((word) => `“${word}”`)
	];
	if (about.length) fits.push(`about ${about.join(', ')}`);

	if (time.match) {
		fits.push(`${sessionWords(time.match.session)} (you said ${slotWords(time.match.slot)})`);
	} else if (inputs.slots.length && !time.unknown) {
		const when = candidate.sessions.map((session) => sessionWords(session, true)).join('; ');
		misses.push(`meets ${when}: not at a time you said`);
	} else if (time.unknown && candidate.kind !== 'venue') {
		misses.push('no regular times listed');
	} else if (!inputs.slots.length && candidate.sessions.length) {
		fits.push(candidate.sessions.map((session) => sessionWords(session)).join('; '));
	}

	if (candidate.locationKind === 'online') fits.push('online');
	else if (candidate.locationKind === 'roaming') fits.push('no fixed place: comes to people');
	else if (candidate.distanceMetres !== null) fits.push(distanceWords(candidate.distanceMetres));

	for (const need of inputs.access) {
		if (candidate.accessibility.includes(need)) fits.push(ACCESS_WORDS[need] ?? need);
		else misses.push(`no ${ACCESS_WORDS[need] ?? need} listed`);
	}

	if (inputs.withChildren) {
		if (candidate.familyFriendly) fits.push('family-friendly');
		else misses.push('not listed as family-friendly');
	}
	if (inputs.language) {
		const name = LANGUAGE_NAMES[inputs.language] ?? inputs.language;
		if (candidate.languages.includes(inputs.language)) fits.push(`in ${name}`);
		else misses.push(`${name} not listed`);
	}
	if (candidate.cost === 'free') fits.push('free');
	else if (candidate.cost === 'low') {
		if (inputs.cost === 'free') misses.push('low cost, not free');
		else fits.push('low cost');
	} else if (inputs.cost) {
		misses.push(candidate.cost === 'paid' ? 'costs money' : 'cost not listed');
	}
	if (candidate.stale) misses.push('not checked recently: check it is still running');
	return { fits, misses };
}
