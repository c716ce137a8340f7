/** What the editor page is given besides its fields: the lists it offers, and a conflict to show. */

export interface EntryChoices {
	categories: { id: string; parentId: string | null; name: string }[];
	venues: { id: number; name: string }[];
	patches: { id: number; name: string }[];
	/** Known languages, plus any other code the entry already has. */
	languages: { code: string; name: string }[];
	/** Where the map opens for a new place: the middle of the programme's patches. */
	centre: { lon: number; lat: number } | null;
}

/** One field someone else changed, in words: theirs (saved now), where you started, what you typed. */
export interface ConflictRow {
	field: string;
	label: string;
	theirs: string;
	/** null when the form did not say which version it started from. */
	started: string | null;
	/** Your different value, kept in the form; null when you left the field as it was. */
	yours: string | null;
}

export interface ConflictView {
	/** Who saved first, e.g. "Tracey Thwaite (Local area coordinator)". */
	by: string | null;
	/** When, e.g. "10 June 2026 at 14:05". */
	at: string;
	rows: ConflictRow[];
}
