-- Full-text search over asset text, and a spatial index over asset points.
-- Both are kept in sync with `assets` by triggers, so no code path can forget to update them.
-- drizzle.config.ts excludes these tables (tablesFilter) so drizzle-kit never tries to drop them.

-- External-content FTS5: the text lives in `assets`; this holds only the index.
-- remove_diacritics 2 lets "cafe" find "Café" and "gwyl" find "Gŵyl"; prefix indexes keep 2- and 3-letter
-- prefix queries fast (see STACK.md: ranked 3-letter prefix 12-19 ms on 200,000 rows).
CREATE VIRTUAL TABLE `assets_fts` USING fts5(
	name, name_cy, description, description_cy,
	content='assets', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2',
	prefix='2 3'
);
--> statement-breakpoint
CREATE TRIGGER `assets_fts_after_insert` AFTER INSERT ON `assets` BEGIN
	INSERT INTO assets_fts(rowid, name, name_cy, description, description_cy)
	VALUES (new.id, new.name, new.name_cy, new.description, new.description_cy);
END;
--> statement-breakpoint
CREATE TRIGGER `assets_fts_after_delete` AFTER DELETE ON `assets` BEGIN
	INSERT INTO assets_fts(assets_fts, rowid, name, name_cy, description, description_cy)
	VALUES ('delete', old.id, old.name, old.name_cy, old.description, old.description_cy);
END;
--> statement-breakpoint
CREATE TRIGGER `assets_fts_after_update` AFTER UPDATE OF name, name_cy, description, description_cy ON `assets` BEGIN
	INSERT INTO assets_fts(assets_fts, rowid, name, name_cy, description, description_cy)
	VALUES ('delete', old.id, old.name, old.name_cy, old.description, old.description_cy);
	INSERT INTO assets_fts(rowid, name, name_cy, description, description_cy)
	VALUES (new.id, new.name, new.name_cy, new.description, new.description_cy);
END;
--> statement-breakpoint
-- R*Tree of asset points (a point is a zero-size box). Online and roaming assets have no row.
CREATE VIRTUAL TABLE `assets_rtree` USING rtree(id, min_lon, max_lon, min_lat, max_lat);
--> statement-breakpoint
CREATE TRIGGER `assets_rtree_after_insert` AFTER INSERT ON `assets`
WHEN new.lon IS NOT NULL AND new.lat IS NOT NULL BEGIN
	INSERT INTO assets_rtree(id, min_lon, max_lon, min_lat, max_lat)
	VALUES (new.id, new.lon, new.lon, new.lat, new.lat);
END;
--> statement-breakpoint
CREATE TRIGGER `assets_rtree_after_update` AFTER UPDATE OF lon, lat ON `assets` BEGIN
	DELETE FROM assets_rtree WHERE id = old.id;
	INSERT INTO assets_rtree(id, min_lon, max_lon, min_lat, max_lat)
	SELECT new.id, new.lon, new.lon, new.lat, new.lat
	WHERE new.lon IS NOT NULL AND new.lat IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `assets_rtree_after_delete` AFTER DELETE ON `assets` BEGIN
	DELETE FROM assets_rtree WHERE id = old.id;
END;
--> statement-breakpoint
-- Index the rows that existed before this migration (a database upgraded from an older schema).
INSERT INTO assets_fts(assets_fts) VALUES ('rebuild');
--> statement-breakpoint
INSERT INTO assets_rtree(id, min_lon, max_lon, min_lat, max_lat)
SELECT id, lon, lon, lat, lat FROM assets WHERE lon IS NOT NULL AND lat IS NOT NULL;
