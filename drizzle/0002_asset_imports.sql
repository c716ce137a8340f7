CREATE TABLE `asset_duplicate_flags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`asset_id` integer NOT NULL,
	`other_asset_id` integer NOT NULL,
	`reason` text NOT NULL,
	`import_run_id` integer,
	`status` text DEFAULT 'open' NOT NULL,
	`reviewed_by` integer,
	`reviewed_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`asset_id`) REFERENCES `assets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`other_asset_id`) REFERENCES `assets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`import_run_id`) REFERENCES `asset_import_runs`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "asset_duplicate_flags_ordered" CHECK("asset_duplicate_flags"."asset_id" < "asset_duplicate_flags"."other_asset_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `asset_duplicate_flags_pair_idx` ON `asset_duplicate_flags` (`asset_id`,`other_asset_id`);--> statement-breakpoint
CREATE INDEX `asset_duplicate_flags_other_idx` ON `asset_duplicate_flags` (`other_asset_id`);--> statement-breakpoint
CREATE INDEX `asset_duplicate_flags_status_idx` ON `asset_duplicate_flags` (`status`);--> statement-breakpoint
CREATE TABLE `asset_import_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`programme_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`format` text NOT NULL,
	`source` text NOT NULL,
	`new_status` text NOT NULL,
	`mapping` text,
	`state` text NOT NULL,
	`upload` blob,
	`report` text NOT NULL,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`imported_at` text,
	FOREIGN KEY (`programme_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `asset_import_runs_state_idx` ON `asset_import_runs` (`state`,`created_at`);