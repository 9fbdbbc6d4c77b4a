CREATE TABLE `unit_names` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`name` text NOT NULL,
	`until` integer NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `unit_names_unit` ON `unit_names` (`unit_id`,`until`);--> statement-breakpoint
ALTER TABLE `units` ADD `merged_into_id` integer REFERENCES units(id);--> statement-breakpoint
ALTER TABLE `units` ADD `merged_at` integer;