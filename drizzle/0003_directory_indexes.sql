-- Indexes for the public directory search (src/lib/server/queries/directory.ts).
-- Browsing with no words and no place walks published entries in name order, or newest check first,
-- without sorting the whole table.
CREATE INDEX IF NOT EXISTS `assets_directory_name_idx` ON `assets` (`status`, `name`);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS `assets_directory_checked_idx` ON `assets` (`status`, `last_verified_on`);
--> statement-breakpoint
-- The day and time-of-day filter probes an asset's sessions: this covers it without reading rows.
CREATE INDEX IF NOT EXISTS `asset_sessions_asset_day_idx` ON `asset_sessions` (`asset_id`, `weekday`, `start_time`);
