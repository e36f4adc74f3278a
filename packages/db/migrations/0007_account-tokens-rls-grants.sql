-- Custom migration: what drizzle-kit cannot emit for account_tokens. Runs unchanged on PostgreSQL
-- and PGlite. FORCE makes the tenant policy apply to the table owner too.
ALTER TABLE "account_tokens" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "account_tokens" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- account_tokens: kept as the record of the links sent (used, expired or revoked); no DELETE.
GRANT SELECT, INSERT, UPDATE ON "account_tokens" TO kyogikai_app;
