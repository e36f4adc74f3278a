import { schema, withTenant } from '@kyogikai/db';
import { createOrganisationFixture } from '@kyogikai/db/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activate, APPLICANT_PASSWORD, inputIssues, signUp } from './helpers/account-flow';
import { portalCaller } from './helpers/callers';
import { createTestApi, type TestApi } from './helpers/test-api';

const COMPLETE_STEP1 = {
  corporateName: '社会福祉法人さくら会',
  corporateNameKana: 'シャカイフクシホウジンサクラカイ',
  corporateNumber: '7000012050002',
  postalCode: '1040061',
  prefecture: '東京都',
  city: '中央区',
  town: '銀座7-17-14',
  building: '松岡銀七ビル3階',
  representativeTitle: '理事長',
  representativeName: '山田 太郎',
  phone: '03-6206-1262',
  contactName: '佐藤 花子',
  contactDepartment: '総務部',
  contactEmail: 'hanako@example.jp',
  contactPhone: '03-6206-1262',
  directoryOptIn: true,
};

describe('B1-B3 マイページ, STEP1 会員情報 with postal lookup, and 一時保存', () => {
  let api: TestApi;
  let loginId: string;
  let userId: string;
  let organisationId: string;
  let session: string;

  beforeAll(async () => {
    api = await createTestApi();
    const account = await signUp(api, api.tenantA, '192.0.2.41');
    const activated = await activate(api, api.tenantA, { token: account.token, loginId: account.loginId });
    loginId = account.loginId;
    userId = activated.user.id;
    session = activated.sessionToken;
    organisationId = (await api.portal(api.tenantA, session).organisation.get()).id;
  });
  afterAll(() => api.close());

  const me = () => api.portal(api.tenantA, session);
  const setApplicationState = (state: 'draft' | 'submitted') =>
    withTenant(api.testDb.owner, api.tenantA.id, (tx) =>
      tx.update(schema.applications).set({ state }).where(eq(schema.applications.organisationId, organisationId)),
    );

  it('B1 マイページ shows the corporation, the application status, the timeline and what is missing', async () => {
    const page = await me().mypage.get();
    expect(page.organisation).toEqual({ id: organisationId, corporateName: '社会福祉法人さくら会', membershipState: 'none' });
    expect(page.application).toMatchObject({ state: 'draft', referenceNumber: null, submittedAt: null });
    expect(page.steps).toEqual([
      { key: 'step1', status: 'current' },
      { key: 'step2', status: 'todo' },
      { key: 'submit', status: 'todo' },
      { key: 'review', status: 'todo' },
      { key: 'certificate', status: 'todo' },
    ]);
    // Sign-up already filled 法人名 and the contact person's name, email and phone.
    expect(page.step1MissingFields).toEqual([
      'corporateNameKana',
      'corporateNumber',
      'postalCode',
      'prefecture',
      'city',
      'town',
      'representativeTitle',
      'representativeName',
      'phone',
    ]);
    expect(page.isEditable).toBe(true);
    expect(page.reviewTargetWorkingDays).toBe(api.tenantA.config.reviewTargetWorkingDays);
    expect(page.secretariat).toEqual(api.tenantA.config.secretariatContact);
  });

  it('B2 postal code lookup: known, unknown, full-width, with hyphen, invalid', async () => {
    const portal = api.portal(api.tenantA);
    const ginza = { status: 'found', postalCode: '1040061', prefecture: '東京都', city: '中央区', town: '銀座' };
    expect(await portal.postal.lookup({ postalCode: '1040061' })).toEqual(ginza);
    expect(await portal.postal.lookup({ postalCode: '104-0061' })).toEqual(ginza);
    expect(await portal.postal.lookup({ postalCode: '１０４－００６１' })).toEqual(ginza);
    expect(await portal.postal.lookup({ postalCode: '0000000' })).toEqual({ status: 'not_found' });
    expect(await portal.postal.lookup({ postalCode: '12' })).toEqual({ status: 'invalid' });
  });

  it('B3 一時保存 saves incomplete, normalised values; signing in again resumes the draft', async () => {
    const { version } = await me().organisation.get();
    const saved = await me().organisation.saveDraft({
      version,
      values: {
        corporateNameKana: 'しゃかいふくしほうじんｻｸﾗｶｲ',
        postalCode: '１０４－００６１',
        prefecture: '東京都',
        city: '中央区',
        town: '銀座',
        building: '',
      },
    });
    expect(saved.version).toBe(version + 1);
    expect(saved.savedAt).toBeInstanceOf(Date);

    await me().session.signOut();
    const { ctx, cookieJar } = api.contextFor(api.tenantA, 'portal');
    await portalCaller(ctx).session.signIn({ loginId, password: APPLICANT_PASSWORD });
    session = cookieJar.token ?? '';

    expect(await me().organisation.get()).toMatchObject({
      version: version + 1,
      corporateName: '社会福祉法人さくら会',
      corporateNameKana: 'シャカイフクシホウジンサクラカイ',
      postalCode: '1040061',
      prefecture: '東京都',
      city: '中央区',
      town: '銀座',
      building: null,
      representativeName: null,
    });
    const [audit] = await withTenant(api.testDb.app, api.tenantA.id, (tx) =>
      tx
        .select()
        .from(schema.auditEvents)
        .where(and(eq(schema.auditEvents.targetId, organisationId), eq(schema.auditEvents.action, 'organisation.draft_saved'))),
    );
    expect(audit).toMatchObject({
      actorUserId: userId,
      before: { postalCode: null, corporateNameKana: null },
      after: { postalCode: '1040061', corporateNameKana: 'シャカイフクシホウジンサクラカイ' },
    });
    // Only changed fields are recorded (building was empty and stays empty).
    expect(Object.keys(audit?.after as object).sort()).toEqual(['city', 'corporateNameKana', 'postalCode', 'prefecture', 'town']);
  });

  it('B2 a value that is there but wrong is refused next to its field; nothing is saved', async () => {
    const { version } = await me().organisation.get();
    expect(
      await inputIssues(
        me().organisation.saveDraft({
          version,
          values: { corporateNumber: '1234567890123', contactEmail: 'nope', representativeName: '山田 太郎' },
        }),
      ),
    ).toEqual({
      code: 'BAD_REQUEST',
      issues: [
        ['values.corporateNumber', 'organisation.corporateNumberInvalid'],
        ['values.contactEmail', 'validation.email'],
      ],
    });
    expect(await me().organisation.get()).toMatchObject({ version, representativeName: null });
  });

  it('B3 two tabs: the second save with the old version is told the draft changed, and nothing is overwritten', async () => {
    const { version } = await me().organisation.get();
    await me().organisation.saveDraft({ version, values: { representativeName: '山田 太郎' } });
    await expect(me().organisation.saveDraft({ version, values: { representativeName: '別人 次郎' } })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'organisation.draftChanged',
      messageParams: { currentVersion: version + 1 },
    });
    expect((await me().organisation.get()).representativeName).toBe('山田 太郎');

    // Truly at the same time: exactly one wins.
    const current = (await me().organisation.get()).version;
    const results = await Promise.allSettled([
      me().organisation.saveDraft({ version: current, values: { representativeTitle: '理事長' } }),
      me().organisation.saveDraft({ version: current, values: { representativeTitle: '会長' } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { message: 'organisation.draftChanged' } });
  });

  it('B2 a complete STEP1 is done on マイページ and STEP2 becomes current', async () => {
    const { version } = await me().organisation.get();
    await me().organisation.saveDraft({ version, values: COMPLETE_STEP1 });
    const page = await me().mypage.get();
    expect(page.step1MissingFields).toEqual([]);
    expect(page.steps.slice(0, 3)).toEqual([
      { key: 'step1', status: 'done' },
      { key: 'step2', status: 'current' },
      { key: 'submit', status: 'todo' },
    ]);
  });

  it('C1 saving is refused while the application is under review', async () => {
    await setApplicationState('submitted');
    try {
      const { version } = await me().organisation.get();
      await expect(me().organisation.saveDraft({ version, values: { building: '新ビル' } })).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: 'application.lockedUnderReview',
      });
      const page = await me().mypage.get();
      expect(page.isEditable).toBe(false);
      expect(page.steps.map((s) => s.status)).toEqual(['done', 'done', 'done', 'current', 'todo']);
    } finally {
      await setApplicationState('draft');
    }
  });

  it('D after joining, STEP1 is no longer edited directly', async () => {
    await withTenant(api.testDb.owner, api.tenantA.id, (tx) =>
      tx
        .update(schema.organisations)
        .set({ membershipState: 'active', membershipNumber: `M-${organisationId.slice(0, 8)}`, joinedAt: new Date() })
        .where(eq(schema.organisations.id, organisationId)),
    );
    try {
      const { version } = await me().organisation.get();
      await expect(me().organisation.saveDraft({ version, values: { building: '新ビル' } })).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: 'organisation.changeRequestRequired',
      });
    } finally {
      await withTenant(api.testDb.owner, api.tenantA.id, (tx) =>
        tx
          .update(schema.organisations)
          .set({ membershipState: 'none', membershipNumber: null, joinedAt: null })
          .where(eq(schema.organisations.id, organisationId)),
      );
    }
  });

  it('B3 organisation A’s user cannot save B’s draft: not by switching, not as a viewer, not from another tenant', async () => {
    const other = await createOrganisationFixture(api.testDb.owner, api.tenantA.id, { corporateName: '株式会社ほか' });
    await expect(me().organisation.switch({ organisationId: other.organisationId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const [before] = await withTenant(api.testDb.owner, api.tenantA.id, (tx) =>
      tx.select().from(schema.organisations).where(eq(schema.organisations.id, other.organisationId)),
    );

    // A viewer of B may look but not save.
    const viewer = await createOrganisationFixture(api.testDb.owner, api.tenantA.id, { role: 'viewer', userId });
    await me().organisation.switch({ organisationId: viewer.organisationId });
    await expect(me().organisation.saveDraft({ version: 1, values: { corporateName: '乗っ取り' } })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'organisation.permissionMissing',
    });
    await me().organisation.switch({ organisationId });

    // The session of tenant A means nothing in tenant B.
    await expect(
      api.portal(api.tenantB, session).organisation.saveDraft({ version: 1, values: { corporateName: 'x' } }),
    ).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await expect(api.portal(api.tenantB, session).mypage.get()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });

    const [after] = await withTenant(api.testDb.owner, api.tenantA.id, (tx) =>
      tx.select().from(schema.organisations).where(eq(schema.organisations.id, other.organisationId)),
    );
    expect(after).toEqual(before);
  });

  it('B1 without a session, マイページ and 一時保存 are refused', async () => {
    await expect(api.portal(api.tenantA).mypage.get()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(api.portal(api.tenantA).organisation.saveDraft({ version: 1, values: {} })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });
});
