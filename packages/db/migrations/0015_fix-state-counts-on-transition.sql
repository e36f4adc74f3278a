-- Custom migration: application_state_counts (0013, 0014) refused every state change of a
-- submitted application. The trigger inserted the -1 of the old state as a candidate row of
-- INSERT ... ON CONFLICT, and PostgreSQL checks CHECK (count >= 0) on the candidate row before the
-- conflict turns it into an update. Now: decrement the old state with an UPDATE, increment the new
-- one with an upsert of +1, in (tenant, state) order so concurrent transitions lock in one order.
CREATE OR REPLACE FUNCTION public.count_application_states()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  has_old boolean := TG_OP IN ('UPDATE', 'DELETE') AND OLD.submitted_at IS NOT NULL;
  has_new boolean := TG_OP IN ('INSERT', 'UPDATE') AND NEW.submitted_at IS NOT NULL;
  old_first boolean;
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.state = NEW.state AND OLD.tenant_id = NEW.tenant_id
     AND (OLD.submitted_at IS NULL) = (NEW.submitted_at IS NULL) THEN
    RETURN NULL;
  END IF;
  old_first := NOT has_new OR (has_old AND (OLD.tenant_id::text, OLD.state) <= (NEW.tenant_id::text, NEW.state));
  IF has_old AND old_first THEN
    UPDATE public.application_state_counts SET count = count - 1 WHERE tenant_id = OLD.tenant_id AND state = OLD.state;
  END IF;
  IF has_new THEN
    INSERT INTO public.application_state_counts AS c (tenant_id, state, count) VALUES (NEW.tenant_id, NEW.state, 1)
    ON CONFLICT (tenant_id, state) DO UPDATE SET count = c.count + 1;
  END IF;
  IF has_old AND NOT old_first THEN
    UPDATE public.application_state_counts SET count = count - 1 WHERE tenant_id = OLD.tenant_id AND state = OLD.state;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
ALTER FUNCTION public.count_application_states() OWNER TO kyogikai_platform;
--> statement-breakpoint
REVOKE ALL ON FUNCTION public.count_application_states() FROM PUBLIC;
