CREATE TABLE `exports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`slot` integer,
	`as_of` integer NOT NULL,
	`week` text NOT NULL,
	`status` text NOT NULL,
	`error` text,
	`requested_by_user_id` integer,
	`created_at` integer NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	`files` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`requested_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `exports_slot` ON `exports` (`slot`);--> statement-breakpoint
CREATE INDEX `exports_as_of` ON `exports` (`as_of`);