/**
 * The connection finder's ranking. Community first, services last is a hard rule, not a weight:
 *
 * 1. Sections, always in this order: "People and groups nearby" (groups and informal supports),
 *    "Places" (venues), "Services" (community, then commissioned, then statutory: sector before
 *    anything else). No fit, however good, moves an entry into an earlier section.
 * 2. Within a section, stale entries (not checked within the programme's limit) sink below fresh ones.
 * 3. Then by fit, highest first: a weighted sum, each part from 0 to 1 —
 *    interests 0.35 (share of chosen categories and words it matches), time 0.25 (./times.ts),
 *    distance 0.20 (1 at the door, 0 at the edge of their reach; online 1, roaming 0.8),
 *    access needs 0.15 (share of needs it lists), and the rest 0.05 (children, cost, language:
 *    share met). A part the person said nothing about counts 1.
 * 4. Ties: nearer first, then name, then id, so the order never depends on the database.
 *
 * Left out altogether: entries that match none of the chosen interests (when some were chosen), and
 * entries whose age range excludes the person's age. Everything else that does not fit is shown, with
 * what does not fit said plainly (access needs partly met are shown as not fitting, never hidden).
 */
import type { SessionRule } from '../sessions';
import type { ServiceSector } from '../vocabulary';
import type { FinderCandidate } from './candidate';
import type { FinderInputs } from './inputs';
import { timeFit, type TimeFit } from './times';
import { explain } from './why';

export const WEIGHTS = { interests: 0.35, time: 0.25, distance: 0.2, access: 0.15, rest: 0.05 };
export const ROAMING_DISTANCE_FIT = 0.8;

export const SECTIONS = ['people', 'places', 'services'] as const;
export type SectionId = (typeof SECTIONS)[number];
export const SECTION_TITLES: Record<SectionId, string> = {
	people: 'People and groups nearby',
	places: 'Places',
	services: 'Services'
};
const SECTOR_ORDER: Record<ServiceSector, number> = { community: 0, commissioned: 1, statutory: 2 };

/** What the person asked for, with names looked up: each chosen category with its descendants. */
export interface FinderContext {
	inputs: FinderInputs;
	/** Chosen category id → it and its descendants. */
	categoryTrees: Map<string, Set<string>>;
	/** Category names, for the "why" lines. */
	categoryNames: Map<string, string>;
	/** The person's words as terms (finderTerms). */
	terms: string[];
	/** The straight-line metres the person can reach. */
	reachMetres: number;
}

export interface FitParts {
	interests: number;
	time: number;
	distance: number;
	access: number;
	rest: number;
}

export interface RankedEntry<C extends FinderCandidate = FinderCandidate> {
	candidate: C;
	section: SectionId;
	/** 0 to 1, rounded to 3 places so sums that differ only by float noise tie. */
	fit: number;
	parts: FitParts;
	/** Why it fits, in plain words. */
	fits: string[];
	/** What does not fit, in plain words. */
	misses: string[];
	/** The session that meets when the person is free, if any. */
	matchingSession: SessionRule | null;
	/** The chosen categories it matches (a chosen parent matches its children): the log's theme. */
	matchedCategories: string[];
}

export interface FinderSection<C extends FinderCandidate = FinderCandidate> {
	id: SectionId;
	title: string;
	entries: RankedEntry<C>[];
}

export function sectionOf(candidate: Pick<FinderCandidate, 'kind'>): SectionId {
	if (candidate.kind === 'venue') return 'places';
	if (candidate.kind === 'service') return 'services';
	return 'people';
}

const share = (met: number, asked: number) => (asked === 0 ? 1 : met / asked);

/** The interests an entry matches: chosen categories (with their children) and words. */
export function interestsMatched(candidate: FinderCandidate, context: FinderContext) {
	const categories = context.inputs.categories.filter((id) => {
		const tree = context.categoryTrees.get(id);
		return tree ? candidate.categoryIds.some((own) => tree.has(own)) : false;
	});
	const words = context.terms.filter((term) => candidate.wordsMatched.includes(term));
	return { categories, words, asked: context.inputs.categories.length + context.terms.length };
}

/** Whether the entry welcomes someone of this age (no range listed welcomes everyone). */
export function welcomesAge(candidate: FinderCandidate, age: number | null): boolean {
	if (age === null) return true;
	return (
		(candidate.ageMin === null || candidate.ageMin <= age) &&
		(candidate.ageMax === null || candidate.ageMax >= age)
	);
}

function distanceFit(candidate: FinderCandidate, reachMetres: number): number {
	if (candidate.locationKind === 'online') return 1;
	if (candidate.locationKind === 'roaming') return ROAMING_DISTANCE_FIT;
	if (candidate.distanceMetres === null) return 1;
	return Math.max(0, Math.min(1, 1 - candidate.distanceMetres / Math.max(1, reachMetres)));
}

function restFit(candidate: FinderCandidate, inputs: FinderInputs): number {
	let asked = 0;
	let met = 0;
	if (inputs.withChildren) {
		asked++;
		if (candidate.familyFriendly) met++;
	}
	if (inputs.cost) {
		asked++;
		if (candidate.cost === 'free' || (inputs.cost === 'low' && candidate.cost === 'low')) met++;
	}
	if (inputs.language) {
		asked++;
		if (candidate.languages.includes(inputs.language)) met++;
	}
	return share(met, asked);
}

/** Weighs one entry, or null when it is left out (no chosen interest matched, or age excluded). */
export function scoreCandidate<C extends FinderCandidate>(
	candidate: C,
	context: FinderContext
): RankedEntry<C> | null {
	const { inputs } = context;
	const interests = interestsMatched(candidate, context);
	if (interests.asked > 0 && interests.categories.length + interests.words.length === 0)
		return null;
	if (!welcomesAge(candidate, inputs.age)) return null;
	const time: TimeFit = timeFit(candidate.sessions, inputs.slots);
	const accessMet = inputs.access.filter((need) => candidate.accessibility.includes(need));
	const parts: FitParts = {
		interests: share(interests.categories.length + interests.words.length, interests.asked),
		time: time.fit,
		distance: distanceFit(candidate, context.reachMetres),
		access: share(accessMet.length, inputs.access.length),
		rest: restFit(candidate, inputs)
	};
	const sum =
		parts.interests * WEIGHTS.interests +
		parts.time * WEIGHTS.time +
		parts.distance * WEIGHTS.distance +
		parts.access * WEIGHTS.access +
		parts.rest * WEIGHTS.rest;
	const { fits, misses } = explain(candidate, context, { interests, time });
	return {
		candidate,
		section: sectionOf(candidate),
		fit: Math.round(sum * 1000) / 1000,
		parts,
		fits,
		misses,
		matchingSession: time.match?.session ?? null,
		matchedCategories: interests.categories
	};
}

/** The order within a section (see the rules at the top of this file). */
export function compareEntries(a: RankedEntry, b: RankedEntry): number {
	const sector = (entry: RankedEntry) =>
		entry.candidate.sector ? SECTOR_ORDER[entry.candidate.sector] : -1;
	return (
		sector(a) - sector(b) ||
		Number(a.candidate.stale) - Number(b.candidate.stale) ||
		b.fit - a.fit ||
		(a.candidate.distanceMetres ?? 0) - (b.candidate.distanceMetres ?? 0) ||
		a.candidate.name.localeCompare(b.candidate.name, 'en-GB') ||
		a.candidate.id - b.candidate.id
	);
}

/**
 * Ranks candidates into the three sections, in order (every section is returned, empty or not).
 *
 * @example rankCandidates([group, statutoryService], context).map((s) => s.entries.length) // [1, 0, 1]
 */
export function rankCandidates<C extends FinderCandidate>(
	candidates: readonly C[],
	context: FinderContext
): FinderSection<C>[] {
	const bySection = new Map<SectionId, RankedEntry<C>[]>(SECTIONS.map((id) => [id, []]));
	for (const candidate of candidates) {
		const entry = scoreCandidate(candidate, context);
		if (entry) bySection.get(entry.section)!.push(entry);
	}
	return SECTIONS.map((id) => ({
		id,
		title: SECTION_TITLES[id],
		entries: bySection.get(id)!.sort(compareEntries)
	}));
}
