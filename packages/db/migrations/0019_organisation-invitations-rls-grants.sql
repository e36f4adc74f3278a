-- Custom migration: what drizzle-kit cannot emit for organisation_invitations (SPEC G7, ADR 022).
-- Runs unchanged on PostgreSQL and PGlite. FORCE makes the policy apply to the table owner too.
ALTER TABLE "organisation_invitations" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Invitations are the record of who was invited by whom: accepted or cancelled, never deleted.
GRANT SELECT, INSERT, UPDATE ON "organisation_invitations" TO kyogikai_app;
