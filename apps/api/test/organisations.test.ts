import { listMembershipsOfUser, schema, withTenant } from '@kyogikai/db';
import { createOrganisationFixture } from '@kyogikai/db/testing';
import type { TOrganisationRole } from '@kyogikai/domain';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCallerFactory, router } from '../src/trpc/init';
import { memberProcedure } from '../src/trpc/procedures';
import { createTestApi, type TestApi } from './helpers/test-api';

/** A procedure needing `edit`, to prove the permission check of the builder itself. */
const editCaller = createCallerFactory(router({ edit: memberProcedure('edit').mutation(({ ctx }) => ctx.organisation.id) }));

describe('G7 organisations, memberships and the acting organisation', () => {
  let api: TestApi;
  let userId: string;
  let loginId: string;
  let orgA1: string;
  let orgA2: string;
  let orgOfOtherUser: string;

  const ownOrganisation = async (forUser: string) => {
    const [membership] = await withTenant(api.testDb.owner, api.tenantA.id, (tx) => listMembershipsOfUser(tx, forUser));
    if (!membership) throw new Error('the applicant has no organisation');
    return membership.organisationId;
  };
  const addMembership = async (role: TOrganisationRole, forUser = userId) =>
    (await createOrganisationFixture(api.testDb.owner, api.tenantA.id, { userId: forUser, role })).organisationId;

  beforeAll(async () => {
    api = await createTestApi();
    loginId = `multi-${api.tenantA.slug}`;
    // An applicant account comes with its own organisation (org_admin), like sign-up.
    userId = (await api.applicant(api.tenantA, loginId)).id;
    orgA1 = await ownOrganisation(userId);
    orgA2 = await addMembership('viewer');
    orgOfOtherUser = (await createOrganisationFixture(api.testDb.owner, api.tenantA.id)).organisationId;
  });
  afterAll(() => api.close());

  it('G7 one person can act for several organisations and chooses which after sign-in', async () => {
    const token = await api.signIn(api.tenantA, 'portal', loginId);
    await expect(api.portal(api.tenantA, token).organisation.get()).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'organisation.notSelected',
    });
    const mine = await api.portal(api.tenantA, token).organisation.listMine();
    expect(mine.map((m) => m.organisationId).sort()).toEqual([orgA1, orgA2].sort());
    expect(mine.every((m) => !m.isActing)).toBe(true);

    await api.portal(api.tenantA, token).organisation.switch({ organisationId: orgA2 });
    const org = await api.portal(api.tenantA, token).organisation.get();
    expect(org).toMatchObject({ id: orgA2, myRole: 'viewer', myPermissions: ['view'] });
  });

  it('switching to an organisation the user does not belong to is refused (not found), and nothing changes', async () => {
    const token = await api.signIn(api.tenantA, 'portal', loginId);
    await api.portal(api.tenantA, token).organisation.switch({ organisationId: orgA1 });
    await expect(api.portal(api.tenantA, token).organisation.switch({ organisationId: orgOfOtherUser })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await api.portal(api.tenantA, token).organisation.get()).id).toBe(orgA1);
  });

  it('a user with one organisation acts for it straight after sign-in', async () => {
    const single = `single-${api.tenantA.slug}`;
    const singleUser = (await api.applicant(api.tenantA, single)).id;
    const organisationId = await ownOrganisation(singleUser);
    const token = await api.signIn(api.tenantA, 'portal', single);
    expect(await api.portal(api.tenantA, token).organisation.get()).toMatchObject({
      id: organisationId,
      myRole: 'org_admin',
      myPermissions: ['view', 'edit', 'submit', 'download_certificate', 'request_reissue', 'withdraw', 'manage_users'],
    });
  });

  it('a membership without the permission cannot perform the action', async () => {
    const token = await api.signIn(api.tenantA, 'portal', loginId);
    await api.portal(api.tenantA, token).organisation.switch({ organisationId: orgA2 });
    await expect(editCaller(api.contextFor(api.tenantA, 'portal', token).ctx).edit()).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'organisation.permissionMissing',
    });
    await api.portal(api.tenantA, token).organisation.switch({ organisationId: orgA1 });
    await expect(editCaller(api.contextFor(api.tenantA, 'portal', token).ctx).edit()).resolves.toBe(orgA1);
  });

  it('G7 a revoked membership loses access on the very next request', async () => {
    const token = await api.signIn(api.tenantA, 'portal', loginId);
    const revokedOrg = await addMembership('applicant_editor');
    await api.portal(api.tenantA, token).organisation.switch({ organisationId: revokedOrg });
    await withTenant(api.testDb.owner, api.tenantA.id, (tx) =>
      tx
        .update(schema.organisationMemberships)
        .set({ status: 'revoked', revokedAt: new Date() })
        .where(and(eq(schema.organisationMemberships.userId, userId), eq(schema.organisationMemberships.organisationId, revokedOrg))),
    );
    await expect(api.portal(api.tenantA, token).organisation.get()).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'organisation.accessRevoked',
    });
    // The session no longer acts for it.
    await expect(api.portal(api.tenantA, token).organisation.get()).rejects.toMatchObject({ message: 'organisation.notSelected' });
  });

  it('G7 a tenant that forbids support organisations suspends their access', async () => {
    const delegate = `delegate-${api.tenantA.slug}`;
    const delegateUser = (await api.applicant(api.tenantA, delegate)).id;
    const organisationId = await addMembership('support_organisation', delegateUser);
    const token = await api.signIn(api.tenantA, 'portal', delegate);
    await api.portal(api.tenantA, token).organisation.switch({ organisationId });
    expect((await api.portal(api.tenantA, token).organisation.get()).id).toBe(organisationId);
    const strictTenant = { ...api.tenantA, config: { ...api.tenantA.config, allowSupportOrganisations: false } };
    await expect(api.portal(strictTenant, token).organisation.get()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('staff and sessions of another tenant cannot use organisation procedures', async () => {
    await api.staff(api.tenantA, 'secretariat', `sec-orgs-${api.tenantA.slug}@example.jp`);
    const staffToken = await api.signIn(api.tenantA, 'admin', `sec-orgs-${api.tenantA.slug}@example.jp`);
    await expect(api.portal(api.tenantA, staffToken).organisation.get()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const token = await api.signIn(api.tenantA, 'portal', loginId);
    await expect(api.portal(api.tenantB, token).organisation.listMine()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
