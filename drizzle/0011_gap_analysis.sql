CREATE TABLE `deprivation_sets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`index_kind` text NOT NULL,
	`name` text NOT NULL,
	`source` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `gap_data_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `small_area_deprivation` (
	`deprivation_set_id` integer NOT NULL,
	`small_area_id` integer NOT NULL,
	`lsoa_code` text NOT NULL,
	`decile` integer NOT NULL,
	PRIMARY KEY(`deprivation_set_id`, `small_area_id`),
	FOREIGN KEY (`deprivation_set_id`) REFERENCES `deprivation_sets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`small_area_id`) REFERENCES `small_areas`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "small_area_deprivation_decile" CHECK("small_area_deprivation"."decile" between 1 and 10)
);
--> statement-breakpoint
CREATE TABLE `empty_searches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`searched_on` text NOT NULL,
	`category` text DEFAULT '' NOT NULL,
	`kind` text DEFAULT '' NOT NULL,
	`day` text DEFAULT '' NOT NULL,
	`patch` text DEFAULT '' NOT NULL,
	`text` text DEFAULT '' NOT NULL,
	`count` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `empty_searches_key_idx` ON `empty_searches` (`searched_on`,`category`,`kind`,`day`,`patch`,`text`);--> statement-breakpoint
ALTER TABLE `programmes` ADD `record_empty_searches` integer DEFAULT true NOT NULL;
--> statement-breakpoint
-- The gap analysis caches its figures per version of the data it reads: every write to those tables
-- bumps the version (custom statements; drizzle-kit does not manage triggers).
INSERT INTO `gap_data_version` (`id`, `version`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `assets_gap_version_insert` AFTER INSERT ON `assets` BEGIN UPDATE `gap_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `assets_gap_version_update` AFTER UPDATE ON `assets` BEGIN UPDATE `gap_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `assets_gap_version_delete` AFTER DELETE ON `assets` BEGIN UPDATE `gap_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `asset_categories_gap_version_insert` AFTER INSERT ON `asset_categories` BEGIN UPDATE `gap_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `asset_categories_gap_version_update` AFTER UPDATE ON `asset_categories` BEGIN UPDATE `gap_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `asset_categories_gap_version_delete` AFTER DELETE ON `asset_categories` BEGIN UPDATE `gap_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `asset_patches_gap_version_insert` AFTER INSERT ON `asset_patches` BEGIN UPDATE `gap_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `asset_patches_gap_version_update` AFTER UPDATE ON `asset_patches` BEGIN UPDATE `gap_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `asset_patches_gap_version_delete` AFTER DELETE ON `asset_patches` BEGIN UPDATE `gap_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `asset_sessions_gap_version_insert` AFTER INSERT ON `asset_sessions` BEGIN UPDATE `gap_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `asset_sessions_gap_version_update` AFTER UPDATE ON `asset_sessions` BEGIN UPDATE `gap_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `asset_sessions_gap_version_delete` AFTER DELETE ON `asset_sessions` BEGIN UPDATE `gap_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `categories_gap_version_insert` AFTER INSERT ON `categories` BEGIN UPDATE `gap_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `categories_gap_version_update` AFTER UPDATE ON `categories` BEGIN UPDATE `gap_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `categories_gap_version_delete` AFTER DELETE ON `categories` BEGIN UPDATE `gap_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `patches_gap_version_insert` AFTER INSERT ON `patches` BEGIN UPDATE `gap_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `patches_gap_version_update` AFTER UPDATE ON `patches` BEGIN UPDATE `gap_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `patches_gap_version_delete` AFTER DELETE ON `patches` BEGIN UPDATE `gap_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `small_areas_gap_version_insert` AFTER INSERT ON `small_areas` BEGIN UPDATE `gap_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `small_areas_gap_version_update` AFTER UPDATE ON `small_areas` BEGIN UPDATE `gap_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `small_areas_gap_version_delete` AFTER DELETE ON `small_areas` BEGIN UPDATE `gap_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `population_sets_gap_version_insert` AFTER INSERT ON `population_sets` BEGIN UPDATE `gap_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `population_sets_gap_version_update` AFTER UPDATE ON `population_sets` BEGIN UPDATE `gap_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `population_sets_gap_version_delete` AFTER DELETE ON `population_sets` BEGIN UPDATE `gap_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `population_values_gap_version_insert` AFTER INSERT ON `population_values` BEGIN UPDATE `gap_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `population_values_gap_version_update` AFTER UPDATE ON `population_values` BEGIN UPDATE `gap_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `population_values_gap_version_delete` AFTER DELETE ON `population_values` BEGIN UPDATE `gap_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `deprivation_sets_gap_version_insert` AFTER INSERT ON `deprivation_sets` BEGIN UPDATE `gap_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `deprivation_sets_gap_version_update` AFTER UPDATE ON `deprivation_sets` BEGIN UPDATE `gap_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `deprivation_sets_gap_version_delete` AFTER DELETE ON `deprivation_sets` BEGIN UPDATE `gap_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `small_area_deprivation_gap_version_insert` AFTER INSERT ON `small_area_deprivation` BEGIN UPDATE `gap_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `small_area_deprivation_gap_version_update` AFTER UPDATE ON `small_area_deprivation` BEGIN UPDATE `gap_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `small_area_deprivation_gap_version_delete` AFTER DELETE ON `small_area_deprivation` BEGIN UPDATE `gap_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
