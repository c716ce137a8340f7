-- A second full-text index over entry names only (English and Welsh), for ranking searches by words.
-- An entry whose name holds the words ranks above one that only mentions them in its description,
-- and among those names the shortest comes first (the words are most of the name).
--
-- The rowid is the ranking key: length(name) * 2^32 + asset id. FTS5 returns matches in rowid order,
-- so "ORDER BY rowid LIMIT 20" reads the first 20 matches and stops, however many entries match: a
-- 3-letter prefix on 300,000 entries costs well under a millisecond instead of scoring every match.
-- The asset id is rowid % 4294967296 (src/lib/server/directory/names.ts holds the same rule).
--
-- Contentless (content=''): the names live in `assets`; deleting needs the old values, which the
-- triggers have. Same tokenizer and prefix indexes as assets_fts, so both match the same words.
CREATE VIRTUAL TABLE `asset_names_fts` USING fts5(
	name, name_cy,
	content='',
	tokenize='unicode61 remove_diacritics 2',
	prefix='2 3'
);
--> statement-breakpoint
CREATE TRIGGER `asset_names_fts_after_insert` AFTER INSERT ON `assets` BEGIN
	INSERT INTO asset_names_fts(rowid, name, name_cy)
	VALUES (length(new.name) * 4294967296 + new.id, new.name, new.name_cy);
END;
--> statement-breakpoint
CREATE TRIGGER `asset_names_fts_after_delete` AFTER DELETE ON `assets` BEGIN
	INSERT INTO asset_names_fts(asset_names_fts, rowid, name, name_cy)
	VALUES ('delete', length(old.name) * 4294967296 + old.id, old.name, old.name_cy);
END;
--> statement-breakpoint
CREATE TRIGGER `asset_names_fts_after_update` AFTER UPDATE OF name, name_cy ON `assets` BEGIN
	INSERT INTO asset_names_fts(asset_names_fts, rowid, name, name_cy)
	VALUES ('delete', length(old.name) * 4294967296 + old.id, old.name, old.name_cy);
	INSERT INTO asset_names_fts(rowid, name, name_cy)
	VALUES (length(new.name) * 4294967296 + new.id, new.name, new.name_cy);
END;
--> statement-breakpoint
-- Index the entries that existed before this migration.
INSERT INTO asset_names_fts(rowid, name, name_cy)
SELECT length(name) * 4294967296 + id, name, name_cy FROM assets;
