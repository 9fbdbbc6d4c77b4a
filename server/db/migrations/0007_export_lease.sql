ALTER TABLE `exports` ADD `lease_owner` text;--> statement-breakpoint
ALTER TABLE `exports` ADD `lease_until` integer;