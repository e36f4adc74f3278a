import { randomBytes, randomUUID } from 'node:crypto';
import { schema, type TenantRecord, type TOutboxMailPayload, withOrganisation, withTenant } from '@kyogikai/db';
import { requiredWorkerDocumentKeys } from '@kyogikai/domain';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from './helpers/test-api';

const STEP1 = {
  corporateName: '社会福祉法人さくら会',
  corporateNameKana: 'シャカイフクシホウジンサクラカイ',
  corporateNumber: '7000012050002',
  postalCode: '1040061',
  prefecture: '東京都',
  city: '中央区',
  town: '銀座7-17-14',
  representativeTitle: '理事長',
  representativeName: '山田 太郎',
  phone: '03-6206-1262',
  contactName: '佐藤 花子',
  contactEmail: 'hanako@example.jp',
  contactPhone: '03-6206-1262',
};
const ESTABLISHMENT = {
  name: '特別養護老人ホーム さくら苑',
  postalCode: '1040061',
  prefecture: '東京都',
  city: '中央区',
  town: '銀座7-17-14',
  phone: '03-1234-5678',
  extra: { serviceType: 'nursing-home' },
};

type Applicant = { token: string; organisationId: string; userId: string; applicationId: string; workerId: string };

describe('C1-C3 staff review: detail, decisions through the application machine, notes, document checks, resubmission', () => {
  let api: TestApi;
  let secretariat: string;
  let ministry: string;
  let tenantAdmin: string;
  let otherSecretariat: string;
  const admin = (token: string, tenant: TenantRecord = api.tenantA) => api.admin(tenant, token);

  async function giveDocuments(m: { organisationId: string; userId: string }, workerId: string, keys: string[]) {
    return withOrganisation(api.testDb.app, api.tenantA.id, m.organisationId, (tx) =>
      tx
        .insert(schema.documents)
        .values(
          keys.map((documentKey) => ({
            tenantId: api.tenantA.id,
            organisationId: m.organisationId,
            scope: 'worker' as const,
            workerId,
            documentKey,
            fileName: `${documentKey}.pdf`,
            objectKey: `tenants/${api.tenantA.id}/organisations/${m.organisationId}/documents/${randomUUID()}.pdf`,
            byteSize: 1000,
            sha256: randomBytes(32).toString('hex'),
            contentType: 'application/pdf',
            uploadedByUserId: m.userId,
          })),
        )
        .returning({ id: schema.documents.id, documentKey: schema.documents.documentKey }),
    );
  }

  /** An applicant of tenant A with a complete application, submitted through the portal. */
  async function submittedApplicant(loginId: string): Promise<Applicant> {
    const user = await api.applicant(api.tenantA, loginId);
    const token = await api.signIn(api.tenantA, 'portal', loginId);
    const portal = api.portal(api.tenantA, token);
    const { id: organisationId, version } = await portal.organisation.get();
    await portal.organisation.saveDraft({ version, values: STEP1 });
    const establishment = await portal.establishment.create(ESTABLISHMENT);
    const worker = await portal.worker.create({
      nameLatin: 'MARIA SANTOS',
      nationality: 'PH',
      extra: {},
      establishmentIds: [establishment.id],
    });
    await giveDocuments({ organisationId, userId: user.id }, worker.id, requiredWorkerDocumentKeys(api.tenantA.config));
    const { application } = await portal.application.review();
    await portal.application.submit({ applicationId: application.id, version: application.version });
    return { token, organisationId, userId: user.id, applicationId: application.id, workerId: worker.id };
  }

  const mailsTo = async (template: string) =>
    withTenant(api.testDb.app, api.tenantA.id, (tx) => tx.select().from(schema.outboxMessages)).then((rows) =>
      rows.map((row) => row.payload as TOutboxMailPayload).filter((payload) => payload.template === template),
    );

  beforeAll(async () => {
    api = await createTestApi();
    await api.staff(api.tenantA, 'secretariat');
    await api.staff(api.tenantA, 'ministry');
    await api.staff(api.tenantA, 'tenant_admin');
    await api.staff(api.tenantB, 'secretariat');
    secretariat = await api.signIn(api.tenantA, 'admin', `secretariat-${api.tenantA.slug}@example.jp`);
    ministry = await api.signIn(api.tenantA, 'admin', `ministry-${api.tenantA.slug}@example.jp`);
    tenantAdmin = await api.signIn(api.tenantA, 'admin', `tenant_admin-${api.tenantA.slug}@example.jp`);
    otherSecretariat = await api.signIn(api.tenantB, 'admin', `secretariat-${api.tenantB.slug}@example.jp`);
  });
  afterAll(() => api.close());

  it('C1 every review procedure refuses applicant users, tenant administrators and staff of another tenant', async () => {
    const m = await submittedApplicant('review-refusals');
    const target = { applicationId: m.applicationId };
    const decision = { ...target, version: 2 };
    const calls = (caller: ReturnType<TestApi['admin']>): (() => Promise<unknown>)[] => [
      () => caller.review.get(target),
      () => caller.review.startReview(decision),
      () => caller.review.returnForCorrection({ ...decision, message: '直してください' }),
      () => caller.review.completeReview(decision),
      () => caller.review.approve(decision),
      () => caller.review.reject({ ...decision, reason: '対象外' }),
      () => caller.review.addNote({ ...target, body: 'メモ' }),
      () => caller.review.setDocumentCheck({ ...target, documentId: randomUUID(), result: 'ok' }),
    ];
    // The applicant's portal session is no admin session.
    for (const call of calls(admin(m.token))) await expect(call()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    // Tenant administrators configure the council; they do not review.
    for (const call of calls(admin(tenantAdmin))) await expect(call()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Another tenant's secretariat: its session is not valid here, and in its own tenant the id is not found.
    for (const call of calls(admin(otherSecretariat))) await expect(call()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    for (const call of calls(admin(otherSecretariat, api.tenantB))) await expect(call()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const page = await admin(secretariat).review.get(target);
    expect(page.application).toMatchObject({ state: 'submitted', version: 2 });
  });

  it('C1-C3 start, return with a message, resubmit with changes (diff), forward, ministry approves: member with a number, certificate issued', async () => {
    const m = await submittedApplicant('review-journey');
    const portal = api.portal(api.tenantA, m.token);
    let page = await admin(secretariat).review.get({ applicationId: m.applicationId });
    expect(page.organisation).toMatchObject({ corporateName: STEP1.corporateName, membershipState: 'none', membershipNumber: null });
    expect(page.workers).toHaveLength(1);
    expect(page.workers[0]?.documents).toHaveLength(requiredWorkerDocumentKeys(api.tenantA.config).length);
    expect(page.workers[0]?.documents[0]).toMatchObject({ nameJa: expect.any(String), check: null });
    expect(page.availableEvents).toEqual(['start_review']);
    expect(page.changesSinceReturn).toBeNull();
    expect(page.timeline.map((entry) => entry.action)).toEqual(['application.submitted']);
    // The ministry cannot start a review.
    await expect(
      admin(ministry).review.startReview({ applicationId: m.applicationId, version: page.application.version }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });

    let decided = await admin(secretariat).review.startReview({ applicationId: m.applicationId, version: page.application.version });
    expect(decided.state).toBe('under_review');
    // A stale page: CONFLICT.
    await expect(
      admin(secretariat).review.returnForCorrection({ applicationId: m.applicationId, version: page.application.version, message: 'x' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: 'common.conflict' });
    const message = '在留カードの写しが裏面のみです。\n表面もアップロードしてください。';
    decided = await admin(secretariat).review.returnForCorrection({ applicationId: m.applicationId, version: decided.version, message });
    expect(decided.state).toBe('returned');
    const returned = (await mailsTo('application-returned')).filter((mail) => mail.to === STEP1.contactEmail);
    expect(returned).toHaveLength(1);
    expect(returned[0]?.props).toMatchObject({
      message,
      referenceNumber: expect.stringMatching(/-\d{6}$/),
      myPageUrl: `${api.tenantA.publicOrigin}/`,
    });

    // The applicant sees the message, edits again (unlocked) and resubmits through the same button.
    const status = await portal.application.status();
    expect(status).toMatchObject({ state: 'returned', returnedMessage: message, isEditable: true });
    const worker = await portal.worker.get({ id: m.workerId });
    await portal.worker.update({
      id: m.workerId,
      version: worker.version,
      values: { nameLatin: 'MARIA DELA CRUZ', nationality: 'PH', extra: {}, establishmentIds: worker.establishmentIds },
    });
    const replacedKey = requiredWorkerDocumentKeys(api.tenantA.config)[0] ?? '';
    await withOrganisation(api.testDb.app, api.tenantA.id, m.organisationId, (tx) =>
      tx
        .update(schema.documents)
        .set({ replacedAt: new Date() })
        .where(and(eq(schema.documents.workerId, m.workerId), eq(schema.documents.documentKey, replacedKey))),
    );
    const [replacement] = await giveDocuments(m, m.workerId, [replacedKey]);
    // While returned, staff do not see a diff yet (the applicant is still editing).
    expect((await admin(secretariat).review.get({ applicationId: m.applicationId })).changesSinceReturn).toBeNull();

    const review = await portal.application.review();
    const resubmitted = await portal.application.submit({ applicationId: m.applicationId, version: review.application.version });
    expect(resubmitted).toMatchObject({ isResubmission: true, referenceNumber: returned[0]?.props.referenceNumber });
    expect((await portal.application.status())?.state).toBe('resubmitted');
    expect((await mailsTo('application-resubmitted')).map((mail) => mail.to)).toContain(STEP1.contactEmail);
    expect((await mailsTo('application-resubmitted-notice')).map((mail) => mail.to)).toContain(api.tenantA.config.secretariatContact.email);

    page = await admin(secretariat).review.get({ applicationId: m.applicationId });
    expect(page.application.state).toBe('resubmitted');
    expect(page.changesSinceReturn).toMatchObject({
      isEmpty: false,
      organisation: [],
      establishments: [],
      workers: [{ kind: 'changed', id: m.workerId, fields: [{ field: 'nameLatin', before: 'MARIA SANTOS', after: 'MARIA DELA CRUZ' }] }],
      documents: [{ kind: 'replaced', after: { id: replacement?.id, documentKey: replacedKey } }],
    });
    expect(page.timeline.map((entry) => entry.action)).toEqual([
      'application.submitted',
      'application.review_started',
      'application.returned',
      'application.resubmitted',
    ]);
    expect(page.timeline[2]).toMatchObject({ message, actorName: expect.stringContaining('secretariat') });

    decided = await admin(secretariat).review.startReview({ applicationId: m.applicationId, version: page.application.version });
    // The secretariat cannot approve where the ministry approves (and cannot reject either).
    await expect(admin(secretariat).review.approve({ applicationId: m.applicationId, version: decided.version })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    decided = await admin(secretariat).review.completeReview({ applicationId: m.applicationId, version: decided.version });
    expect(decided.state).toBe('forwarded');
    const forwarded = await mailsTo('application-forwarded-notice');
    expect(forwarded.map((mail) => mail.to)).toEqual([`ministry-${api.tenantA.slug}@example.jp`]);
    expect(forwarded[0]?.props).toMatchObject({ applicationUrl: `${api.tenantA.publicOrigin}/admin/applications/${m.applicationId}` });
    await expect(admin(secretariat).review.approve({ applicationId: m.applicationId, version: decided.version })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await admin(ministry).review.get({ applicationId: m.applicationId })).availableEvents.sort()).toEqual(['approve', 'reject']);

    decided = await admin(ministry).review.approve({ applicationId: m.applicationId, version: decided.version });
    const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric' }).format(api.clock.now());
    expect(decided).toMatchObject({ state: 'approved', membershipNumber: `${api.tenantA.slug.toUpperCase()}-M${year}-000001` });
    page = await admin(ministry).review.get({ applicationId: m.applicationId });
    expect(page.organisation).toMatchObject({ membershipState: 'active', membershipNumber: decided.membershipNumber });
    expect(page.certificate).toMatchObject({
      state: 'issued',
      issueNumber: 1,
      membershipNumber: decided.membershipNumber,
      isGenerated: false,
    });
    expect(page.availableEvents).toEqual([]);
    const audit = await withTenant(api.testDb.app, api.tenantA.id, (tx) =>
      tx.select().from(schema.auditEvents).where(eq(schema.auditEvents.targetId, m.organisationId)),
    );
    expect(audit.map((row) => row.action)).toContain('membership.activated');
    // Approval is mailed by the certificate job once the PDF exists, not here.
    expect(await mailsTo('application-approved')).toEqual([]);
  });

  it('C3 where the secretariat is the only step, completing the review approves; a second member gets the next number', async () => {
    const secretariatOnly: TenantRecord = { ...api.tenantA, config: { ...api.tenantA.config, approvalSteps: 'secretariat' } };
    const m = await submittedApplicant('review-secretariat-only');
    const caller = admin(secretariat, secretariatOnly);
    let decided = await caller.review.startReview({ applicationId: m.applicationId, version: 2 });
    expect((await caller.review.get({ applicationId: m.applicationId })).availableEvents.sort()).toEqual([
      'complete_review',
      'reject',
      'return_for_correction',
    ]);
    decided = await caller.review.completeReview({ applicationId: m.applicationId, version: decided.version });
    expect(decided.state).toBe('approved');
    expect(decided.membershipNumber).toMatch(/-M\d{4}-000002$/);
  });

  it('C3 a rejection needs a reason and mails it to the applicant; the application is final', async () => {
    const m = await submittedApplicant('review-reject');
    let decided = await admin(secretariat).review.startReview({ applicationId: m.applicationId, version: 2 });
    decided = await admin(secretariat).review.completeReview({ applicationId: m.applicationId, version: decided.version });
    await expect(
      admin(ministry).review.reject({ applicationId: m.applicationId, version: decided.version, reason: '  ' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    decided = await admin(ministry).review.reject({
      applicationId: m.applicationId,
      version: decided.version,
      reason: '対象分野外の事業所です。',
    });
    expect(decided.state).toBe('rejected');
    const mails = (await mailsTo('application-rejected')).filter((mail) => mail.to === STEP1.contactEmail);
    expect(mails.at(-1)?.props).toMatchObject({ reason: '対象分野外の事業所です。' });
    const organisation = await admin(ministry).review.get({ applicationId: m.applicationId });
    expect(organisation.organisation.membershipState).toBe('none');
    // マイページ shows the reason; the return message of an application never returned is not there.
    expect(await api.portal(api.tenantA, m.token).application.status()).toMatchObject({
      state: 'rejected',
      decisionReason: '対象分野外の事業所です。',
      returnedMessage: null,
      isEditable: false,
    });
  });

  it('issue 6 internal notes and document checks are staff-only; a check of another organisation’s document is not found', async () => {
    const m = await submittedApplicant('review-notes');
    const other = await submittedApplicant('review-notes-other');
    const note = await admin(secretariat).review.addNote({ applicationId: m.applicationId, body: '<b>電話で確認済み</b>' });
    expect(note).toMatchObject({ body: '<b>電話で確認済み</b>', authorName: expect.stringContaining('secretariat') });
    const page = await admin(ministry).review.get({ applicationId: m.applicationId });
    expect(page.notes).toEqual([note]);
    const [document] = page.workers[0]?.documents ?? [];
    await expect(
      admin(secretariat).review.setDocumentCheck({
        applicationId: m.applicationId,
        documentId: document?.id ?? '',
        result: 'needs_correction',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const check = await admin(secretariat).review.setDocumentCheck({
      applicationId: m.applicationId,
      documentId: document?.id ?? '',
      result: 'needs_correction',
      reason: '裏面のみ',
    });
    expect(check).toMatchObject({ result: 'needs_correction', reason: '裏面のみ' });
    await admin(secretariat).review.setDocumentCheck({ applicationId: m.applicationId, documentId: document?.id ?? '', result: 'ok' });
    const again = await admin(secretariat).review.get({ applicationId: m.applicationId });
    expect(again.workers[0]?.documents[0]?.check).toMatchObject({ result: 'ok', reason: null });
    const otherDocument = (await admin(secretariat).review.get({ applicationId: other.applicationId })).workers[0]?.documents[0];
    await expect(
      admin(secretariat).review.setDocumentCheck({ applicationId: m.applicationId, documentId: otherDocument?.id ?? '', result: 'ok' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // The applicant's own organisation transaction sees neither notes nor checks (row-level security).
    const seen = await withOrganisation(api.testDb.app, api.tenantA.id, m.organisationId, async (tx) => ({
      notes: await tx.select().from(schema.applicationNotes),
      checks: await tx.select().from(schema.documentChecks),
    }));
    expect(seen).toEqual({ notes: [], checks: [] });
  });

  it('C1 three decisions on the same page at once: exactly one happens, a stale one is CONFLICT common.conflict', async () => {
    const m = await submittedApplicant('review-concurrent');
    const input = { applicationId: m.applicationId, version: 2 };
    const results = await Promise.allSettled([
      admin(secretariat).review.startReview(input),
      admin(ministry).review.startReview(input),
      admin(secretariat).review.startReview(input),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    // The ministry may never start a review; the second secretariat call waits for the first and finds a newer version.
    const refusals = results
      .filter((result): result is PromiseRejectedResult => result.status === 'rejected')
      .map((result) => result.reason);
    expect(refusals).toHaveLength(2);
    expect(refusals).toContainEqual(expect.objectContaining({ code: 'CONFLICT', message: 'common.conflict' }));
    const page = await admin(secretariat).review.get({ applicationId: m.applicationId });
    expect(page.application.version).toBe(3);
    expect(page.timeline).toHaveLength(2);
  });

  it('C1 a draft is not the council’s to read: review.get, notes and checks answer not found', async () => {
    await api.applicant(api.tenantA, 'review-draft');
    const token = await api.signIn(api.tenantA, 'portal', 'review-draft');
    const { application } = await api.portal(api.tenantA, token).application.review();
    await expect(admin(secretariat).review.get({ applicationId: application.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(admin(secretariat).review.addNote({ applicationId: application.id, body: 'x' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      admin(secretariat).review.startReview({ applicationId: application.id, version: application.version }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('C1 resubmitting checks completeness again: refused application.incomplete, the application stays returned', async () => {
    const m = await submittedApplicant('review-resubmit-incomplete');
    let decided = await admin(secretariat).review.startReview({ applicationId: m.applicationId, version: 2 });
    decided = await admin(secretariat).review.returnForCorrection({
      applicationId: m.applicationId,
      version: decided.version,
      message: '書類を追加してください',
    });
    const portal = api.portal(api.tenantA, m.token);
    // Remove a required document: the resubmission is refused as incomplete, and the state stays returned.
    await withOrganisation(api.testDb.app, api.tenantA.id, m.organisationId, (tx) =>
      tx.update(schema.documents).set({ deletedAt: new Date() }).where(eq(schema.documents.workerId, m.workerId)),
    );
    await expect(portal.application.submit({ applicationId: m.applicationId, version: decided.version })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      messageKey: 'application.incomplete',
    });
    expect((await portal.application.status())?.state).toBe('returned');
  });
});
