DROP INDEX "applications_queue_idx";--> statement-breakpoint
DROP INDEX "applications_queue_open_idx";--> statement-breakpoint
DROP INDEX "applications_queue_state_idx";--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "waiting_since" timestamp with time zone GENERATED ALWAYS AS (coalesce("resubmitted_at", "submitted_at")) STORED;--> statement-breakpoint
CREATE INDEX "applications_queue_waiting_idx" ON "applications" USING btree ("tenant_id","waiting_since","id") WHERE "applications"."submitted_at" is not null;--> statement-breakpoint
CREATE INDEX "applications_queue_open_waiting_idx" ON "applications" USING btree ("tenant_id","waiting_since","id") WHERE "applications"."submitted_at" is not null and "applications"."state" in ('submitted', 'under_review', 'returned', 'resubmitted', 'forwarded');--> statement-breakpoint
CREATE INDEX "applications_queue_state_waiting_idx" ON "applications" USING btree ("tenant_id","state","waiting_since","id") WHERE "applications"."submitted_at" is not null;