CREATE TABLE "applications" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"reference_number" text,
	"submitted_at" timestamp with time zone,
	"submitted_by_user_id" uuid,
	"resubmitted_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"returned_by_user_id" uuid,
	"returned_message" text,
	"returned_snapshot" jsonb,
	"forwarded_at" timestamp with time zone,
	"forwarded_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"decided_by_user_id" uuid,
	"decision_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_tenant_org_id_unique" UNIQUE("tenant_id","organisation_id","id"),
	CONSTRAINT "applications_tenant_id_reference_number_unique" UNIQUE("tenant_id","reference_number"),
	CONSTRAINT "applications_state_check" CHECK ("applications"."state" in ('draft', 'submitted', 'under_review', 'returned', 'resubmitted', 'forwarded', 'approved', 'rejected', 'withdrawn'))
);
--> statement-breakpoint
ALTER TABLE "applications" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "certificates" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"membership_number" text NOT NULL,
	"issue_number" integer NOT NULL,
	"state" text DEFAULT 'issued' NOT NULL,
	"verification_code_hash" text NOT NULL,
	"object_key" text,
	"fields" jsonb NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"download_claim_id" uuid,
	"download_claimed_at" timestamp with time zone,
	"downloaded_at" timestamp with time zone,
	"downloaded_by_user_id" uuid,
	"superseded_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"failure_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certificates_tenant_org_id_unique" UNIQUE("tenant_id","organisation_id","id"),
	CONSTRAINT "certificates_issue_unique" UNIQUE("tenant_id","membership_number","issue_number"),
	CONSTRAINT "certificates_state_check" CHECK ("certificates"."state" in ('issued', 'downloaded', 'superseded', 'revoked')),
	CONSTRAINT "certificates_issue_number_check" CHECK ("certificates"."issue_number" >= 1),
	CONSTRAINT "certificates_verification_code_hash_check" CHECK ("certificates"."verification_code_hash" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "certificates_fields_check" CHECK (jsonb_typeof("certificates"."fields") = 'object'),
	CONSTRAINT "certificates_download_claim_check" CHECK (("certificates"."download_claim_id" is null) = ("certificates"."download_claimed_at" is null)),
	CONSTRAINT "certificates_downloaded_check" CHECK (("certificates"."downloaded_at" is null) = ("certificates"."downloaded_by_user_id" is null)),
	CONSTRAINT "certificates_downloaded_state_check" CHECK ("certificates"."state" <> 'downloaded' or "certificates"."downloaded_at" is not null),
	CONSTRAINT "certificates_superseded_state_check" CHECK ("certificates"."state" <> 'superseded' or "certificates"."superseded_at" is not null),
	CONSTRAINT "certificates_revoked_state_check" CHECK ("certificates"."state" <> 'revoked' or "certificates"."revoked_at" is not null)
);
--> statement-breakpoint
ALTER TABLE "certificates" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "change_items" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"change_request_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid,
	"proposed" jsonb NOT NULL,
	"base_version" integer,
	"previous" jsonb,
	"applied_at" timestamp with time zone,
	"worker_id" uuid GENERATED ALWAYS AS (case when entity_type in ('worker', 'worker_establishments') then entity_id end) STORED,
	"establishment_id" uuid GENERATED ALWAYS AS (case when entity_type = 'establishment' then entity_id end) STORED,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "change_items_tenant_org_id_unique" UNIQUE("tenant_id","organisation_id","id"),
	CONSTRAINT "change_items_kind_check" CHECK ("change_items"."kind" in ('certificate_items', 'worker_add', 'worker_establishments', 'establishment_edit', 'establishment_add', 'other')),
	CONSTRAINT "change_items_entity_type_check" CHECK ("change_items"."entity_type" in ('organisation', 'worker', 'establishment', 'worker_establishments')),
	CONSTRAINT "change_items_proposed_check" CHECK (jsonb_typeof("change_items"."proposed") = 'object'),
	CONSTRAINT "change_items_organisation_entity_check" CHECK ("change_items"."entity_type" <> 'organisation' or "change_items"."entity_id" is not distinct from "change_items"."organisation_id"),
	CONSTRAINT "change_items_base_version_check" CHECK ("change_items"."entity_id" is not null or "change_items"."base_version" is null)
);
--> statement-breakpoint
ALTER TABLE "change_items" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "change_requests" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"content" text,
	"reason" text,
	"created_by_user_id" uuid NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by_user_id" uuid,
	"forwarded_at" timestamp with time zone,
	"forwarded_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"decided_by_user_id" uuid,
	"decision_reason" text,
	"cancelled_at" timestamp with time zone,
	"cancelled_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "change_requests_tenant_org_id_unique" UNIQUE("tenant_id","organisation_id","id"),
	CONSTRAINT "change_requests_state_check" CHECK ("change_requests"."state" in ('draft', 'submitted', 'under_review', 'forwarded', 'approved', 'rejected', 'cancelled'))
);
--> statement-breakpoint
ALTER TABLE "change_requests" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "consent_agreements" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"document_key" text NOT NULL,
	"document_version" text NOT NULL,
	"agreed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consent_agreements_unique" UNIQUE("tenant_id","user_id","document_key","document_version"),
	CONSTRAINT "consent_agreements_document_key_check" CHECK ("consent_agreements"."document_key" in ('privacy-policy', 'charter', 'membership-rules'))
);
--> statement-breakpoint
ALTER TABLE "consent_agreements" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "documents" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"worker_id" uuid,
	"establishment_id" uuid,
	"pending_change_item_id" uuid,
	"document_key" text NOT NULL,
	"custom_name" text,
	"object_key" text NOT NULL,
	"byte_size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"content_type" text NOT NULL,
	"uploaded_by_user_id" uuid NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"replaced_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_scope_check" CHECK ("documents"."scope" in ('worker', 'establishment', 'organisation')),
	CONSTRAINT "documents_scope_target_check" CHECK (case "documents"."scope"
        when 'worker' then "documents"."establishment_id" is null and ("documents"."worker_id" is not null or "documents"."pending_change_item_id" is not null)
        when 'establishment' then "documents"."worker_id" is null and ("documents"."establishment_id" is not null or "documents"."pending_change_item_id" is not null)
        else "documents"."worker_id" is null and "documents"."establishment_id" is null
      end),
	CONSTRAINT "documents_document_key_check" CHECK ("documents"."document_key" ~ '^[a-z][a-z0-9-]{1,62}$'),
	CONSTRAINT "documents_custom_name_check" CHECK (("documents"."document_key" = 'other') = ("documents"."custom_name" is not null and "documents"."custom_name" <> '')),
	CONSTRAINT "documents_byte_size_check" CHECK ("documents"."byte_size" > 0),
	CONSTRAINT "documents_sha256_check" CHECK ("documents"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "documents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "establishments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"postal_code" text,
	"prefecture" text,
	"city" text,
	"town" text,
	"building" text,
	"phone" text,
	"extra" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "establishments_tenant_org_id_unique" UNIQUE("tenant_id","organisation_id","id"),
	CONSTRAINT "establishments_postal_code_check" CHECK ("establishments"."postal_code" ~ '^[0-9]{7}$'),
	CONSTRAINT "establishments_extra_check" CHECK (jsonb_typeof("establishments"."extra") = 'object')
);
--> statement-breakpoint
ALTER TABLE "establishments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "organisation_memberships" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"granted_by_user_id" uuid,
	"revoked_at" timestamp with time zone,
	"revoked_by_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_memberships_role_check" CHECK ("organisation_memberships"."role" in ('org_admin', 'applicant_editor', 'support_organisation', 'viewer')),
	CONSTRAINT "organisation_memberships_status_check" CHECK ("organisation_memberships"."status" in ('active', 'revoked')),
	CONSTRAINT "organisation_memberships_revoked_check" CHECK (("organisation_memberships"."status" = 'revoked') = ("organisation_memberships"."revoked_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "organisation_memberships" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "organisations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"corporate_name" text,
	"corporate_name_kana" text,
	"corporate_number" text,
	"postal_code" text,
	"prefecture" text,
	"city" text,
	"town" text,
	"building" text,
	"representative_title" text,
	"representative_name" text,
	"phone" text,
	"contact_name" text,
	"contact_department" text,
	"contact_email" text,
	"contact_phone" text,
	"directory_opt_in" boolean DEFAULT false NOT NULL,
	"membership_state" text DEFAULT 'none' NOT NULL,
	"membership_number" text,
	"joined_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"retention_until" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_tenant_id_id_unique" UNIQUE("tenant_id","id"),
	CONSTRAINT "organisations_tenant_id_id_membership_number_unique" UNIQUE("tenant_id","id","membership_number"),
	CONSTRAINT "organisations_tenant_id_membership_number_unique" UNIQUE("tenant_id","membership_number"),
	CONSTRAINT "organisations_membership_state_check" CHECK ("organisations"."membership_state" in ('none', 'active', 'withdrawn')),
	CONSTRAINT "organisations_corporate_number_check" CHECK ("organisations"."corporate_number" ~ '^[0-9]{13}$'),
	CONSTRAINT "organisations_postal_code_check" CHECK ("organisations"."postal_code" ~ '^[0-9]{7}$'),
	CONSTRAINT "organisations_active_member_check" CHECK ("organisations"."membership_state" <> 'active' or ("organisations"."membership_number" is not null and "organisations"."joined_at" is not null)),
	CONSTRAINT "organisations_withdrawn_check" CHECK ("organisations"."membership_state" <> 'withdrawn' or "organisations"."withdrawn_at" is not null)
);
--> statement-breakpoint
ALTER TABLE "organisations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "outbox_messages" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text DEFAULT 'mail' NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"available_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"enqueued_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	CONSTRAINT "outbox_messages_kind_check" CHECK ("outbox_messages"."kind" in ('mail')),
	CONSTRAINT "outbox_messages_status_check" CHECK ("outbox_messages"."status" in ('pending', 'enqueued', 'sent', 'failed')),
	CONSTRAINT "outbox_messages_payload_tenant_check" CHECK (("outbox_messages"."payload" ->> 'tenantId') = "outbox_messages"."tenant_id"::text),
	CONSTRAINT "outbox_messages_payload_message_id_check" CHECK (("outbox_messages"."payload" ->> 'messageId') is not null),
	CONSTRAINT "outbox_messages_attempts_check" CHECK ("outbox_messages"."attempts" >= 0),
	CONSTRAINT "outbox_messages_enqueued_check" CHECK ("outbox_messages"."status" <> 'enqueued' or "outbox_messages"."enqueued_at" is not null),
	CONSTRAINT "outbox_messages_sent_check" CHECK ("outbox_messages"."status" <> 'sent' or "outbox_messages"."sent_at" is not null),
	CONSTRAINT "outbox_messages_failed_check" CHECK ("outbox_messages"."status" <> 'failed' or "outbox_messages"."failed_at" is not null)
);
--> statement-breakpoint
ALTER TABLE "outbox_messages" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "reissue_requests" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"certificate_id" uuid NOT NULL,
	"state" text DEFAULT 'requested' NOT NULL,
	"reason" text NOT NULL,
	"requested_by_user_id" uuid NOT NULL,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"issued_certificate_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reissue_requests_state_check" CHECK ("reissue_requests"."state" in ('requested', 'approved', 'declined', 'cancelled'))
);
--> statement-breakpoint
ALTER TABLE "reissue_requests" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "tenant_config_versions" (
	"tenant_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"config" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL,
	"note" text,
	CONSTRAINT "tenant_config_versions_pk" PRIMARY KEY("tenant_id","version"),
	CONSTRAINT "tenant_config_versions_version_check" CHECK ("tenant_config_versions"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "tenant_config_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "worker_establishments" (
	"tenant_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"establishment_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "worker_establishments_pk" PRIMARY KEY("tenant_id","worker_id","establishment_id")
);
--> statement-breakpoint
ALTER TABLE "worker_establishments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "workers" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name_latin" text NOT NULL,
	"nationality" text NOT NULL,
	"name_kana" text,
	"extra" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workers_tenant_org_id_unique" UNIQUE("tenant_id","organisation_id","id"),
	CONSTRAINT "workers_nationality_check" CHECK ("workers"."nationality" ~ '^[A-Z]{2}$'),
	CONSTRAINT "workers_extra_check" CHECK (jsonb_typeof("workers"."extra") = 'object')
);
--> statement-breakpoint
ALTER TABLE "workers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "acting_organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_organisation_fk" FOREIGN KEY ("tenant_id","organisation_id") REFERENCES "public"."organisations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_submitted_by_fk" FOREIGN KEY ("tenant_id","submitted_by_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_returned_by_fk" FOREIGN KEY ("tenant_id","returned_by_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_forwarded_by_fk" FOREIGN KEY ("tenant_id","forwarded_by_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_decided_by_fk" FOREIGN KEY ("tenant_id","decided_by_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_organisation_fk" FOREIGN KEY ("tenant_id","organisation_id","membership_number") REFERENCES "public"."organisations"("tenant_id","id","membership_number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_downloaded_by_fk" FOREIGN KEY ("tenant_id","downloaded_by_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_items" ADD CONSTRAINT "change_items_change_request_fk" FOREIGN KEY ("tenant_id","organisation_id","change_request_id") REFERENCES "public"."change_requests"("tenant_id","organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_items" ADD CONSTRAINT "change_items_worker_fk" FOREIGN KEY ("tenant_id","organisation_id","worker_id") REFERENCES "public"."workers"("tenant_id","organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_items" ADD CONSTRAINT "change_items_establishment_fk" FOREIGN KEY ("tenant_id","organisation_id","establishment_id") REFERENCES "public"."establishments"("tenant_id","organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_organisation_fk" FOREIGN KEY ("tenant_id","organisation_id") REFERENCES "public"."organisations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_created_by_fk" FOREIGN KEY ("tenant_id","created_by_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_submitted_by_fk" FOREIGN KEY ("tenant_id","submitted_by_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_forwarded_by_fk" FOREIGN KEY ("tenant_id","forwarded_by_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_decided_by_fk" FOREIGN KEY ("tenant_id","decided_by_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_cancelled_by_fk" FOREIGN KEY ("tenant_id","cancelled_by_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_agreements" ADD CONSTRAINT "consent_agreements_user_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_organisation_fk" FOREIGN KEY ("tenant_id","organisation_id") REFERENCES "public"."organisations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_worker_fk" FOREIGN KEY ("tenant_id","organisation_id","worker_id") REFERENCES "public"."workers"("tenant_id","organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_establishment_fk" FOREIGN KEY ("tenant_id","organisation_id","establishment_id") REFERENCES "public"."establishments"("tenant_id","organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_pending_change_item_fk" FOREIGN KEY ("tenant_id","organisation_id","pending_change_item_id") REFERENCES "public"."change_items"("tenant_id","organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_uploaded_by_fk" FOREIGN KEY ("tenant_id","uploaded_by_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "establishments" ADD CONSTRAINT "establishments_organisation_fk" FOREIGN KEY ("tenant_id","organisation_id") REFERENCES "public"."organisations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_memberships" ADD CONSTRAINT "organisation_memberships_organisation_fk" FOREIGN KEY ("tenant_id","organisation_id") REFERENCES "public"."organisations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_memberships" ADD CONSTRAINT "organisation_memberships_user_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_memberships" ADD CONSTRAINT "organisation_memberships_granted_by_fk" FOREIGN KEY ("tenant_id","granted_by_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_memberships" ADD CONSTRAINT "organisation_memberships_revoked_by_fk" FOREIGN KEY ("tenant_id","revoked_by_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reissue_requests" ADD CONSTRAINT "reissue_requests_certificate_fk" FOREIGN KEY ("tenant_id","organisation_id","certificate_id") REFERENCES "public"."certificates"("tenant_id","organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reissue_requests" ADD CONSTRAINT "reissue_requests_issued_certificate_fk" FOREIGN KEY ("tenant_id","organisation_id","issued_certificate_id") REFERENCES "public"."certificates"("tenant_id","organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reissue_requests" ADD CONSTRAINT "reissue_requests_requested_by_fk" FOREIGN KEY ("tenant_id","requested_by_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reissue_requests" ADD CONSTRAINT "reissue_requests_decided_by_fk" FOREIGN KEY ("tenant_id","decided_by_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_config_versions" ADD CONSTRAINT "tenant_config_versions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_establishments" ADD CONSTRAINT "worker_establishments_worker_fk" FOREIGN KEY ("tenant_id","organisation_id","worker_id") REFERENCES "public"."workers"("tenant_id","organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_establishments" ADD CONSTRAINT "worker_establishments_establishment_fk" FOREIGN KEY ("tenant_id","organisation_id","establishment_id") REFERENCES "public"."establishments"("tenant_id","organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workers" ADD CONSTRAINT "workers_organisation_fk" FOREIGN KEY ("tenant_id","organisation_id") REFERENCES "public"."organisations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "applications_one_open_per_organisation" ON "applications" USING btree ("tenant_id","organisation_id") WHERE "applications"."state" not in ('approved', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE INDEX "applications_tenant_id_state_submitted_at_idx" ON "applications" USING btree ("tenant_id","state","submitted_at");--> statement-breakpoint
CREATE INDEX "applications_tenant_id_organisation_id_idx" ON "applications" USING btree ("tenant_id","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_verification_code_hash_unique" ON "certificates" USING btree ("verification_code_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_object_key_unique" ON "certificates" USING btree ("object_key");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_one_valid_per_organisation" ON "certificates" USING btree ("tenant_id","organisation_id") WHERE "certificates"."state" in ('issued', 'downloaded');--> statement-breakpoint
CREATE INDEX "certificates_tenant_id_organisation_id_idx" ON "certificates" USING btree ("tenant_id","organisation_id","issue_number");--> statement-breakpoint
CREATE INDEX "change_items_tenant_id_change_request_id_idx" ON "change_items" USING btree ("tenant_id","change_request_id");--> statement-breakpoint
CREATE INDEX "change_items_pending_by_entity_idx" ON "change_items" USING btree ("tenant_id","entity_type","entity_id") WHERE "change_items"."applied_at" is null;--> statement-breakpoint
CREATE INDEX "change_items_tenant_id_worker_id_idx" ON "change_items" USING btree ("tenant_id","worker_id");--> statement-breakpoint
CREATE INDEX "change_items_tenant_id_establishment_id_idx" ON "change_items" USING btree ("tenant_id","establishment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "change_requests_one_draft_per_organisation" ON "change_requests" USING btree ("tenant_id","organisation_id") WHERE "change_requests"."state" = 'draft';--> statement-breakpoint
CREATE INDEX "change_requests_tenant_id_state_submitted_at_idx" ON "change_requests" USING btree ("tenant_id","state","submitted_at");--> statement-breakpoint
CREATE INDEX "change_requests_tenant_id_organisation_id_created_at_idx" ON "change_requests" USING btree ("tenant_id","organisation_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_object_key_unique" ON "documents" USING btree ("object_key");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_current_slot_unique" ON "documents" USING btree ("tenant_id","organisation_id","scope",coalesce("worker_id", "establishment_id", "organisation_id"),"document_key") WHERE "documents"."document_key" <> 'other' and "documents"."pending_change_item_id" is null and "documents"."replaced_at" is null and "documents"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "documents_tenant_id_organisation_id_idx" ON "documents" USING btree ("tenant_id","organisation_id","scope");--> statement-breakpoint
CREATE INDEX "documents_tenant_id_worker_id_idx" ON "documents" USING btree ("tenant_id","organisation_id","worker_id");--> statement-breakpoint
CREATE INDEX "documents_tenant_id_establishment_id_idx" ON "documents" USING btree ("tenant_id","organisation_id","establishment_id");--> statement-breakpoint
CREATE INDEX "documents_tenant_id_pending_change_item_id_idx" ON "documents" USING btree ("tenant_id","organisation_id","pending_change_item_id");--> statement-breakpoint
CREATE INDEX "establishments_tenant_id_organisation_id_idx" ON "establishments" USING btree ("tenant_id","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organisation_memberships_active_unique" ON "organisation_memberships" USING btree ("tenant_id","organisation_id","user_id") WHERE "organisation_memberships"."status" = 'active';--> statement-breakpoint
CREATE INDEX "organisation_memberships_tenant_id_user_id_idx" ON "organisation_memberships" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE INDEX "organisations_tenant_id_corporate_number_idx" ON "organisations" USING btree ("tenant_id","corporate_number");--> statement-breakpoint
CREATE INDEX "organisations_tenant_id_membership_state_idx" ON "organisations" USING btree ("tenant_id","membership_state");--> statement-breakpoint
CREATE INDEX "organisations_corporate_name_trgm_idx" ON "organisations" USING gin ("corporate_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organisations_corporate_name_kana_trgm_idx" ON "organisations" USING gin ("corporate_name_kana" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "outbox_messages_pending_idx" ON "outbox_messages" USING btree ("status","available_at") WHERE "outbox_messages"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "outbox_messages_tenant_id_status_created_at_idx" ON "outbox_messages" USING btree ("tenant_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_messages_message_id_unique" ON "outbox_messages" USING btree (("payload" ->> 'messageId'));--> statement-breakpoint
CREATE UNIQUE INDEX "reissue_requests_one_open_per_organisation" ON "reissue_requests" USING btree ("tenant_id","organisation_id") WHERE "reissue_requests"."state" = 'requested';--> statement-breakpoint
CREATE INDEX "reissue_requests_tenant_id_state_created_at_idx" ON "reissue_requests" USING btree ("tenant_id","state","created_at");--> statement-breakpoint
CREATE INDEX "reissue_requests_tenant_id_organisation_id_idx" ON "reissue_requests" USING btree ("tenant_id","organisation_id");--> statement-breakpoint
CREATE INDEX "worker_establishments_tenant_id_establishment_id_idx" ON "worker_establishments" USING btree ("tenant_id","establishment_id");--> statement-breakpoint
CREATE INDEX "workers_tenant_id_organisation_id_created_at_idx" ON "workers" USING btree ("tenant_id","organisation_id","created_at");--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_tenant_acting_organisation_fk" FOREIGN KEY ("tenant_id","acting_organisation_id") REFERENCES "public"."organisations"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sessions_tenant_id_acting_organisation_id_idx" ON "sessions" USING btree ("tenant_id","acting_organisation_id");--> statement-breakpoint
CREATE POLICY "organisation_isolation" ON "applications" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid and (current_setting('app.scope', true) = 'tenant' or "organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid and (current_setting('app.scope', true) = 'tenant' or "organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "organisation_isolation" ON "certificates" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid and (current_setting('app.scope', true) = 'tenant' or "organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid and (current_setting('app.scope', true) = 'tenant' or "organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "organisation_isolation" ON "change_items" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid and (current_setting('app.scope', true) = 'tenant' or "organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid and (current_setting('app.scope', true) = 'tenant' or "organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "organisation_isolation" ON "change_requests" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid and (current_setting('app.scope', true) = 'tenant' or "organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid and (current_setting('app.scope', true) = 'tenant' or "organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "consent_agreements" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "organisation_isolation" ON "documents" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid and (current_setting('app.scope', true) = 'tenant' or "organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid and (current_setting('app.scope', true) = 'tenant' or "organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "organisation_isolation" ON "establishments" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid and (current_setting('app.scope', true) = 'tenant' or "organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid and (current_setting('app.scope', true) = 'tenant' or "organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "organisation_isolation" ON "organisation_memberships" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid and (current_setting('app.scope', true) = 'tenant' or "organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid and (current_setting('app.scope', true) = 'tenant' or "organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "organisation_isolation" ON "organisations" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid and (current_setting('app.scope', true) = 'tenant' or "id" = nullif(current_setting('app.organisation_id', true), '')::uuid)) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid and (current_setting('app.scope', true) = 'tenant' or "id" = nullif(current_setting('app.organisation_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "outbox_messages" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "organisation_isolation" ON "reissue_requests" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid and (current_setting('app.scope', true) = 'tenant' or "organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid and (current_setting('app.scope', true) = 'tenant' or "organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "tenant_config_versions" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "organisation_isolation" ON "worker_establishments" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid and (current_setting('app.scope', true) = 'tenant' or "organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid and (current_setting('app.scope', true) = 'tenant' or "organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "organisation_isolation" ON "workers" AS PERMISSIVE FOR ALL TO public USING ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid and (current_setting('app.scope', true) = 'tenant' or "organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid)) WITH CHECK ("tenant_id" = nullif(current_setting('app.tenant_id', true), '')::uuid and (current_setting('app.scope', true) = 'tenant' or "organisation_id" = nullif(current_setting('app.organisation_id', true), '')::uuid));