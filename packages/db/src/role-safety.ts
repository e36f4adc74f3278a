import { sql } from 'drizzle-orm';
import { type Database, queryRows } from './database';

export class UnsafeDatabaseRoleError extends Error {
  readonly reasons: string[];
  constructor(role: string, reasons: string[]) {
    super(`database role "${role}" must not serve requests: ${reasons.join('; ')}`);
    this.name = 'UnsafeDatabaseRoleError';
    this.reasons = reasons;
  }
}

type RoleFacts = {
  role: string;
  is_superuser: boolean;
  bypasses_rls: boolean;
  owned_tables: string[] | null;
  bypassing_roles: string[] | null;
};

/**
 * Refuses a connection on which row-level security would not hold: a superuser, a role with
 * BYPASSRLS, or a role that owns (or can become the owner of) a table in `public`. Call it at
 * boot on the handle that will serve requests.
 */
export async function assertSafeAppRole(app: Database): Promise<void> {
  const [facts] = await queryRows<RoleFacts>(
    app.db,
    sql`
      select
        current_user::text as role,
        r.rolsuper as is_superuser,
        r.rolbypassrls as bypasses_rls,
        (select array_agg(c.relname::text order by c.relname)
           from pg_catalog.pg_class c
           join pg_catalog.pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public'
            and c.relkind in ('r', 'p', 'v', 'm', 'f')
            -- A superuser counts as a member of every role: for it, list only what it owns.
            and (c.relowner = r.oid
                 or (not r.rolsuper and pg_catalog.pg_has_role(current_user, c.relowner, 'MEMBER')))) as owned_tables,
        (select array_agg(o.rolname::text order by o.rolname)
           from pg_catalog.pg_roles o
          where o.oid <> r.oid
            and not r.rolsuper
            and (o.rolsuper or o.rolbypassrls)
            and pg_catalog.pg_has_role(current_user, o.oid, 'MEMBER')) as bypassing_roles
      from pg_catalog.pg_roles r
      where r.rolname = current_user`,
  );
  if (!facts) throw new UnsafeDatabaseRoleError('(unknown)', ['current_user not found in pg_roles']);
  const reasons: string[] = [];
  if (facts.is_superuser) reasons.push('it is a superuser');
  if (facts.bypasses_rls) reasons.push('it has BYPASSRLS');
  if (facts.owned_tables?.length) reasons.push(`it owns tables in schema public: ${facts.owned_tables.join(', ')}`);
  if (facts.bypassing_roles?.length) reasons.push(`it can act as roles that bypass RLS: ${facts.bypassing_roles.join(', ')}`);
  if (reasons.length > 0) throw new UnsafeDatabaseRoleError(facts.role, reasons);
}
