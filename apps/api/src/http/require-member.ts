import { findActiveMembership, withOrganisation } from '@kyogikai/db';
import { effectivePermissions, type TPermission } from '@kyogikai/domain';
import type { MiddlewareHandler } from 'hono';
import type { ApiDeps } from '../app-deps';
import { requireSession } from './require-session';
import type { MemberEnv } from './tenant-env';

/**
 * memberProcedure (trpc/procedures.ts) for plain HTTP routes: a portal session of an applicant,
 * acting for an organisation it still belongs to, holding `permission`. The organisation comes from
 * the server-side session, never from the request.
 */
export function requireMember(
  deps: Pick<ApiDeps, 'database' | 'clock' | 'sessionPolicy' | 'mode'>,
  permission: TPermission,
): MiddlewareHandler<MemberEnv>[] {
  const member: MiddlewareHandler<MemberEnv> = async (c, next) => {
    const { session, tenant } = c.var;
    const organisationId = session.actingOrganisationId;
    if (!organisationId) return c.json({ error: { messageKey: 'organisation.notSelected' } }, 403);
    const membership = await withOrganisation(deps.database, tenant.id, organisationId, (tx) =>
      findActiveMembership(tx, session.user.id, organisationId),
    );
    if (!membership) return c.json({ error: { messageKey: 'organisation.accessRevoked' } }, 403);
    const permissions = effectivePermissions(membership.role, tenant.config.allowSupportOrganisations);
    if (!permissions.has(permission))
      return c.json({ error: { messageKey: 'organisation.permissionMissing', messageParams: { permission } } }, 403);
    c.set('organisationId', organisationId);
    return next();
  };
  return [requireSession(deps, 'portal', ['applicant']) as unknown as MiddlewareHandler<MemberEnv>, member];
}
