import { findActiveMembership, type TenantTx, withOrganisation } from '@kyogikai/db';
import { effectivePermissions, type TOrganisationRole, type TPermission, type TStaffRole } from '@kyogikai/domain';
import { findSession, setActingOrganisation, touchSession, type ValidSession } from '../auth/sessions';
import { AppError } from './app-error';
import { inTenant } from './context';
import { publicProcedure } from './init';

/**
 * Requires a live session of this app (portal or admin) in this tenant. Only user-initiated
 * requests count as activity: every mutation, and queries the client marks with the activity
 * header. Background refetches and the status poll therefore never keep a session alive (SPEC A6).
 */
export const sessionProcedure = publicProcedure.use(async ({ ctx, type, next }) => {
  if (!ctx.sessionToken) throw new AppError('UNAUTHORIZED', 'common.unauthorized');
  const token = ctx.sessionToken;
  const now = ctx.clock.now();
  const session = await inTenant(ctx, async (tx) => {
    const lookup = await findSession(tx, { token, app: ctx.app, now, policy: ctx.sessionPolicy });
    if (lookup.status !== 'valid') return lookup;
    if (type === 'mutation' || ctx.isUserActivity) {
      await touchSession(tx, lookup.session.id, now);
      lookup.session.lastActivityAt = now;
    }
    return lookup;
  });
  if (session.status !== 'valid') {
    ctx.cookies.clearSession();
    throw new AppError('UNAUTHORIZED', session.status === 'expired' ? 'auth.sessionExpired' : 'common.unauthorized');
  }
  return next({ ctx: { ...ctx, session: session.session as ValidSession } });
});

/** Staff procedures name the roles that may call them; everyone else gets FORBIDDEN. */
export function staffProcedure(roles: readonly TStaffRole[]) {
  return sessionProcedure.use(({ ctx, next }) => {
    if (ctx.app !== 'admin' || !(roles as readonly string[]).includes(ctx.session.user.role)) {
      throw new AppError('FORBIDDEN', 'common.forbidden');
    }
    return next();
  });
}

/** Applicant procedures: only portal sessions of applicant users. */
export const applicantProcedure = sessionProcedure.use(({ ctx, next }) => {
  if (ctx.app !== 'portal' || ctx.session.user.role !== 'applicant') throw new AppError('FORBIDDEN', 'common.forbidden');
  return next();
});

export interface ActingOrganisation {
  id: string;
  role: TOrganisationRole;
  permissions: ReadonlySet<TPermission>;
}

/**
 * Applicant procedures on behalf of the session's acting organisation, requiring one permission.
 * The membership is re-checked on every request (a revoked user loses access at once), and the
 * procedure only gets `inOrganisation`: a transaction in which row-level security limits every
 * organisation-owned table to this organisation, so even a wrong query cannot reach another one.
 */
export function memberProcedure(permission: TPermission) {
  return applicantProcedure.use(async ({ ctx, next }) => {
    const organisationId = ctx.session.actingOrganisationId;
    if (!organisationId) throw new AppError('FORBIDDEN', 'organisation.notSelected');
    const userId = ctx.session.user.id;
    const membership = await withOrganisation(ctx.database, ctx.tenant.id, organisationId, (tx) =>
      findActiveMembership(tx, userId, organisationId),
    );
    if (!membership) {
      await inTenant(ctx, (tx) => setActingOrganisation(tx, ctx.session.id, null));
      throw new AppError('FORBIDDEN', 'organisation.accessRevoked');
    }
    const permissions = effectivePermissions(membership.role, ctx.tenant.config.allowSupportOrganisations);
    if (!permissions.has(permission)) throw new AppError('FORBIDDEN', 'organisation.permissionMissing', { permission });
    const organisation: ActingOrganisation = { id: organisationId, role: membership.role, permissions };
    return next({
      ctx: {
        ...ctx,
        organisation,
        inOrganisation: <T>(fn: (tx: TenantTx) => Promise<T>) => withOrganisation(ctx.database, ctx.tenant.id, organisationId, fn),
      },
    });
  });
}
