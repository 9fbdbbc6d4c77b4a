ALTER TABLE `access_tokens` ADD `last_seen_at` integer;--> statement-breakpoint
ALTER TABLE `access_tokens` ADD `rotate_seconds` integer DEFAULT 20 NOT NULL;