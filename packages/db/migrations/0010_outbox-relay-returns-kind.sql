-- The relay dispatches by kind (mail, certificate; ADR 018), so the pending list returns it.
-- A function's result columns cannot change with CREATE OR REPLACE: drop and create again,
-- with the same owner, search_path and grants as migration 0003.
DROP FUNCTION public.unsafe_outbox_pending(integer);
--> statement-breakpoint
CREATE FUNCTION public.unsafe_outbox_pending(batch integer)
RETURNS TABLE (id uuid, tenant_id uuid, kind text, payload jsonb)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT o.id, o.tenant_id, o.kind, o.payload
  FROM public.outbox_messages AS o
  WHERE o.status = 'pending' AND o.available_at <= now()
  ORDER BY o.available_at, o.created_at, o.id
  LIMIT least(greatest(coalesce(unsafe_outbox_pending.batch, 0), 0), 1000)
$$;
--> statement-breakpoint
ALTER FUNCTION public.unsafe_outbox_pending(integer) OWNER TO kyogikai_platform;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.unsafe_outbox_pending(integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public.unsafe_outbox_pending(integer) TO kyogikai_app;
