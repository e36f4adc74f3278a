-- Custom migration: what drizzle-kit cannot emit for the issue 3 tables. Runs unchanged on
-- PostgreSQL and PGlite. Every statement is separated by a breakpoint (drizzle runs them one by one).

-- FORCE makes the policies apply to the table owner too (drizzle-kit only emits ENABLE).
-- Organisation-owned tables carry the policy "organisation_isolation", tenant-level ones
-- "tenant_isolation" (see src/schema/rls.ts).
--> statement-breakpoint
ALTER TABLE "organisations" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "organisations" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "organisation_memberships" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "organisation_memberships" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "establishments" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "establishments" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "workers" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "workers" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "worker_establishments" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "worker_establishments" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "documents" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "documents" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "applications" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "applications" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "change_requests" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "change_requests" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "change_items" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "change_items" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "certificates" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "certificates" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "reissue_requests" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "reissue_requests" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "outbox_messages" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "outbox_messages" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "tenant_config_versions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "tenant_config_versions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "consent_agreements" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "consent_agreements" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The app role: data access only. No DELETE where the row is a record to keep.
--> statement-breakpoint
-- organisations: organisations are never deleted by the app: withdrawal keeps them read-only, the retention purge is an operator task.
GRANT SELECT, INSERT, UPDATE ON "organisations" TO kyogikai_app;
--> statement-breakpoint
-- organisation_memberships: revoking keeps the row (status revoked).
GRANT SELECT, INSERT, UPDATE ON "organisation_memberships" TO kyogikai_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "establishments" TO kyogikai_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "workers" TO kyogikai_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "worker_establishments" TO kyogikai_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "documents" TO kyogikai_app;
--> statement-breakpoint
-- applications: an application is withdrawn, never deleted.
GRANT SELECT, INSERT, UPDATE ON "applications" TO kyogikai_app;
--> statement-breakpoint
-- change_requests: DELETE: discarding a draft (its items cascade).
GRANT SELECT, INSERT, UPDATE, DELETE ON "change_requests" TO kyogikai_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "change_items" TO kyogikai_app;
--> statement-breakpoint
-- certificates: a legal document: superseded or revoked, never deleted.
GRANT SELECT, INSERT, UPDATE ON "certificates" TO kyogikai_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "reissue_requests" TO kyogikai_app;
--> statement-breakpoint
-- outbox_messages: kept as the record of what was mailed.
GRANT SELECT, INSERT, UPDATE ON "outbox_messages" TO kyogikai_app;
--> statement-breakpoint
-- tenant_config_versions: append-only history.
GRANT SELECT, INSERT ON "tenant_config_versions" TO kyogikai_app;
--> statement-breakpoint
-- consent_agreements: append-only: what a user agreed to, and when (SPEC A3).
GRANT SELECT, INSERT ON "consent_agreements" TO kyogikai_app;
--> statement-breakpoint
-- Optimistic concurrency (ADR 013): every UPDATE of a versioned row bumps its version and
-- updated_at, whatever the statement sets, so no code path can forget it. Callers update with
-- `where id = $1 and version = $2` and treat zero rows as a conflict.
CREATE OR REPLACE FUNCTION public.bump_row_version()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  NEW.version := OLD.version + 1;
  NEW.updated_at := now();
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "organisations_bump_version" BEFORE UPDATE ON "organisations" FOR EACH ROW EXECUTE FUNCTION public.bump_row_version();
--> statement-breakpoint
CREATE TRIGGER "organisation_memberships_bump_version" BEFORE UPDATE ON "organisation_memberships" FOR EACH ROW EXECUTE FUNCTION public.bump_row_version();
--> statement-breakpoint
CREATE TRIGGER "establishments_bump_version" BEFORE UPDATE ON "establishments" FOR EACH ROW EXECUTE FUNCTION public.bump_row_version();
--> statement-breakpoint
CREATE TRIGGER "workers_bump_version" BEFORE UPDATE ON "workers" FOR EACH ROW EXECUTE FUNCTION public.bump_row_version();
--> statement-breakpoint
CREATE TRIGGER "documents_bump_version" BEFORE UPDATE ON "documents" FOR EACH ROW EXECUTE FUNCTION public.bump_row_version();
--> statement-breakpoint
CREATE TRIGGER "applications_bump_version" BEFORE UPDATE ON "applications" FOR EACH ROW EXECUTE FUNCTION public.bump_row_version();
--> statement-breakpoint
CREATE TRIGGER "change_requests_bump_version" BEFORE UPDATE ON "change_requests" FOR EACH ROW EXECUTE FUNCTION public.bump_row_version();
--> statement-breakpoint
CREATE TRIGGER "change_items_bump_version" BEFORE UPDATE ON "change_items" FOR EACH ROW EXECUTE FUNCTION public.bump_row_version();
--> statement-breakpoint
CREATE TRIGGER "certificates_bump_version" BEFORE UPDATE ON "certificates" FOR EACH ROW EXECUTE FUNCTION public.bump_row_version();
--> statement-breakpoint
CREATE TRIGGER "reissue_requests_bump_version" BEFORE UPDATE ON "reissue_requests" FOR EACH ROW EXECUTE FUNCTION public.bump_row_version();
--> statement-breakpoint
-- The outbox relay spans tenants: it reads pending mail of every tenant and marks it enqueued,
-- through two SECURITY DEFINER functions owned by kyogikai_platform (BYPASSRLS), which may read
-- the outbox and change only its relay columns. Marking sent/failed happens inside the tenant.
GRANT SELECT ON "outbox_messages" TO kyogikai_platform;
--> statement-breakpoint
GRANT UPDATE ("status", "enqueued_at", "updated_at") ON "outbox_messages" TO kyogikai_platform;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.unsafe_outbox_pending(batch integer)
RETURNS TABLE (id uuid, tenant_id uuid, payload jsonb)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT o.id, o.tenant_id, o.payload
  FROM public.outbox_messages AS o
  WHERE o.status = 'pending' AND o.available_at <= now()
  ORDER BY o.available_at, o.created_at, o.id
  LIMIT least(greatest(coalesce(unsafe_outbox_pending.batch, 0), 0), 1000)
$$;
--> statement-breakpoint
-- Only pending rows move: a worker may already have marked a fast message sent.
CREATE OR REPLACE FUNCTION public.unsafe_outbox_mark_enqueued(ids uuid[])
RETURNS integer
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  WITH moved AS (
    UPDATE public.outbox_messages AS o
    SET status = 'enqueued', enqueued_at = now(), updated_at = now()
    WHERE o.id = ANY (unsafe_outbox_mark_enqueued.ids) AND o.status = 'pending'
    RETURNING 1
  )
  SELECT count(*)::integer FROM moved
$$;
--> statement-breakpoint
ALTER FUNCTION public.unsafe_outbox_pending(integer) OWNER TO kyogikai_platform;
--> statement-breakpoint
ALTER FUNCTION public.unsafe_outbox_mark_enqueued(uuid[]) OWNER TO kyogikai_platform;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.unsafe_outbox_pending(integer) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.unsafe_outbox_mark_enqueued(uuid[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.unsafe_outbox_pending(integer) TO kyogikai_app;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.unsafe_outbox_mark_enqueued(uuid[]) TO kyogikai_app;
