import { schema, type TenantRecord } from '@kyogikai/db';
import { eq } from 'drizzle-orm';
import { makeMember } from './certificates';
import type { TestApi } from './test-api';

/** A signed-in applicant of a tenant and the organisation its sign-up created. */
export type TestApplicant = { loginId: string; userId: string; organisationId: string; token: string };

/** An active member as the approval leaves it; `contactEmail` is where its mails go (set by makeMember). */
export type TestMember = TestApplicant & { contactEmail: string };

export async function signedInApplicant(api: TestApi, tenant: TenantRecord, loginId: string): Promise<TestApplicant> {
  const created = await api.applicant(tenant, loginId);
  const token = await api.signIn(tenant, 'portal', loginId);
  const organisationId = (await api.portal(tenant, token).organisation.get()).id;
  return { loginId, userId: created.id, organisationId, token };
}

/**
 * An applicant whose organisation became an active member with this membership number (makeMember).
 * `applicationApproved`: its application also stands approved, as when it joined through a submitted
 * application — staff may then read the member's files (issue 6).
 */
export async function activeMember(
  api: TestApi,
  tenant: TenantRecord,
  loginId: string,
  membershipNumber: string,
  options: { applicationApproved?: boolean } = {},
): Promise<TestMember> {
  const m = await signedInApplicant(api, tenant, loginId);
  await makeMember(api, tenant, m.organisationId, membershipNumber);
  if (options.applicationApproved) {
    await api.testDb.owner.db
      .update(schema.applications)
      .set({ state: 'approved', submittedAt: new Date('2026-11-01T00:00:00Z'), decidedAt: new Date('2026-11-10T00:00:00Z') })
      .where(eq(schema.applications.organisationId, m.organisationId));
  }
  return { ...m, contactEmail: `contact-${membershipNumber.toLowerCase()}@example.jp` };
}

/**
 * A second applicant given the viewer role in the member's organisation (G7) and switched to it:
 * its portal client reads the organisation, and may not change it.
 */
export async function organisationViewer(api: TestApi, tenant: TenantRecord, m: TestApplicant, loginId: string) {
  const viewer = await signedInApplicant(api, tenant, loginId);
  await api.testDb.owner.db.insert(schema.organisationMemberships).values({
    tenantId: tenant.id,
    organisationId: m.organisationId,
    userId: viewer.userId,
    role: 'viewer',
    grantedByUserId: m.userId,
  });
  const portal = api.portal(tenant, viewer.token);
  await portal.organisation.switch({ organisationId: m.organisationId });
  return { ...viewer, portal };
}
