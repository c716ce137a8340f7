ALTER TABLE `connections` ADD `kind` text DEFAULT 'connected' NOT NULL;--> statement-breakpoint
CREATE INDEX `connections_recorded_by_idx` ON `connections` (`recorded_by`,`made_on`);