/**
 * Who sees what, in one place for code that holds entries in memory (the SQL form of the same rules
 * is src/lib/server/queries/visibility.ts, tested to agree): a visitor sees a published entry, and an
 * informal support (a person) only with their consent to be shown; its contacts only with consent for
 * those too, and coordinators-only contacts never.
 */

export interface VisibilityFacts {
	status: string;
	kind: string;
	consentPublic: boolean;
	consentContactsPublic?: boolean;
}

/** Whether a visitor may see the entry at all. */
export const isShownToVisitors = (entry: VisibilityFacts): boolean =>
	entry.status === 'published' && (entry.kind !== 'informal_support' || entry.consentPublic);

/** Whether a visitor may see the entry's public contacts. */
export const areContactsShownToVisitors = (entry: VisibilityFacts): boolean =>
	isShownToVisitors(entry) &&
	(entry.kind !== 'informal_support' || entry.consentContactsPublic === true);
