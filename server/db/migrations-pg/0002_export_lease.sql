ALTER TABLE "exports" ADD COLUMN "lease_owner" text;--> statement-breakpoint
ALTER TABLE "exports" ADD COLUMN "lease_until" bigint;