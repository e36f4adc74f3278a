CREATE TABLE "application_notes" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"author_user_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_notes_body_check" CHECK (char_length("application_notes"."body") between 1 and 4000)
);
--> statement-breakpoint
ALTER TABLE "application_notes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "document_checks" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"result" text NOT NULL,
	"reason" text,
	"checked_by_user_id" uuid NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_checks_result_check" CHECK ("document_checks"."result" in ('ok', 'needs_correction')),
	CONSTRAINT "document_checks_reason_check" CHECK (("document_checks"."result" = 'ok' and "document_checks"."reason" is null) or ("document_checks"."result" = 'needs_correction' and char_length("document_checks"."reason") between 1 and 1000))
);
--> statement-breakpoint
ALTER TABLE "document_checks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_tenant_org_id_unique" UNIQUE("tenant_id","organisation_id","id");--> statement-breakpoint
ALTER TABLE "application_notes" ADD CONSTRAINT "application_notes_application_fk" FOREIGN KEY ("tenant_id","organisation_id","application_id") REFERENCES "public"."applications"("tenant_id","organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_notes" ADD CONSTRAINT "application_notes_author_fk" FOREIGN KEY ("tenant_id","author_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_checks" ADD CONSTRAINT "document_checks_application_fk" FOREIGN KEY ("tenant_id","organisation_id","application_id") REFERENCES "public"."applications"("tenant_id","organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_checks" ADD CONSTRAINT "document_checks_document_fk" FOREIGN KEY ("tenant_id","organisation_id","document_id") REFERENCES "public"."documents"("tenant_id","organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_checks" ADD CONSTRAINT "document_checks_checked_by_fk" FOREIGN KEY ("tenant_id","checked_by_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_notes_tenant_id_application_id_idx" ON "application_notes" USING btree ("tenant_id","application_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "document_checks_application_document_unique" ON "document_checks" USING btree ("tenant_id","application_id","document_id");--> statement-breakpoint
CREATE POLICY "tenant_wide_only" ON "application_notes" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid and current_setting('app.scope', true) = 'tenant') WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid and current_setting('app.scope', true) = 'tenant');--> statement-breakpoint
CREATE POLICY "tenant_wide_only" ON "document_checks" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid and current_setting('app.scope', true) = 'tenant') WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid and current_setting('app.scope', true) = 'tenant');