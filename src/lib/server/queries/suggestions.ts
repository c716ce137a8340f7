/**
 * Storing residents' suggestions for moderation. Nothing here publishes anything: every suggestion is
 * stored with status 'open'. Submitter name and email are personal data, for moderators only, and no
 * public query reads them.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as t from '../db/schema';
import type { Lang } from '../../domain/sessions';
import type { AssetChangeSuggestion, NewAssetSuggestion } from '../../domain/suggestions';
import { entryVisibleToVisitors } from './visibility';
import { countAttempt, currentCount, limitKey } from '../limits/store';
import { insertedId } from '../db/write';

/**
 * Stores a suggested new group. Returns the new suggestion's id.
 * @throws when it could not be stored (a full disk, say): never an id for a row that is not there
 */
export function createNewAssetSuggestion(db: Db, suggestion: NewAssetSuggestion): number {
	const { submitterName, submitterEmail, ...details } = suggestion;
	return insertedId(
		db
			.insert(t.suggestions)
			.values({ kind: 'new', assetId: null, details, submitterName, submitterEmail })
			.run()
	);
}

/**
 * Stores a suggested change to, or a closure report of, an entry a visitor may see. Returns the id,
 * or null when there is no such entry a visitor may see (nothing is stored).
 */
export function createAssetChangeSuggestion(
	db: Db,
	assetId: number,
	suggestion: AssetChangeSuggestion
): number | null {
	const asset = db
		.select({ id: t.assets.id })
		.from(t.assets)
		.where(and(eq(t.assets.id, assetId), entryVisibleToVisitors))
		.get();
	if (!asset) return null;
	const { kind, details, submitterName, submitterEmail } = suggestion;
	return insertedId(
		db
			.insert(t.suggestions)
			.values({ kind, assetId, details: { details }, submitterName, submitterEmail })
			.run()
	);
}

/** Open suggestions, oldest first, for moderators (and tests). Includes personal data. */
export function listOpenSuggestions(db: Db) {
	return db
		.select()
		.from(t.suggestions)
		.where(eq(t.suggestions.status, 'open'))
		.orderBy(asc(t.suggestions.id))
		.all();
}

const TOO_MANY_SUGGESTIONS_MESSAGES: Record<Lang, string> = {
	en: 'You have sent a lot of suggestions. Try again in an hour.',
	cy: 'Rydych wedi anfon llawer o awgrymiadau. Rhowch gynnig arall arni ymhen awr.'
};

const NOT_SENT_MESSAGES: Record<Lang, string> = {
	en: 'Sorry, your suggestion could not be sent because of a problem with the service. Try again later.',
	cy: "Mae'n ddrwg gennym, nid oedd modd anfon eich awgrym oherwydd problem gyda'r gwasanaeth. Rhowch gynnig arall arni yn nes ymlaen."
};

/** What a resident sees when their suggestion could not be stored (a full disk, say). */
export function suggestionNotSentMessage(lang: Lang = 'en'): string {
	return NOT_SENT_MESSAGES[lang];
}

/** What a resident sees once their address has used up its suggestions for the hour. */
export function tooManySuggestionsMessage(lang: Lang = 'en'): string {
	return TOO_MANY_SUGGESTIONS_MESSAGES[lang];
}

/** Suggestions per address per hour. Every suggestion counts, accepted or not. */
export const SUGGESTIONS_PER_HOUR = 5;
const SUGGESTION_WINDOW_MS = 60 * 60 * 1000;

/**
 * Suggestions are counted per address in the database (limits/store.ts): the count survives a
 * restart and every process shares it.
 */
const suggestionKey = (address: string) => limitKey('suggest:address', address);

/** True when the address has used up its suggestions for the hour (counts nothing). */
export function suggestionsUsedUp(db: Db, address: string, now = Date.now()): boolean {
	return (
		currentCount(db, suggestionKey(address), SUGGESTION_WINDOW_MS, now) >= SUGGESTIONS_PER_HOUR
	);
}

/**
 * Counts one suggestion from the address, before it is stored.
 * @returns false when it is one too many for the hour (nothing may be stored then)
 */
export function countSuggestion(db: Db, address: string, now = Date.now()): boolean {
	return (
		countAttempt(db, suggestionKey(address), SUGGESTION_WINDOW_MS, now).count <=
		SUGGESTIONS_PER_HOUR
	);
}
