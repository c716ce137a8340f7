/**
 * What a visitor may see, defined once. Every public read (pages, search, print sheets, the Open
 * Referral API, the exports, counts, venue look-ups, the change-suggestion form) filters with these,
 * in SQL, so no page can forget a rule:
 *
 * - an entry is visible when it is published and, if it is an informal support (a person: personal
 *   data), its consent to be shown publicly is recorded;
 * - a patch is visible when it is active (published), not planned or retired;
 * - a contact is visible when its entry is visible, it is marked public, and, for an informal
 *   support, there is consent to show its contact details too.
 *
 * Each rule comes as a Drizzle condition (on the `assets` and `asset_contacts` tables by name) and as
 * a raw SQL fragment for queries that alias the tables (`assets a`, `asset_contacts c`).
 */
import { and, eq, ne, or, sql, type SQL } from 'drizzle-orm';
import * as t from '../db/schema';

/**
 * Drizzle condition on `patches`: a visitor may see this patch. A planned patch (newly drawn or
 * imported) stays with the council until someone publishes it; a retired one is gone.
 */
export const patchVisibleToVisitors: SQL = eq(t.patches.status, 'active');

/** Drizzle condition on `assets`: a visitor may see this entry. */
export const entryVisibleToVisitors: SQL = and(
	eq(t.assets.status, 'published'),
	or(ne(t.assets.kind, 'informal_support'), eq(t.assets.consentPublic, true))
)!;

/**
 * Drizzle condition on `asset_contacts` joined to its entry in `assets`: a visitor may see this
 * contact. The query must join `assets` on `asset_contacts.asset_id`.
 */
export const contactVisibleToVisitors: SQL = and(
	entryVisibleToVisitors,
	eq(t.assetContacts.visibility, 'public'),
	or(ne(t.assets.kind, 'informal_support'), eq(t.assets.consentContactsPublic, true))
)!;

const ALIAS = /^[a-z_][a-z0-9_]*$/i;

function checkedAlias(alias: string): string {
	// Aliases come from code, never from a request; refuse anything else rather than quote it.
	if (!ALIAS.test(alias)) throw new Error(`not a table alias: ${alias}`);
	return alias;
}

/**
 * The same rule as entryVisibleToVisitors, as raw SQL on an aliased `assets` table.
 * @example sql`SELECT a.id FROM assets a WHERE ${entryVisibleSql('a')}`
 */
export function entryVisibleSql(alias: string): SQL {
	return sql.raw(entryVisibleText(checkedAlias(alias)));
}

function entryVisibleText(a: string): string {
	return `(${a}.status = 'published' AND (${a}.kind <> 'informal_support' OR ${a}.consent_public = 1))`;
}

/**
 * The same rule as contactVisibleToVisitors, as raw SQL on an aliased `asset_contacts` (contact)
 * joined to its aliased `assets` (entry).
 * @example sql`SELECT c.value FROM asset_contacts c JOIN assets a ON a.id = c.asset_id WHERE ${contactVisibleSql('c', 'a')}`
 */
export function contactVisibleSql(contactAlias: string, entryAlias: string): SQL {
	const c = checkedAlias(contactAlias);
	const a = checkedAlias(entryAlias);
	return sql.raw(
		`(${entryVisibleText(a)} AND ${c}.visibility = 'public'` +
			` AND (${a}.kind <> 'informal_support' OR ${a}.consent_contacts_public = 1))`
	);
}
