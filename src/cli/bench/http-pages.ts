/**
 * What the HTTP benchmark asks for, and how it checks the writes afterwards: both read the demo
 * database file directly (an entry to show, the saved descriptions and suggestions).
 */
import Database from 'better-sqlite3';
import type { Acknowledged } from './http-writer';

/** The demo coordinator's patch: the writer edits its entries while the load reads its page. */
export const DEMO_PATCH = 'aldermoor-and-starling-bank';

/** Run by default; `search-miss` (2,700 searches, none asked twice while the cache could keep it) on request. */
export const PAGE_SETS = ['mix', 'search', 'patch'] as const;
export type PageSet = (typeof PAGE_SETS)[number] | 'search-miss';

/** What residents type, with and without filters: words, prefixes, a postcode, days, paging. */
export const SEARCHES = [
	'q=coffee',
	'q=caf',
	'q=walking+group',
	'q=choir',
	'q=art&kind=group',
	'q=knit',
	'q=food&cost=free',
	'q=yoga&day=tue&time=morning',
	'q=football&age=9',
	'q=support&access=step_free',
	'q=cymraeg',
	'q=club&page=2',
	'q=garden&postcode=FV1+0LW&radius=5',
	'q=%22unterminated',
	'q=' + encodeURIComponent("'; DROP TABLE assets; --")
].map((query) => `/search?${query}`);

const WORDS = [
	'walk',
	'coffee',
	'choir',
	'art',
	'knit',
	'food',
	'yoga',
	'football',
	'garden',
	'club',
	'support',
	'music',
	'book',
	'craft',
	'chat',
	'dance',
	'swim',
	'run',
	'tea',
	'lunch',
	'men',
	'women',
	'young',
	'older',
	'carers',
	'health',
	'money',
	'advice',
	'church',
	'library'
];
const FILTERS = [
	'',
	'&kind=group',
	'&cost=free',
	'&day=tue',
	'&day=sat',
	'&time=morning',
	'&age=9',
	'&access=step_free',
	'&kind=venue',
	'&postcode=FV1+0LW&radius=5'
];

/**
 * More distinct searches than the read cache keeps (2,000), cycled in order, so every request is
 * searched afresh: what a search costs when nobody asked it since the last write.
 */
export const SEARCHES_NEVER_CACHED = WORDS.flatMap((word) =>
	FILTERS.flatMap((filter) =>
		[
			'',
			'&page=2',
			'&sort=name',
			'&page=3',
			'&sort=distance',
			'&page=4',
			'&page=5',
			'&page=6',
			'&page=7'
		].map((extra) => `/search?q=${word}${filter}${extra}`)
	)
);

/** The paths of each page set, with a published entry of the demo for the entry page. */
export function pagesFor(databasePath: string): Record<PageSet, string[]> {
	const sqlite = new Database(databasePath, { readonly: true });
	try {
		const asset = sqlite
			.prepare(
				`SELECT id FROM assets WHERE status = 'published' AND kind = 'group' ORDER BY id LIMIT 1`
			)
			.pluck()
			.get() as number | undefined;
		if (asset === undefined) throw new Error('The demo database has no published group');
		const patch = `/patches/${DEMO_PATCH}`;
		return {
			mix: [
				'/',
				patch,
				SEARCHES[4],
				`/assets/${asset}`,
				'/api/openreferral/services',
				SEARCHES[7],
				'/cy',
				`${SEARCHES[12]}`
			],
			search: SEARCHES,
			patch: [patch],
			'search-miss': SEARCHES_NEVER_CACHED
		};
	} finally {
		sqlite.close();
	}
}

/**
 * Looks for each acknowledged write in the database (the server stopped): a save by its marker in
 * the audit log's record of the entry after the save, a suggestion by its name.
 */
export function checkWrites(databasePath: string, done: Acknowledged) {
	const sqlite = new Database(databasePath, { readonly: true });
	try {
		const edit = sqlite
			.prepare(`SELECT count(*) FROM audit_log WHERE entity_id = ? AND instr(detail, ?) > 0`)
			.pluck();
		const suggestion = sqlite
			.prepare(`SELECT count(*) FROM suggestions WHERE json_extract(details, '$.name') = ?`)
			.pluck();
		const editsFound = done.edits.filter(
			({ entryId, marker }) => (edit.get(String(entryId), `(${marker})`) as number) > 0
		).length;
		const suggestionsFound = done.suggestions.filter(
			(name) => (suggestion.get(name) as number) === 1
		).length;
		return {
			acknowledged: done.edits.length + done.suggestions.length,
			found: editsFound + suggestionsFound,
			edits: { acknowledged: done.edits.length, found: editsFound },
			suggestions: { acknowledged: done.suggestions.length, found: suggestionsFound },
			failures: done.failures
		};
	} finally {
		sqlite.close();
	}
}
