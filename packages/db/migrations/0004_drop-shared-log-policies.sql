-- Replaced by the append-only policies of 0005 (drizzle-kit emitted DISABLE here because the
-- tables had no policy in between; RLS stays enabled and forced, so nothing is visible meanwhile).
DROP POLICY "tenant_isolation" ON "audit_events" CASCADE;--> statement-breakpoint
DROP POLICY "tenant_isolation" ON "outbox_messages" CASCADE;
