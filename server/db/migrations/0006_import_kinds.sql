ALTER TABLE `imports` ADD `kind` text DEFAULT 'readings' NOT NULL;--> statement-breakpoint
ALTER TABLE `imports` ADD `term_id` integer REFERENCES terms(id);