/**
 * The names index (drizzle/0004_names_index.sql): entries whose name holds the words, in ranking
 * order. Its rowid is length(name) * 2^32 + asset id, so FTS5's own rowid order is "shortest name
 * first, then id", and a page of the best name matches is read without scoring every match.
 */
import { sql, type SQL } from 'drizzle-orm';

/** 2^32: the asset id is the rowid modulo this; the name's length is the rowid divided by it. */
const ID_SPAN = 4294967296;

/** The asset id of a names-index row (`n` is the index's alias). */
export const nameRowAssetId = sql.raw(`(n.rowid % ${ID_SPAN})`);

/** An asset's names-index rowid, computed from `assets a` exactly as the triggers do. */
export const assetNameKey = sql.raw(`(length(a.name) * ${ID_SPAN} + a.id)`);

/** FROM clause: the names index joined to its assets. */
export const namesFrom = sql`FROM asset_names_fts n CROSS JOIN assets a ON a.id = ${nameRowAssetId}`;

/** The words matched against names only (English or Welsh). */
export const namesMatch = (match: string): SQL => sql`asset_names_fts MATCH ${match}`;
