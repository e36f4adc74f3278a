-- Custom migration (issue 6, ADR 019): what drizzle-kit cannot emit for the staff queue. Runs
-- unchanged on PostgreSQL and PGlite.

-- application_state_counts: readable by staff (tenant-wide) only; written by the trigger below.
ALTER TABLE "application_state_counts" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "application_state_counts" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT ON "application_state_counts" TO kyogikai_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "application_state_counts" TO kyogikai_platform;
--> statement-breakpoint

-- Keeps application_state_counts exact in the transaction that changes an application. It runs as
-- kyogikai_platform because the applicant's own submit (an organisation-scoped transaction, which
-- may not read the tenant's counts) moves a count too. Both rows are written by one statement in
-- state order, so two transactions moving applications between the same states lock the count
-- rows in the same order and cannot deadlock.
CREATE OR REPLACE FUNCTION public.count_application_states()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.state = NEW.state AND OLD.tenant_id = NEW.tenant_id
     AND (OLD.submitted_at IS NULL) = (NEW.submitted_at IS NULL) THEN
    RETURN NULL;
  END IF;
  INSERT INTO public.application_state_counts AS c (tenant_id, state, count)
  SELECT d.tenant_id, d.state, d.delta
    FROM (
      SELECT OLD.tenant_id AS tenant_id, OLD.state AS state, -1 AS delta
       WHERE TG_OP IN ('UPDATE', 'DELETE') AND OLD.submitted_at IS NOT NULL
      UNION ALL
      SELECT NEW.tenant_id, NEW.state, 1
       WHERE TG_OP IN ('INSERT', 'UPDATE') AND NEW.submitted_at IS NOT NULL
    ) AS d
   ORDER BY d.tenant_id, d.state
  ON CONFLICT (tenant_id, state) DO UPDATE SET count = c.count + excluded.count;
  RETURN NULL;
END
$$;
--> statement-breakpoint
ALTER FUNCTION public.count_application_states() OWNER TO kyogikai_platform;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.count_application_states() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER "applications_count_states" AFTER INSERT OR DELETE OR UPDATE OF "state", "submitted_at", "tenant_id" ON "applications"
  FOR EACH ROW EXECUTE FUNCTION public.count_application_states();
--> statement-breakpoint
-- Applications submitted before this migration.
INSERT INTO "application_state_counts" ("tenant_id", "state", "count")
SELECT "tenant_id", "state", count(*) FROM "applications" WHERE "submitted_at" IS NOT NULL GROUP BY "tenant_id", "state";
--> statement-breakpoint

-- Partial-name search for the staff queue. Row-level security lets an index serve only leakproof
-- operators, and LIKE/ILIKE are not, so under the app role the trigram indexes on the names are
-- never used (a scan of every organisation). This function searches as kyogikai_platform, which
-- bypasses RLS, and applies the same rule as the organisations policy itself: the transaction's
-- tenant, and either a tenant-wide (staff) transaction or only the transaction's organisation.
-- It returns ids only; the caller reads the rows under RLS.
CREATE OR REPLACE FUNCTION public.organisation_ids_matching_name(name_pattern text, kana_pattern text)
RETURNS SETOF uuid
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT o.id
    FROM public.organisations AS o
   WHERE o.tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
     AND (current_setting('app.scope', true) = 'tenant'
          OR o.id = nullif(current_setting('app.organisation_id', true), '')::uuid)
     AND (o.corporate_name ILIKE name_pattern OR o.corporate_name_kana ILIKE kana_pattern)
$$;
--> statement-breakpoint
GRANT SELECT ON "organisations" TO kyogikai_platform;
--> statement-breakpoint
ALTER FUNCTION public.organisation_ids_matching_name(text, text) OWNER TO kyogikai_platform;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.organisation_ids_matching_name(text, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.organisation_ids_matching_name(text, text) TO kyogikai_app;
