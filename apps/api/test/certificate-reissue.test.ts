import { schema } from '@kyogikai/db';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  certificateRow,
  downloadCertificate,
  makeMember,
  portalSessionCookie,
  renderCertificate,
  storeCertificate,
} from './helpers/certificates';
import { startTestStorage } from './helpers/documents';
import { createTestApi, type TestApi } from './helpers/test-api';

type Member = { loginId: string; userId: string; organisationId: string; token: string; cookie: string };

describe('E1 入会証明書再発行申請: the member asks with a reason, the secretariat approves or declines', () => {
  let api: TestApi;
  let store: Awaited<ReturnType<typeof startTestStorage>>;
  let secretariatA: string;
  let ministryA: string;
  let tenantAdminA: string;
  let secretariatB: string;

  async function applicant(tenant: TestApi['tenantA'], loginId: string): Promise<Member> {
    const created = await api.applicant(tenant, loginId);
    const token = await api.signIn(tenant, 'portal', loginId);
    const organisationId = (await api.portal(tenant, token).organisation.get()).id;
    return { loginId, userId: created.id, organisationId, token, cookie: portalSessionCookie(token) };
  }

  /** A member of tenant A that has downloaded its first certificate. */
  async function downloadedMember(loginId: string, membershipNumber: string) {
    const m = await applicant(api.tenantA, loginId);
    await makeMember(api, api.tenantA, m.organisationId, membershipNumber);
    const certificate = await storeCertificate(api, store.storage, api.tenantA, m.organisationId, { membershipNumber });
    await (await downloadCertificate(api, api.tenantA, m.cookie)).arrayBuffer();
    expect((await certificateRow(api, certificate.id)).state).toBe('downloaded');
    return { m, certificate };
  }

  const requestsOf = (organisationId: string) =>
    api.testDb.owner.db
      .select()
      .from(schema.reissueRequests)
      .where(eq(schema.reissueRequests.organisationId, organisationId))
      .orderBy(desc(schema.reissueRequests.createdAt));
  const mailsTo = async (to: string) =>
    (await api.testDb.owner.db.select().from(schema.outboxMessages).where(eq(schema.outboxMessages.kind, 'mail')))
      .map((row) => row.payload as { to: string; template: string; props: Record<string, unknown> })
      .filter((payload) => payload.to === to);
  const auditActions = async (targetId: string) =>
    (
      await api.testDb.owner.db
        .select()
        .from(schema.auditEvents)
        .where(eq(schema.auditEvents.targetId, targetId))
        .orderBy(schema.auditEvents.occurredAt)
    ).map((row) => row.action);

  beforeAll(async () => {
    store = await startTestStorage();
    api = await createTestApi({ storage: store.storage });
    for (const role of ['secretariat', 'ministry', 'tenant_admin'] as const) await api.staff(api.tenantA, role);
    await api.staff(api.tenantB, 'secretariat');
    secretariatA = await api.signIn(api.tenantA, 'admin', `secretariat-${api.tenantA.slug}@example.jp`);
    ministryA = await api.signIn(api.tenantA, 'admin', `ministry-${api.tenantA.slug}@example.jp`);
    tenantAdminA = await api.signIn(api.tenantA, 'admin', `tenant_admin-${api.tenantA.slug}@example.jp`);
    secretariatB = await api.signIn(api.tenantB, 'admin', `secretariat-${api.tenantB.slug}@example.jp`);
  });
  afterAll(async () => {
    await api.close();
    await store.close();
  });

  it('C4 E1 no reissue before the certificate was downloaded; a reason is required', async () => {
    const m = await applicant(api.tenantA, 'reissue-early');
    await makeMember(api, api.tenantA, m.organisationId, 'KAIGO-000201');
    await storeCertificate(api, store.storage, api.tenantA, m.organisationId, { membershipNumber: 'KAIGO-000201' });
    const portal = api.portal(api.tenantA, m.token);
    expect(await portal.certificate.get()).toMatchObject({ certificate: { stage: 'ready' }, canDownload: true, canRequestReissue: false });
    await expect(portal.certificate.requestReissue({ reason: '紛失したため' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'reissue.certificateNotDownloaded',
    });
    await (await downloadCertificate(api, api.tenantA, m.cookie)).arrayBuffer();
    await expect(portal.certificate.requestReissue({ reason: '   ' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await requestsOf(m.organisationId)).toEqual([]);
  });

  it('E1 G3 「申請を行う」 records the request, mails a receipt and the secretariat, audits; only one may be open', async () => {
    const { m, certificate } = await downloadedMember('reissue-one', 'KAIGO-000202');
    const portal = api.portal(api.tenantA, m.token);
    expect((await portal.certificate.get()).canRequestReissue).toBe(true);
    const { requestedAt } = await portal.certificate.requestReissue({ reason: '  事務所の移転で紛失したため  ' });
    const [request] = await requestsOf(m.organisationId);
    expect(request).toMatchObject({
      state: 'requested',
      reason: '事務所の移転で紛失したため',
      certificateId: certificate.id,
      requestedByUserId: m.userId,
      createdAt: requestedAt,
    });
    expect(await mailsTo('contact-kaigo-000202@example.jp')).toEqual([
      expect.objectContaining({
        template: 'reissue-request-received',
        props: expect.objectContaining({ reason: '事務所の移転で紛失したため' }),
      }),
    ]);
    const notices = (await mailsTo(api.tenantA.config.secretariatContact.email)).filter(
      (mail) => mail.template === 'reissue-requested-notice',
    );
    expect(notices.at(-1)?.props).toMatchObject({
      membershipNumber: 'KAIGO-000202',
      adminUrl: `${api.tenantA.publicOrigin}/admin/reissue-requests`,
    });
    expect(await auditActions(request?.id ?? '')).toEqual(['reissue.requested']);
    expect(await portal.certificate.get()).toMatchObject({
      openReissueRequest: { reason: '事務所の移転で紛失したため' },
      canRequestReissue: false,
      canCancelReissue: true,
    });

    await expect(portal.certificate.requestReissue({ reason: 'もう一度' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'reissue.alreadyRequested',
    });
    expect(await requestsOf(m.organisationId)).toHaveLength(1);
  });

  it('E1 the member may take an open request back and ask again; nobody else can take it back', async () => {
    const { m } = await downloadedMember('reissue-cancel', 'KAIGO-000209');
    const portal = api.portal(api.tenantA, m.token);
    await expect(portal.certificate.cancelReissue()).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'reissue.notFound' });
    await portal.certificate.requestReissue({ reason: '理由を書き直したい' });
    const neighbour = await applicant(api.tenantA, 'reissue-cancel-neighbour');
    await expect(api.portal(api.tenantA, neighbour.token).certificate.cancelReissue()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await portal.certificate.cancelReissue()).toEqual({ ok: true });
    const [cancelled] = await requestsOf(m.organisationId);
    expect(cancelled).toMatchObject({ state: 'cancelled', decidedByUserId: m.userId });
    expect(await auditActions(cancelled?.id ?? '')).toEqual(['reissue.requested', 'reissue.cancelled']);
    expect((await api.admin(api.tenantA, secretariatA).reissue.find()).some((row) => row.id === cancelled?.id)).toBe(false);
    expect(await portal.certificate.get()).toMatchObject({ openReissueRequest: null, canRequestReissue: true });
    await portal.certificate.requestReissue({ reason: '保管していたファイルを紛失したため。' });
    expect((await requestsOf(m.organisationId)).map((row) => row.state).sort()).toEqual(['cancelled', 'requested']);
  });

  it('E1 two simultaneous requests of one member: one is recorded, the other refused', async () => {
    const { m } = await downloadedMember('reissue-race', 'KAIGO-000203');
    const portal = api.portal(api.tenantA, m.token);
    const results = await Promise.allSettled([
      portal.certificate.requestReissue({ reason: '一回目' }),
      portal.certificate.requestReissue({ reason: '二回目' }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((result) => result.status === 'rejected')).toMatchObject({
      reason: { code: 'CONFLICT', message: 'reissue.alreadyRequested' },
    });
    expect(await requestsOf(m.organisationId)).toHaveLength(1);
  });

  it('E1 approval issues the next certificate (same membership number, issue 2), supersedes the old one and is audited', async () => {
    const { m, certificate } = await downloadedMember('reissue-approve', 'KAIGO-000204');
    await api.portal(api.tenantA, m.token).certificate.requestReissue({ reason: '破損したため' });
    const admin = api.admin(api.tenantA, secretariatA);
    const pending = (await admin.reissue.find()).find((row) => row.membershipNumber === 'KAIGO-000204');
    expect(pending).toMatchObject({
      corporateName: '法人 reissue-approve',
      issueNumber: 1,
      reason: '破損したため',
      requestedByName: '申請者 reissue-approve',
    });
    if (!pending) throw new Error('no pending request');

    await expect(admin.reissue.approve({ id: pending.id, version: pending.version + 1 })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await admin.reissue.approve({ id: pending.id, version: pending.version })).toEqual({
      issueNumber: 2,
      membershipNumber: 'KAIGO-000204',
    });

    const [request] = await requestsOf(m.organisationId);
    expect(request).toMatchObject({ state: 'approved', decidedAt: api.clock.now() });
    expect(await certificateRow(api, certificate.id)).toMatchObject({ state: 'superseded' });
    const issued = await certificateRow(api, request?.issuedCertificateId ?? '');
    expect(issued).toMatchObject({ state: 'issued', issueNumber: 2, membershipNumber: 'KAIGO-000204', objectKey: null });
    const generation = await api.testDb.owner.db
      .select()
      .from(schema.outboxMessages)
      .where(and(eq(schema.outboxMessages.kind, 'certificate'), eq(schema.outboxMessages.tenantId, api.tenantA.id)));
    expect(generation.map((row) => row.payload)).toContainEqual(
      expect.objectContaining({ certificateId: issued.id, notifyTemplate: 'certificate-reissued' }),
    );
    expect(await auditActions(pending.id)).toEqual(['reissue.requested', 'reissue.approved']);
    expect((await admin.reissue.find()).some((row) => row.id === pending.id)).toBe(false);

    // The member sees the new certificate being prepared, then (once rendered) downloads it once.
    const portal = api.portal(api.tenantA, m.token);
    expect(await portal.certificate.get()).toMatchObject({ certificate: { issueNumber: 2, stage: 'preparing' }, openReissueRequest: null });
    const rendered = await renderCertificate(api, store.storage, api.tenantA, issued.id);
    const download = await downloadCertificate(api, api.tenantA, m.cookie);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(rendered.bytes)).toBe(true);
    expect((await downloadCertificate(api, api.tenantA, m.cookie)).status).toBe(409);
  });

  it('E1 G3 a decline records the reason, mails it to the member and lets them ask again', async () => {
    const { m } = await downloadedMember('reissue-decline', 'KAIGO-000205');
    const portal = api.portal(api.tenantA, m.token);
    await portal.certificate.requestReissue({ reason: 'なんとなく' });
    const admin = api.admin(api.tenantA, secretariatA);
    const pending = (await admin.reissue.find()).find((row) => row.membershipNumber === 'KAIGO-000205');
    if (!pending) throw new Error('no pending request');
    await expect(admin.reissue.decline({ id: pending.id, version: pending.version, reason: ' ' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await admin.reissue.decline({ id: pending.id, version: pending.version, reason: '理由を具体的にご記入ください。' })).toEqual({
      ok: true,
    });
    const [request] = await requestsOf(m.organisationId);
    expect(request).toMatchObject({ state: 'declined', decisionReason: '理由を具体的にご記入ください。', issuedCertificateId: null });
    expect((await mailsTo('contact-kaigo-000205@example.jp')).map((mail) => mail.template)).toEqual([
      'reissue-request-received',
      'reissue-declined',
    ]);
    expect(await auditActions(pending.id)).toEqual(['reissue.requested', 'reissue.declined']);
    expect(await portal.certificate.get()).toMatchObject({
      declinedReissueRequest: { decisionReason: '理由を具体的にご記入ください。' },
      canRequestReissue: true,
    });
    // Deciding twice is refused: the request has moved on.
    await expect(admin.reissue.approve({ id: pending.id, version: request?.version ?? 0 })).rejects.toMatchObject({ code: 'CONFLICT' });
    await portal.certificate.requestReissue({ reason: '保管していた書類を紛失したため。' });
    expect(await requestsOf(m.organisationId)).toHaveLength(2);
  });

  it('E1 F1 a request of an organisation that is no longer a member cannot be approved', async () => {
    const { m, certificate } = await downloadedMember('reissue-withdrawn', 'KAIGO-000208');
    await api.portal(api.tenantA, m.token).certificate.requestReissue({ reason: '紛失' });
    const admin = api.admin(api.tenantA, secretariatA);
    const pending = (await admin.reissue.find()).find((row) => row.membershipNumber === 'KAIGO-000208');
    if (!pending) throw new Error('no pending request');
    const o = schema.organisations;
    await api.testDb.owner.db.update(o).set({ membershipState: 'withdrawn', withdrawnAt: new Date() }).where(eq(o.id, m.organisationId));
    await expect(admin.reissue.approve({ id: pending.id, version: pending.version })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'membership.notActive',
    });
    expect(await requestsOf(m.organisationId)).toMatchObject([{ state: 'requested', issuedCertificateId: null }]);
    expect(await certificateRow(api, certificate.id)).toMatchObject({ state: 'downloaded' });
  });

  it('E1 G1 applicant users, the ministry and a tenant admin cannot decide; staff of another tenant see nothing and find nothing', async () => {
    const { m } = await downloadedMember('reissue-guard', 'KAIGO-000206');
    await api.portal(api.tenantA, m.token).certificate.requestReissue({ reason: '紛失' });
    const pending = (await api.admin(api.tenantA, secretariatA).reissue.find()).find((row) => row.membershipNumber === 'KAIGO-000206');
    if (!pending) throw new Error('no pending request');
    const decide = { id: pending.id, version: pending.version };

    // An applicant's portal session is no admin session.
    const asApplicant = api.admin(api.tenantA, m.token);
    await expect(asApplicant.reissue.find()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(asApplicant.reissue.approve(decide)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(asApplicant.reissue.decline({ ...decide, reason: 'x' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    for (const token of [ministryA, tenantAdminA]) {
      await expect(api.admin(api.tenantA, token).reissue.approve(decide)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(api.admin(api.tenantA, token).reissue.decline({ ...decide, reason: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect(api.admin(api.tenantA, ministryA).reissue.find()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await api.admin(api.tenantA, tenantAdminA).reissue.find()).some((row) => row.id === pending.id)).toBe(true);

    const otherTenant = api.admin(api.tenantB, secretariatB);
    expect(await otherTenant.reissue.find()).toEqual([]);
    await expect(otherTenant.reissue.approve(decide)).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'reissue.notFound' });
    await expect(otherTenant.reissue.decline({ ...decide, reason: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Tenant A's admin session means nothing on tenant B.
    await expect(api.admin(api.tenantB, secretariatA).reissue.find()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await requestsOf(m.organisationId)).toMatchObject([{ state: 'requested' }]);
  });

  it('E1 G7 members of another organisation, delegates and viewers cannot see or file a reissue request for it', async () => {
    const { m } = await downloadedMember('reissue-owner', 'KAIGO-000207');
    await api.portal(api.tenantA, m.token).certificate.requestReissue({ reason: '紛失' });
    const neighbour = await applicant(api.tenantA, 'reissue-neighbour');
    expect(await api.portal(api.tenantA, neighbour.token).certificate.get()).toEqual({
      certificate: null,
      openReissueRequest: null,
      declinedReissueRequest: null,
      canDownload: false,
      canRequestReissue: false,
      canCancelReissue: false,
    });
    await expect(api.portal(api.tenantA, neighbour.token).certificate.requestReissue({ reason: '紛失' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'certificate.notFound',
    });
    for (const [loginId, role] of [
      ['reissue-delegate', 'support_organisation'],
      ['reissue-viewer', 'viewer'],
    ] as const) {
      const other = await applicant(api.tenantA, loginId);
      await api.testDb.owner.db.insert(schema.organisationMemberships).values({
        tenantId: api.tenantA.id,
        organisationId: m.organisationId,
        userId: other.userId,
        role,
        grantedByUserId: m.userId,
      });
      await api.portal(api.tenantA, other.token).organisation.switch({ organisationId: m.organisationId });
      await expect(api.portal(api.tenantA, other.token).certificate.requestReissue({ reason: '紛失' })).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: 'organisation.permissionMissing',
      });
      await expect(api.portal(api.tenantA, other.token).certificate.cancelReissue()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    const foreign = await applicant(api.tenantB, 'reissue-foreign');
    await expect(api.portal(api.tenantA, foreign.token).certificate.get()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await requestsOf(m.organisationId)).toHaveLength(1);
  });
});
