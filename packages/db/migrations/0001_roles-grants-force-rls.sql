-- Custom migration: what drizzle-kit cannot emit. Runs unchanged on PostgreSQL and PGlite.
-- Every statement is separated by a breakpoint because drizzle runs them one by one.

-- Trigram search on Japanese names needs a UTF-8 ctype database (see STACK.md, Database row).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint

-- Roles are cluster-wide: create them once, whichever database migrates first. Two databases
-- migrating at the same moment can both see "missing"; the loser's duplicate error is swallowed.
-- An existing role keeps its attributes: assertSafeAppRole refuses an app role that can bypass RLS.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'kyogikai_app') THEN
    -- The role the servers connect as. It owns nothing, so FORCE'd RLS always applies to it.
    CREATE ROLE kyogikai_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;
--> statement-breakpoint
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'kyogikai_platform') THEN
    -- Owns the narrow cross-tenant SECURITY DEFINER functions; nobody logs in as it.
    CREATE ROLE kyogikai_platform NOLOGIN BYPASSRLS NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;
--> statement-breakpoint

-- FORCE makes the policies apply to the table owner too (drizzle-kit only emits ENABLE).
ALTER TABLE "tenants" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "tenants" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "users" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "users" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "sessions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "sessions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "audit_events" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "audit_events" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "sign_in_throttles" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "sign_in_throttles" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint

-- The app role: data access only, never DDL, nothing on drizzle's migrations table.
GRANT USAGE ON SCHEMA public TO kyogikai_app;
--> statement-breakpoint
-- Tenants are created by operators (owner connection); a tenant admin may edit names and config.
-- Host, origin and slug decide which requests reach a tenant: operator-only.
GRANT SELECT ON "tenants" TO kyogikai_app;
--> statement-breakpoint
GRANT UPDATE ("name_ja", "name_en", "config") ON "tenants" TO kyogikai_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "users" TO kyogikai_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "sessions" TO kyogikai_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "sign_in_throttles" TO kyogikai_app;
--> statement-breakpoint
-- The audit trail is append-only for the app.
GRANT SELECT, INSERT ON "audit_events" TO kyogikai_app;
--> statement-breakpoint

-- Cross-tenant lookups for request routing, before any tenant is known. They return only the
-- public fields of a tenant and run as kyogikai_platform (BYPASSRLS, SELECT on tenants only).
GRANT USAGE ON SCHEMA public TO kyogikai_platform;
--> statement-breakpoint
GRANT SELECT ON "tenants" TO kyogikai_platform;
--> statement-breakpoint
-- A named row type rather than RETURNS TABLE: its column names would clash with the parameter `slug`.
CREATE TYPE public.tenant_public AS (id uuid, slug text, name_ja text, name_en text, public_origin text, allowed_hosts text[], config jsonb);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.unsafe_find_tenant_by_host(host text)
RETURNS SETOF public.tenant_public
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  -- LIMIT 2, not 1: the caller refuses a host claimed by two tenants instead of picking one.
  SELECT t.id, t.slug, t.name_ja, t.name_en, t.public_origin, t.allowed_hosts, t.config
  FROM public.tenants AS t
  WHERE EXISTS (
    SELECT 1 FROM unnest(t.allowed_hosts) AS h(name)
    WHERE lower(h.name) = lower(unsafe_find_tenant_by_host.host)
  )
  ORDER BY t.slug
  LIMIT 2
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION public.unsafe_find_tenant_by_slug(slug text)
RETURNS SETOF public.tenant_public
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT t.id, t.slug, t.name_ja, t.name_en, t.public_origin, t.allowed_hosts, t.config
  FROM public.tenants AS t
  WHERE t.slug = unsafe_find_tenant_by_slug.slug
$$;
--> statement-breakpoint
ALTER FUNCTION public.unsafe_find_tenant_by_host(text) OWNER TO kyogikai_platform;
--> statement-breakpoint
ALTER FUNCTION public.unsafe_find_tenant_by_slug(text) OWNER TO kyogikai_platform;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.unsafe_find_tenant_by_host(text) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.unsafe_find_tenant_by_slug(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.unsafe_find_tenant_by_host(text) TO kyogikai_app;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.unsafe_find_tenant_by_slug(text) TO kyogikai_app;
