CREATE TABLE `asset_categories` (
	`asset_id` integer NOT NULL,
	`category_id` text NOT NULL,
	PRIMARY KEY(`asset_id`, `category_id`),
	FOREIGN KEY (`asset_id`) REFERENCES `assets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `asset_categories_category_idx` ON `asset_categories` (`category_id`);--> statement-breakpoint
CREATE TABLE `asset_contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`asset_id` integer NOT NULL,
	`kind` text NOT NULL,
	`label` text,
	`value` text NOT NULL,
	`visibility` text DEFAULT 'public' NOT NULL,
	FOREIGN KEY (`asset_id`) REFERENCES `assets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `asset_contacts_asset_idx` ON `asset_contacts` (`asset_id`);--> statement-breakpoint
CREATE TABLE `asset_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`asset_id` integer NOT NULL,
	`frequency` text NOT NULL,
	`weekday` integer NOT NULL,
	`week_of_month` integer,
	`anchor_date` text,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	`note` text,
	FOREIGN KEY (`asset_id`) REFERENCES `assets`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "asset_sessions_weekday" CHECK("asset_sessions"."weekday" BETWEEN 1 AND 7),
	CONSTRAINT "asset_sessions_times" CHECK("asset_sessions"."start_time" < "asset_sessions"."end_time")
);
--> statement-breakpoint
CREATE INDEX `asset_sessions_asset_idx` ON `asset_sessions` (`asset_id`);--> statement-breakpoint
CREATE INDEX `asset_sessions_weekday_idx` ON `asset_sessions` (`weekday`);--> statement-breakpoint
CREATE TABLE `assets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`programme_id` integer NOT NULL,
	`kind` text NOT NULL,
	`sector` text,
	`name` text NOT NULL,
	`name_cy` text,
	`description` text DEFAULT '' NOT NULL,
	`description_cy` text,
	`location_kind` text DEFAULT 'place' NOT NULL,
	`lon` real,
	`lat` real,
	`address` text,
	`postcode` text,
	`venue_id` integer,
	`accessibility` text DEFAULT '[]' NOT NULL,
	`age_min` integer,
	`age_max` integer,
	`family_friendly` integer DEFAULT false NOT NULL,
	`cost` text,
	`cost_detail` text,
	`languages` text DEFAULT '[]' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`last_verified_on` text,
	`last_verified_by` integer,
	`source` text DEFAULT 'patchwork' NOT NULL,
	`external_id` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`programme_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`venue_id`) REFERENCES `assets`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`last_verified_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "assets_sector_only_for_services" CHECK(("assets"."kind" = 'service') = ("assets"."sector" IS NOT NULL)),
	CONSTRAINT "assets_point_when_place" CHECK(("assets"."location_kind" = 'place') = ("assets"."lon" IS NOT NULL AND "assets"."lat" IS NOT NULL)),
	CONSTRAINT "assets_ages" CHECK("assets"."age_min" IS NULL OR "assets"."age_max" IS NULL OR "assets"."age_min" <= "assets"."age_max")
);
--> statement-breakpoint
CREATE INDEX `assets_programme_status_idx` ON `assets` (`programme_id`,`status`);--> statement-breakpoint
CREATE INDEX `assets_kind_idx` ON `assets` (`kind`);--> statement-breakpoint
CREATE INDEX `assets_venue_idx` ON `assets` (`venue_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `assets_source_external_idx` ON `assets` (`source`,`external_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`user_id` integer,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`detail` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `categories` (
	`id` text PRIMARY KEY NOT NULL,
	`parent_id` text,
	`name` text NOT NULL,
	`name_cy` text,
	`description` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `connections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`made_on` text NOT NULL,
	`patch_id` integer,
	`asset_id` integer,
	`theme` text,
	`recorded_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`patch_id`) REFERENCES `patches`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`asset_id`) REFERENCES `assets`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`theme`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `connections_patch_idx` ON `connections` (`patch_id`,`made_on`);--> statement-breakpoint
CREATE TABLE `login_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `login_sessions_user_idx` ON `login_sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `patch_coordinators` (
	`patch_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	PRIMARY KEY(`patch_id`, `user_id`),
	FOREIGN KEY (`patch_id`) REFERENCES `patches`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `patches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`programme_id` integer NOT NULL,
	`name` text NOT NULL,
	`name_cy` text,
	`slug` text NOT NULL,
	`description` text,
	`boundary` text NOT NULL,
	`min_lon` real NOT NULL,
	`min_lat` real NOT NULL,
	`max_lon` real NOT NULL,
	`max_lat` real NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`programme_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `patches_slug_unique` ON `patches` (`slug`);--> statement-breakpoint
CREATE INDEX `patches_programme_idx` ON `patches` (`programme_id`);--> statement-breakpoint
CREATE TABLE `population_sets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`programme_id` integer,
	`name` text NOT NULL,
	`reference_date` text NOT NULL,
	`source` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`programme_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `population_sets_name_idx` ON `population_sets` (`programme_id`,`name`);--> statement-breakpoint
CREATE TABLE `population_values` (
	`population_set_id` integer NOT NULL,
	`small_area_id` integer NOT NULL,
	`value` integer NOT NULL,
	PRIMARY KEY(`population_set_id`, `small_area_id`),
	FOREIGN KEY (`population_set_id`) REFERENCES `population_sets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`small_area_id`) REFERENCES `small_areas`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "population_values_non_negative" CHECK("population_values"."value" >= 0)
);
--> statement-breakpoint
CREATE TABLE `postcodes` (
	`postcode` text PRIMARY KEY NOT NULL,
	`lat` real NOT NULL,
	`lon` real NOT NULL
);
--> statement-breakpoint
CREATE TABLE `presence_sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`venue_id` integer NOT NULL,
	`weekday` integer NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	`note` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`venue_id`) REFERENCES `assets`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "presence_sessions_weekday" CHECK("presence_sessions"."weekday" BETWEEN 1 AND 7),
	CONSTRAINT "presence_sessions_times" CHECK("presence_sessions"."start_time" < "presence_sessions"."end_time")
);
--> statement-breakpoint
CREATE INDEX `presence_sessions_user_idx` ON `presence_sessions` (`user_id`);--> statement-breakpoint
CREATE INDEX `presence_sessions_venue_idx` ON `presence_sessions` (`venue_id`);--> statement-breakpoint
CREATE TABLE `programmes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`name_cy` text,
	`description` text,
	`is_fictional` integer DEFAULT false NOT NULL,
	`boundary` text,
	`limit_small_min` integer DEFAULT 8000 NOT NULL,
	`limit_usual_min` integer DEFAULT 10000 NOT NULL,
	`limit_usual_max` integer DEFAULT 12000 NOT NULL,
	`limit_max` integer DEFAULT 15000 NOT NULL,
	`default_population_set_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`default_population_set_id`) REFERENCES `population_sets`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `programmes_slug_unique` ON `programmes` (`slug`);--> statement-breakpoint
CREATE TABLE `small_areas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`kind` text NOT NULL,
	`name` text,
	`geometry` text NOT NULL,
	`min_lon` real NOT NULL,
	`min_lat` real NOT NULL,
	`max_lon` real NOT NULL,
	`max_lat` real NOT NULL,
	`point_lon` real NOT NULL,
	`point_lat` real NOT NULL,
	`area_m2` real NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `small_areas_code_unique` ON `small_areas` (`code`);--> statement-breakpoint
CREATE INDEX `small_areas_kind_idx` ON `small_areas` (`kind`);--> statement-breakpoint
CREATE TABLE `suggestions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`asset_id` integer,
	`details` text NOT NULL,
	`submitter_name` text,
	`submitter_email` text,
	`status` text DEFAULT 'open' NOT NULL,
	`reviewed_by` integer,
	`reviewed_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`asset_id`) REFERENCES `assets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `suggestions_status_idx` ON `suggestions` (`status`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text,
	`disabled` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);