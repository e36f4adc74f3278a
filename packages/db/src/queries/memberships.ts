import type { TMembershipState, TOrganisationRole } from '@kyogikai/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { TenantTx } from '../database';
import { organisationMemberships, organisations } from '../schema';

/**
 * The user's active role in the organisation, or null (no membership, or revoked). The API calls
 * it on every applicant request to re-check the session's acting organisation. Run it inside
 * `withOrganisation` for that same organisation (the membership row is visible there) or inside
 * `withTenant`.
 */
export async function findActiveMembership(
  tx: TenantTx,
  userId: string,
  organisationId: string,
): Promise<{ role: TOrganisationRole } | null> {
  const [row] = await tx
    .select({ role: organisationMemberships.role })
    .from(organisationMemberships)
    .where(
      and(
        eq(organisationMemberships.userId, userId),
        eq(organisationMemberships.organisationId, organisationId),
        eq(organisationMemberships.status, 'active'),
      ),
    )
    .limit(1);
  return row ?? null;
}

export type UserMembership = {
  organisationId: string;
  /** 法人名; null while STEP1 has not been saved yet. */
  organisationName: string | null;
  role: TOrganisationRole;
  membershipState: TMembershipState;
};

/**
 * The organisations a user may act for (active memberships), by name: the organisation switcher
 * and the choice after sign-in. Spans organisations, so run it inside `withTenant`: under
 * `withOrganisation` it would list only that one organisation.
 */
export async function listMembershipsOfUser(tx: TenantTx, userId: string): Promise<UserMembership[]> {
  return tx
    .select({
      organisationId: organisations.id,
      organisationName: organisations.corporateName,
      role: organisationMemberships.role,
      membershipState: organisations.membershipState,
    })
    .from(organisationMemberships)
    .innerJoin(
      organisations,
      and(eq(organisations.tenantId, organisationMemberships.tenantId), eq(organisations.id, organisationMemberships.organisationId)),
    )
    .where(and(eq(organisationMemberships.userId, userId), eq(organisationMemberships.status, 'active')))
    .orderBy(sql`${organisations.corporateName} asc nulls last`, asc(organisationMemberships.createdAt), asc(organisations.id));
}
