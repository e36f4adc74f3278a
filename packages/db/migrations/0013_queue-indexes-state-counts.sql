CREATE TABLE "application_state_counts" (
	"tenant_id" uuid NOT NULL,
	"state" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "application_state_counts_pkey" PRIMARY KEY("tenant_id","state"),
	CONSTRAINT "application_state_counts_state_check" CHECK ("application_state_counts"."state" in ('draft', 'submitted', 'under_review', 'returned', 'resubmitted', 'forwarded', 'approved', 'rejected', 'withdrawn')),
	CONSTRAINT "application_state_counts_count_check" CHECK ("application_state_counts"."count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "application_state_counts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "application_state_counts" ADD CONSTRAINT "application_state_counts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applications_queue_idx" ON "applications" USING btree ("tenant_id",coalesce("resubmitted_at", "submitted_at"),"id") WHERE "applications"."submitted_at" is not null;--> statement-breakpoint
CREATE INDEX "applications_queue_open_idx" ON "applications" USING btree ("tenant_id",coalesce("resubmitted_at", "submitted_at"),"id") WHERE "applications"."submitted_at" is not null and "applications"."state" in ('submitted', 'under_review', 'returned', 'resubmitted', 'forwarded');--> statement-breakpoint
CREATE INDEX "applications_queue_state_idx" ON "applications" USING btree ("tenant_id","state",coalesce("resubmitted_at", "submitted_at"),"id") WHERE "applications"."submitted_at" is not null;--> statement-breakpoint
CREATE INDEX "applications_tenant_id_submitted_at_idx" ON "applications" USING btree ("tenant_id","submitted_at") WHERE "applications"."submitted_at" is not null;--> statement-breakpoint
CREATE INDEX "applications_tenant_id_decided_at_idx" ON "applications" USING btree ("tenant_id","decided_at") WHERE "applications"."decided_at" is not null;--> statement-breakpoint
CREATE POLICY "tenant_wide_select" ON "application_state_counts" AS PERMISSIVE FOR SELECT TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid and current_setting('app.scope', true) = 'tenant');