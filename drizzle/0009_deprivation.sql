CREATE TABLE `deprivation_sets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`index_kind` text NOT NULL,
	`name` text NOT NULL,
	`source` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
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
