CREATE TABLE "organisation_invitations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"email" text NOT NULL,
	"role" text NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by_user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by_user_id" uuid,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_invitations_tenant_id_token_hash_unique" UNIQUE("tenant_id","token_hash"),
	CONSTRAINT "organisation_invitations_role_check" CHECK ("organisation_invitations"."role" in ('org_admin', 'applicant_editor', 'support_organisation', 'viewer')),
	CONSTRAINT "organisation_invitations_token_hash_check" CHECK ("organisation_invitations"."token_hash" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "organisation_invitations_accepted_check" CHECK (("organisation_invitations"."accepted_at" is null) = ("organisation_invitations"."accepted_by_user_id" is null))
);
--> statement-breakpoint
ALTER TABLE "organisation_invitations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "organisation_invitations" ADD CONSTRAINT "organisation_invitations_organisation_fk" FOREIGN KEY ("tenant_id","organisation_id") REFERENCES "public"."organisations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_invitations" ADD CONSTRAINT "organisation_invitations_invited_by_fk" FOREIGN KEY ("tenant_id","invited_by_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_invitations" ADD CONSTRAINT "organisation_invitations_accepted_by_fk" FOREIGN KEY ("tenant_id","accepted_by_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisation_invitations_tenant_id_organisation_id_idx" ON "organisation_invitations" USING btree ("tenant_id","organisation_id");--> statement-breakpoint
CREATE POLICY "organisation_isolation" ON "organisation_invitations" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid and (current_setting('app.scope', true) = 'tenant' or "organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid and (current_setting('app.scope', true) = 'tenant' or "organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid));