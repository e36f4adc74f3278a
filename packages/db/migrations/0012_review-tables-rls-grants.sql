-- Custom migration: what drizzle-kit cannot emit for the staff-only review tables (issue 6). Runs
-- unchanged on PostgreSQL and PGlite. FORCE makes the policy apply to the table owner too.
ALTER TABLE "application_notes" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "document_checks" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Notes are a record: written once, never edited or removed.
GRANT SELECT, INSERT ON "application_notes" TO kyogikai_app;
--> statement-breakpoint
-- A check is set again when the reviewer changes their mind; kept for the record, no DELETE.
GRANT SELECT, INSERT, UPDATE ON "document_checks" TO kyogikai_app;
--> statement-breakpoint
CREATE TRIGGER "document_checks_bump_version" BEFORE UPDATE ON "document_checks" FOR EACH ROW EXECUTE FUNCTION public.bump_row_version();
