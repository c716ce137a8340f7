CREATE TABLE `sign_in_links` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `asset_patches` (
	`asset_id` integer NOT NULL,
	`patch_id` integer NOT NULL,
	PRIMARY KEY(`asset_id`, `patch_id`),
	FOREIGN KEY (`asset_id`) REFERENCES `assets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`patch_id`) REFERENCES `patches`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `asset_patches_patch_idx` ON `asset_patches` (`patch_id`);--> statement-breakpoint
CREATE TABLE `entry_check_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`asset_id` integer NOT NULL,
	`email` text NOT NULL,
	`token_hash` text NOT NULL,
	`sent_at` text NOT NULL,
	`reminder_sent_at` text,
	`expires_at` text NOT NULL,
	`answered_at` text,
	`answer` text,
	FOREIGN KEY (`asset_id`) REFERENCES `assets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `entry_check_requests_token_hash_unique` ON `entry_check_requests` (`token_hash`);--> statement-breakpoint
CREATE INDEX `entry_check_requests_asset_idx` ON `entry_check_requests` (`asset_id`);--> statement-breakpoint
CREATE TABLE `form_drafts` (
	`id` text PRIMARY KEY NOT NULL,
	`path` text NOT NULL,
	`data` text NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `job_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`job` text NOT NULL,
	`ran_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`summary` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `job_runs_job_idx` ON `job_runs` (`job`,`ran_at`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`to_address` text NOT NULL,
	`subject` text NOT NULL,
	`body_text` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`last_error` text,
	`sent_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `outbox_status_idx` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`count` integer NOT NULL,
	`window_started_at` integer NOT NULL,
	`blocked_until` integer
);
--> statement-breakpoint
ALTER TABLE `programmes` ADD `check_due_months` integer DEFAULT 6 NOT NULL;--> statement-breakpoint
ALTER TABLE `programmes` ADD `check_stale_months` integer DEFAULT 12 NOT NULL;--> statement-breakpoint
ALTER TABLE `programmes` ADD `archive_after_months` integer DEFAULT 18 NOT NULL;--> statement-breakpoint
ALTER TABLE `assets` ADD `last_verified_via` text;--> statement-breakpoint
ALTER TABLE `assets` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `assets` ADD `archived_at` text;--> statement-breakpoint
ALTER TABLE `assets` ADD `archived_reason` text;--> statement-breakpoint
ALTER TABLE `assets` ADD `merged_into_id` integer REFERENCES assets(id);--> statement-breakpoint
ALTER TABLE `assets` ADD `consent_recorded_on` text;--> statement-breakpoint
ALTER TABLE `assets` ADD `consent_how` text;--> statement-breakpoint
ALTER TABLE `assets` ADD `consent_public` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `assets` ADD `consent_public_on` text;--> statement-breakpoint
ALTER TABLE `assets` ADD `consent_contacts_public` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `presence_sessions` ADD `on_date` text;--> statement-breakpoint
ALTER TABLE `suggestions` ADD `review_note` text;--> statement-breakpoint
-- Who last checked each entry, as a role, so the label survives the user's deletion.
UPDATE `assets` SET `last_verified_via` = (SELECT `role` FROM `users` WHERE `users`.`id` = `assets`.`last_verified_by`) WHERE `last_verified_by` IS NOT NULL;
