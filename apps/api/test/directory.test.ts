import { schema } from '@kyogikai/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIRECTORY_PAGE_SIZE } from '../src/directory/list-member-directory';
import { makeMember } from './helpers/certificates';
import { createTestApi, type TestApi } from './helpers/test-api';

describe('G8 public member directory: opted-in active members of this council only, three fields', () => {
  let api: TestApi;

  const db = () => api.testDb.owner.db;
  async function organisation(tenant: TestApi['tenantA'], loginId: string) {
    await api.applicant(tenant, loginId);
    const token = await api.signIn(tenant, 'portal', loginId);
    const portal = api.portal(tenant, token);
    return { token, portal, organisationId: (await portal.organisation.get()).id };
  }
  async function setRow(organisationId: string, values: Partial<typeof schema.organisations.$inferInsert>) {
    await db().update(schema.organisations).set(values).where(eq(schema.organisations.id, organisationId));
  }

  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('G8 lists only active members that opted in, sorted by kana, with name, prefecture and membership number only; withdrawal removes a member', async () => {
    const listed = await organisation(api.tenantA, 'dir-listed');
    await makeMember(api, api.tenantA, listed.organisationId, 'KAIGO-M2026-000401');
    await setRow(listed.organisationId, { corporateName: '社会福祉法人わかば会', corporateNameKana: 'ワカバカイ', prefecture: '大阪府' });
    const second = await organisation(api.tenantA, 'dir-second');
    await makeMember(api, api.tenantA, second.organisationId, 'KAIGO-M2026-000402');
    await setRow(second.organisationId, { corporateName: '株式会社あおば', corporateNameKana: 'アオバ', prefecture: '東京都' });
    const notOptedIn = await organisation(api.tenantA, 'dir-private');
    await makeMember(api, api.tenantA, notOptedIn.organisationId, 'KAIGO-M2026-000403');
    // Opted in while applying, but not (yet) a member.
    const applicant = await organisation(api.tenantA, 'dir-applicant');
    await setRow(applicant.organisationId, { directoryOptIn: true, corporateNameKana: 'イイイ', prefecture: '京都府' });
    // Another council's opted-in member.
    const elsewhere = await organisation(api.tenantB, 'dir-elsewhere');
    await makeMember(api, api.tenantB, elsewhere.organisationId, 'OTHER-M2026-000001');
    await setRow(elsewhere.organisationId, { directoryOptIn: true });

    // The member chooses on マイページ; the change applies at once and is audited.
    for (const member of [listed, second]) {
      expect(await member.portal.membership.setDirectoryOptIn({ directoryOptIn: true })).toEqual({ directoryOptIn: true });
    }
    const audit = await db().select().from(schema.auditEvents).where(eq(schema.auditEvents.targetId, listed.organisationId));
    expect(audit.map((row) => [row.action, row.before, row.after])).toContainEqual([
      'organisation.directory_opt_in_changed',
      { directoryOptIn: false },
      { directoryOptIn: true },
    ]);

    const publicA = api.portal(api.tenantA);
    const page = await publicA.directory.list({ page: 1 });
    expect(page).toEqual({
      entries: [
        { corporateName: '株式会社あおば', prefecture: '東京都', membershipNumber: 'KAIGO-M2026-000402' },
        { corporateName: '社会福祉法人わかば会', prefecture: '大阪府', membershipNumber: 'KAIGO-M2026-000401' },
      ],
      page: 1,
      pageCount: 1,
      total: 2,
    });
    for (const entry of page.entries) expect(Object.keys(entry).sort()).toEqual(['corporateName', 'membershipNumber', 'prefecture']);
    expect((await api.portal(api.tenantB).directory.list({ page: 1 })).entries.map((entry) => entry.membershipNumber)).toEqual([
      'OTHER-M2026-000001',
    ]);

    // Taking the consent back removes the member at once.
    await second.portal.membership.setDirectoryOptIn({ directoryOptIn: false });
    expect((await publicA.directory.list({ page: 1 })).entries.map((entry) => entry.membershipNumber)).toEqual(['KAIGO-M2026-000401']);

    // A withdrawn member disappears, whatever it chose.
    await listed.portal.membership.withdraw({ notesAcknowledged: true });
    expect(await publicA.directory.list({ page: 1 })).toEqual({ entries: [], page: 1, pageCount: 1, total: 0 });
  });

  it('G8 pages of 50 in kana order; a page past the end answers the last page', async () => {
    const a = await organisation(api.tenantA, 'dir-paging');
    await makeMember(api, api.tenantA, a.organisationId, 'KAIGO-M2026-000500');
    await setRow(a.organisationId, { directoryOptIn: true, corporateNameKana: 'ア' });
    const tenantId = api.tenantA.id;
    await db()
      .insert(schema.organisations)
      .values(
        Array.from({ length: DIRECTORY_PAGE_SIZE }, (_, index) => ({
          tenantId,
          corporateName: `法人${index}`,
          corporateNameKana: `カ${String(index).padStart(3, '0')}`,
          prefecture: '北海道',
          membershipState: 'active' as const,
          membershipNumber: `KAIGO-M2026-${String(600 + index).padStart(6, '0')}`,
          joinedAt: new Date('2026-11-01T00:00:00Z'),
          directoryOptIn: true,
        })),
      );
    const first = await api.portal(api.tenantA).directory.list({ page: 1 });
    expect(first).toMatchObject({ page: 1, pageCount: 2, total: DIRECTORY_PAGE_SIZE + 1 });
    expect(first.entries).toHaveLength(DIRECTORY_PAGE_SIZE);
    expect(first.entries[0]?.membershipNumber).toBe('KAIGO-M2026-000500');
    const last = await api.portal(api.tenantA).directory.list({ page: 9 });
    expect(last).toMatchObject({ page: 2, pageCount: 2 });
    expect(last.entries.map((entry) => entry.corporateName)).toEqual([`法人${DIRECTORY_PAGE_SIZE - 1}`]);
  });

  it('G8 ADR 008 the choice is the member’s: a viewer, a withdrawn member, another tenant’s session and no session are refused', async () => {
    const m = await organisation(api.tenantA, 'dir-guard');
    // Before joining, the choice is made in STEP1 (一時保存), not here.
    await expect(m.portal.membership.setDirectoryOptIn({ directoryOptIn: true })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'membership.notActive',
    });
    await makeMember(api, api.tenantA, m.organisationId, 'KAIGO-M2026-000700');
    const viewerLogin = 'dir-guard-viewer';
    const viewer = await api.applicant(api.tenantA, viewerLogin);
    await db()
      .insert(schema.organisationMemberships)
      .values({ tenantId: api.tenantA.id, organisationId: m.organisationId, userId: viewer.id, role: 'viewer' });
    const viewerPortal = api.portal(api.tenantA, await api.signIn(api.tenantA, 'portal', viewerLogin));
    await viewerPortal.organisation.switch({ organisationId: m.organisationId });
    await expect(viewerPortal.membership.setDirectoryOptIn({ directoryOptIn: true })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'organisation.permissionMissing',
    });
    expect((await viewerPortal.membership.get()).canChangeDirectoryOptIn).toBe(false);
    await expect(api.portal(api.tenantB, m.token).membership.setDirectoryOptIn({ directoryOptIn: true })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await expect(api.portal(api.tenantA).membership.setDirectoryOptIn({ directoryOptIn: true })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await m.portal.membership.withdraw({ notesAcknowledged: true });
    await expect(m.portal.membership.setDirectoryOptIn({ directoryOptIn: true })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'membership.notActive',
    });
    const [row] = await db().select().from(schema.organisations).where(eq(schema.organisations.id, m.organisationId));
    expect(row?.directoryOptIn).toBe(false);
  });
});
