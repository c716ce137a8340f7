ALTER TABLE `small_areas` ADD `weighted_point_lon` real;--> statement-breakpoint
ALTER TABLE `small_areas` ADD `weighted_point_lat` real;