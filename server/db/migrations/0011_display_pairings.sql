CREATE TABLE `display_pairings` (
	`code` text PRIMARY KEY NOT NULL,
	`secret_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`claimed` integer DEFAULT false NOT NULL,
	`display_id` integer,
	FOREIGN KEY (`display_id`) REFERENCES `access_tokens`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `display_pairings_expires` ON `display_pairings` (`expires_at`);--> statement-breakpoint
CREATE TABLE `pairing_wrong_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pairing_wrong_codes_user` ON `pairing_wrong_codes` (`user_id`,`at`);