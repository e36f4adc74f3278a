import { randomUUID } from 'node:crypto';
import { schema } from '@kyogikai/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateRow, downloadCertificate, makeMember, portalSessionCookie, storeCertificate } from './helpers/certificates';
import { makePdf, startTestStorage, uploadDocument } from './helpers/documents';
import { createTestApi, type TestApi } from './helpers/test-api';

const establishmentValues = {
  name: 'さくら苑',
  postalCode: '1040061',
  prefecture: '東京都',
  city: '中央区',
  town: '銀座7-17-14',
  phone: '03-1234-5678',
  extra: { serviceType: 'nursing-home' },
};

describe('F1 退会: the membership ends, pending requests are cancelled, the certificate is revoked, the data stays read-only', () => {
  let api: TestApi;
  let store: Awaited<ReturnType<typeof startTestStorage>>;

  const db = () => api.testDb.owner.db;
  const organisationRow = async (id: string) => {
    const [row] = await db().select().from(schema.organisations).where(eq(schema.organisations.id, id));
    if (!row) throw new Error(`no organisation ${id}`);
    return row;
  };
  const mails = async () =>
    (await db().select().from(schema.outboxMessages).where(eq(schema.outboxMessages.kind, 'mail'))).map(
      (row) => row.payload as { to: string; template: string; props: Record<string, unknown> },
    );
  const auditActions = async (targetId: string) =>
    (
      await db().select().from(schema.auditEvents).where(eq(schema.auditEvents.targetId, targetId)).orderBy(schema.auditEvents.occurredAt)
    ).map((row) => row.action);

  /** An approved member of tenant A (signed in as its administrator) with a stored certificate. */
  async function member(loginId: string, membershipNumber: string) {
    const user = await api.applicant(api.tenantA, loginId);
    const token = await api.signIn(api.tenantA, 'portal', loginId);
    const portal = api.portal(api.tenantA, token);
    const organisationId = (await portal.organisation.get()).id;
    const establishment = await portal.establishment.create(establishmentValues);
    const worker = await portal.worker.create({
      nameLatin: 'MARIA SANTOS',
      nationality: 'PH',
      extra: {},
      establishmentIds: [establishment.id],
    });
    const upload = await uploadDocument(api, api.tenantA, worker.id, 'residence-card', makePdf(), {
      cookie: portalSessionCookie(token),
      fileName: '在留カード.pdf',
    });
    const documentId = ((await upload.json()) as { document: { id: string } }).document.id;
    await makeMember(api, api.tenantA, organisationId, membershipNumber);
    const certificate = await storeCertificate(api, store.storage, api.tenantA, organisationId, { membershipNumber });
    return {
      userId: user.id,
      token,
      portal,
      organisationId,
      establishment,
      worker,
      documentId,
      certificate,
      cookie: portalSessionCookie(token),
    };
  }

  /** A change request waiting for the secretariat, with one proposed item (as the change flow leaves it). */
  async function pendingChangeRequest(organisationId: string, userId: string, state: 'draft' | 'submitted' | 'under_review' | 'forwarded') {
    const id = randomUUID();
    await db().insert(schema.changeRequests).values({
      tenantId: api.tenantA.id,
      id,
      organisationId,
      state,
      createdByUserId: userId,
      content: '法人名の変更',
      reason: '合併のため',
    });
    await db()
      .insert(schema.changeItems)
      .values({
        tenantId: api.tenantA.id,
        organisationId,
        changeRequestId: id,
        kind: 'certificate_items',
        entityType: 'organisation',
        entityId: organisationId,
        proposed: { corporateName: '社会福祉法人あおば会' },
        baseVersion: 1,
      });
    return id;
  }

  beforeAll(async () => {
    store = await startTestStorage();
    api = await createTestApi({ storage: store.storage });
  });
  afterAll(async () => {
    await api.close();
    await store.close();
  });

  it('F1 shows the council’s notes on withdrawal and whether this user may withdraw', async () => {
    const m = await member('withdraw-notes', 'KAIGO-M2026-000301');
    expect(await m.portal.membership.get()).toMatchObject({
      membershipState: 'active',
      membershipNumber: 'KAIGO-M2026-000301',
      withdrawnAt: null,
      withdrawalNotes: { ja: api.tenantA.config.withdrawalNotesJa, en: api.tenantA.config.withdrawalNotesEn },
      canWithdraw: true,
      canChangeDirectoryOptIn: true,
    });
  });

  it('F1 without 「退会に関する注意事項を読みました」 nothing happens', async () => {
    const m = await member('withdraw-unticked', 'KAIGO-M2026-000302');
    await expect(m.portal.membership.withdraw({ notesAcknowledged: false })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await organisationRow(m.organisationId)).toMatchObject({ membershipState: 'active', withdrawnAt: null });
    expect((await certificateRow(api, m.certificate.id)).state).toBe('issued');
  });

  it('F1 D6 「退会する」 in one transaction: withdrawn with the date and retention end, pending changes and the reissue request cancelled, certificate revoked, mails, audit', async () => {
    const m = await member('withdraw-all', 'KAIGO-M2026-000303');
    await (await downloadCertificate(api, api.tenantA, m.cookie)).arrayBuffer();
    await m.portal.certificate.requestReissue({ reason: '紛失したため' });
    const submitted = await pendingChangeRequest(m.organisationId, m.userId, 'submitted');
    const forwarded = await pendingChangeRequest(m.organisationId, m.userId, 'forwarded');
    const decided = randomUUID();
    await db().insert(schema.changeRequests).values({
      tenantId: api.tenantA.id,
      id: decided,
      organisationId: m.organisationId,
      state: 'rejected',
      createdByUserId: m.userId,
    });
    const before = await organisationRow(m.organisationId);

    const now = api.clock.now();
    expect(await m.portal.membership.withdraw({ notesAcknowledged: true })).toEqual({
      withdrawnAt: now,
      retentionUntil: expectedRetention(now, api.tenantA.config.retentionYears),
    });

    const after = await organisationRow(m.organisationId);
    expect(after).toMatchObject({
      membershipState: 'withdrawn',
      withdrawnAt: now,
      retentionUntil: expectedRetention(now, api.tenantA.config.retentionYears),
      // The registration itself is kept as it was.
      corporateName: before.corporateName,
      membershipNumber: 'KAIGO-M2026-000303',
    });
    const requests = await db().select().from(schema.changeRequests).where(eq(schema.changeRequests.organisationId, m.organisationId));
    expect(Object.fromEntries(requests.map((row) => [row.id, row.state]))).toEqual({
      [submitted]: 'cancelled',
      [forwarded]: 'cancelled',
      [decided]: 'rejected',
    });
    expect(requests.find((row) => row.id === submitted)).toMatchObject({ cancelledAt: now, cancelledByUserId: m.userId });
    // Cancelling leaves the current values untouched (ADR 013).
    expect(after.corporateName).not.toBe('社会福祉法人あおば会');
    const [reissue] = await db().select().from(schema.reissueRequests).where(eq(schema.reissueRequests.organisationId, m.organisationId));
    expect(reissue).toMatchObject({ state: 'cancelled' });
    expect(await certificateRow(api, m.certificate.id)).toMatchObject({ state: 'revoked', revokedAt: now });

    // The verification page answers 「失効」 for the certificate the member holds.
    expect(await api.portal(api.tenantA).certificate.verify({ code: m.certificate.code })).toMatchObject({ status: 'revoked' });

    const sent = await mails();
    expect(sent.filter((mail) => mail.template === 'membership-withdrawn')).toEqual([
      expect.objectContaining({
        to: 'contact-kaigo-m2026-000303@example.jp',
        props: expect.objectContaining({ membershipNumber: 'KAIGO-M2026-000303', retentionUntil: after.retentionUntil }),
      }),
    ]);
    expect(
      sent.filter((mail) => mail.template === 'membership-withdrawn-notice' && mail.props.membershipNumber === 'KAIGO-M2026-000303'),
    ).toEqual([
      expect.objectContaining({
        to: api.tenantA.config.secretariatContact.email,
        props: expect.objectContaining({ cancelledChangeRequests: 2, cancelledReissueRequest: true, revokedCertificate: true }),
      }),
    ]);
    expect(await auditActions(m.organisationId)).toContain('membership.withdrawn');
    expect(await auditActions(submitted)).toEqual(['change_request.cancelled']);
    expect(await auditActions(m.certificate.id)).toContain('certificate.revoked');
    expect(await auditActions(reissue?.id ?? '')).toEqual(['reissue.requested', 'reissue.cancelled']);

    expect(await m.portal.membership.get()).toMatchObject({ membershipState: 'withdrawn', withdrawnAt: now, canWithdraw: false });
    await expect(m.portal.membership.withdraw({ notesAcknowledged: true })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'membership.notActive',
    });
  });

  it('F1 a withdrawn member cannot edit anything, and its certificate cannot be downloaded or reissued', async () => {
    const m = await member('withdraw-readonly', 'KAIGO-M2026-000304');
    const documentId = m.documentId;
    await m.portal.membership.withdraw({ notesAcknowledged: true });
    const organisation = await organisationRow(m.organisationId);
    const worker = await m.portal.worker.get({ id: m.worker.id });

    const refusals: [string, () => Promise<unknown>][] = [
      [
        'organisation.saveDraft',
        () => m.portal.organisation.saveDraft({ version: organisation.version, values: { corporateName: '変更' } }),
      ],
      ['establishment.create', () => m.portal.establishment.create(establishmentValues)],
      [
        'establishment.update',
        () =>
          m.portal.establishment.update({
            id: m.establishment.id,
            version: m.establishment.version,
            values: { ...establishmentValues, name: '変更' },
          }),
      ],
      [
        'worker.create',
        () => m.portal.worker.create({ nameLatin: 'NEW WORKER', nationality: 'VN', extra: {}, establishmentIds: [m.establishment.id] }),
      ],
      [
        'worker.update',
        () =>
          m.portal.worker.update({
            id: m.worker.id,
            version: worker.version,
            values: { nameLatin: 'CHANGED', nationality: 'PH', extra: {}, establishmentIds: [m.establishment.id] },
          }),
      ],
      ['worker.delete', () => m.portal.worker.delete({ id: m.worker.id, version: worker.version })],
      ['document.delete', () => m.portal.document.delete({ id: documentId })],
      ['changeRequest.saveDraft', () => m.portal.changeRequest.saveDraft({ draftVersion: null, values: { contactName: '鈴木 一郎' } })],
      [
        'changeRequest.saveWorkerAdd',
        () =>
          m.portal.changeRequest.saveWorkerAdd({
            draftVersion: null,
            itemId: null,
            values: { nameLatin: 'NEW WORKER', nationality: 'VN', extra: {}, establishmentIds: [m.establishment.id] },
          }),
      ],
      [
        'changeRequest.saveWorkerEstablishments',
        () =>
          m.portal.changeRequest.saveWorkerEstablishments({
            draftVersion: null,
            workerId: m.worker.id,
            establishmentIds: [m.establishment.id],
          }),
      ],
      [
        'changeRequest.saveEstablishmentEdit',
        () =>
          m.portal.changeRequest.saveEstablishmentEdit({
            draftVersion: null,
            establishmentId: m.establishment.id,
            values: { ...establishmentValues, name: '変更' },
          }),
      ],
      [
        'changeRequest.saveEstablishmentAdd',
        () => m.portal.changeRequest.saveEstablishmentAdd({ draftVersion: null, itemId: null, values: establishmentValues }),
      ],
      ['membership.setDirectoryOptIn', () => m.portal.membership.setDirectoryOptIn({ directoryOptIn: true })],
      ['certificate.requestReissue', () => m.portal.certificate.requestReissue({ reason: '紛失' })],
    ];
    for (const [name, attempt] of refusals) {
      await expect(attempt(), name).rejects.toMatchObject({ code: expect.stringMatching(/^(FORBIDDEN|CONFLICT|NOT_FOUND)$/) });
    }
    await expect(
      m.portal.organisation.saveDraft({ version: organisation.version, values: { corporateName: '変更' } }),
    ).rejects.toMatchObject({
      message: 'membership.notActive',
    });
    const reupload = await uploadDocument(api, api.tenantA, m.worker.id, 'residence-card', makePdf(), {
      cookie: m.cookie,
      fileName: 'b.pdf',
    });
    expect(reupload.status).toBeGreaterThanOrEqual(400);
    await reupload.arrayBuffer();
    const download = await downloadCertificate(api, api.tenantA, m.cookie);
    expect(download.status).toBeGreaterThanOrEqual(400);
    await download.arrayBuffer();

    const unchanged = await organisationRow(m.organisationId);
    expect(unchanged).toMatchObject({
      corporateName: organisation.corporateName,
      version: organisation.version,
      membershipState: 'withdrawn',
    });
    // Reading stays possible.
    expect((await m.portal.worker.get({ id: m.worker.id })).nameLatin).toBe('MARIA SANTOS');
  });

  it('F1 G1 the secretariat sees 退会 with the date and the retention end on the member’s application page', async () => {
    const m = await member('withdraw-admin', 'KAIGO-M2026-000308');
    const a = schema.applications;
    const values = {
      state: 'approved' as const,
      referenceNumber: 'KAIGO-2026-000308',
      submittedAt: new Date('2026-11-01T01:00:00Z'),
      decidedAt: new Date('2026-11-10T01:00:00Z'),
    };
    const [existing] = await db().select({ id: a.id }).from(a).where(eq(a.organisationId, m.organisationId));
    const applicationId = existing
      ? (await db().update(a).set(values).where(eq(a.id, existing.id)).returning({ id: a.id }))[0]?.id
      : (
          await db()
            .insert(a)
            .values({ tenantId: api.tenantA.id, organisationId: m.organisationId, ...values })
            .returning({ id: a.id })
        )[0]?.id;
    if (!applicationId) throw new Error('no application');
    await api.staff(api.tenantA, 'secretariat');
    const secretariat = api.admin(api.tenantA, await api.signIn(api.tenantA, 'admin', `secretariat-${api.tenantA.slug}@example.jp`));
    expect((await secretariat.review.get({ applicationId })).organisation).toMatchObject({ membershipState: 'active', withdrawnAt: null });

    await m.portal.membership.withdraw({ notesAcknowledged: true });
    const { organisation } = await secretariat.review.get({ applicationId });
    expect(organisation).toMatchObject({
      membershipState: 'withdrawn',
      withdrawnAt: api.clock.now(),
      retentionUntil: expectedRetention(api.clock.now(), api.tenantA.config.retentionYears),
    });
    // The queue marks the approved application 退会 with the date.
    const queue = await secretariat.applications.list({ state: 'approved', q: 'KAIGO-2026-000308' });
    expect(queue.rows).toEqual([expect.objectContaining({ id: applicationId, state: 'approved', withdrawnAt: api.clock.now() })]);
    const notice = (await mails()).find(
      (mail) => mail.template === 'membership-withdrawn-notice' && mail.props.membershipNumber === 'KAIGO-M2026-000308',
    );
    expect(notice?.props.adminUrl).toBe(`${api.tenantA.publicOrigin}/admin/applications/${applicationId}`);
  });

  it('F1 ADR 008 a delegate without `withdraw` (applicant_editor, support organisation, viewer) is refused', async () => {
    const m = await member('withdraw-delegates', 'KAIGO-M2026-000305');
    for (const role of ['applicant_editor', 'support_organisation', 'viewer'] as const) {
      const loginId = `withdraw-delegate-${role}`;
      const user = await api.applicant(api.tenantA, loginId);
      await db()
        .insert(schema.organisationMemberships)
        .values({ tenantId: api.tenantA.id, organisationId: m.organisationId, userId: user.id, role });
      const token = await api.signIn(api.tenantA, 'portal', loginId);
      const portal = api.portal(api.tenantA, token);
      await portal.organisation.switch({ organisationId: m.organisationId });
      await expect(portal.membership.withdraw({ notesAcknowledged: true }), role).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: 'organisation.permissionMissing',
      });
      expect((await portal.membership.get()).canWithdraw, role).toBe(false);
    }
    expect((await organisationRow(m.organisationId)).membershipState).toBe('active');
    expect((await certificateRow(api, m.certificate.id)).state).toBe('issued');
  });

  it('F1 another organisation and another tenant cannot withdraw this member', async () => {
    const m = await member('withdraw-target', 'KAIGO-M2026-000306');
    // The administrator of another (active) organisation withdraws only its own.
    const other = await member('withdraw-neighbour', 'KAIGO-M2026-000307');
    await expect(other.portal.organisation.switch({ organisationId: m.organisationId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await other.portal.membership.withdraw({ notesAcknowledged: true });
    expect((await organisationRow(other.organisationId)).membershipState).toBe('withdrawn');
    expect((await organisationRow(m.organisationId)).membershipState).toBe('active');
    expect((await certificateRow(api, m.certificate.id)).state).toBe('issued');
    // A session of tenant A means nothing in tenant B.
    await expect(api.portal(api.tenantB, m.token).membership.withdraw({ notesAcknowledged: true })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await expect(api.portal(api.tenantA).membership.withdraw({ notesAcknowledged: true })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect((await organisationRow(m.organisationId)).membershipState).toBe('active');
  });

  it('F1 C3 an organisation that has not joined cannot withdraw', async () => {
    await api.applicant(api.tenantA, 'withdraw-applicant');
    const token = await api.signIn(api.tenantA, 'portal', 'withdraw-applicant');
    const organisationId = (await api.portal(api.tenantA, token).organisation.get()).id;
    await expect(api.portal(api.tenantA, token).membership.withdraw({ notesAcknowledged: true })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'membership.notActive',
    });
    const [row] = await db()
      .select()
      .from(schema.organisations)
      .where(and(eq(schema.organisations.id, organisationId), eq(schema.organisations.tenantId, api.tenantA.id)));
    expect(row?.membershipState).toBe('none');
  });
});

function expectedRetention(now: Date, years: number): string {
  const japan = new Date(now.getTime() + 9 * 3_600_000);
  return `${japan.getUTCFullYear() + years}-${String(japan.getUTCMonth() + 1).padStart(2, '0')}-${String(japan.getUTCDate()).padStart(2, '0')}`;
}
