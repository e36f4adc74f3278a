import { schema, withTenant } from '@kyogikai/db';
import { and, asc, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelPendingChangeRequests } from '../src/change-requests/cancel-pending';
import { storeCertificate } from './helpers/certificates';
import { activeMember, organisationViewer, signedInApplicant, type TestMember } from './helpers/members';
import { createTestApi, type TestApi } from './helpers/test-api';

describe('D1-D6 change requests: draft, submission, review, history, refusals', () => {
  let api: TestApi;
  let secretariatA: string;
  let ministryA: string;
  let tenantAdminA: string;
  let secretariatB: string;
  let serial = 0;

  const applicant = (tenant: TestApi['tenantA'], loginId: string) => signedInApplicant(api, tenant, loginId);

  /** An active member of tenant A (as the approval leaves it) with a current certificate. */
  async function member(loginId: string): Promise<TestMember> {
    serial += 1;
    const membershipNumber = `KAIGO-M2026-${String(700 + serial).padStart(6, '0')}`;
    const m = await activeMember(api, api.tenantA, loginId, membershipNumber);
    await api.testDb.owner.db
      .update(schema.organisations)
      .set({
        corporateName: `社会福祉法人${loginId}`,
        corporateNameKana: 'シャカイフクシホウジン',
        phone: '0312345678',
        contactPhone: '0311112222',
      })
      .where(eq(schema.organisations.id, m.organisationId));
    await storeCertificate(api, unusedStorage, api.tenantA, m.organisationId, { membershipNumber, isRendered: false });
    return m;
  }
  // The certificate rows are arranged without files: these tests never download.
  const unusedStorage = { putStream: async () => undefined } as unknown as Parameters<typeof storeCertificate>[1];

  const organisationRow = async (id: string) => {
    const [row] = await api.testDb.owner.db.select().from(schema.organisations).where(eq(schema.organisations.id, id));
    if (!row) throw new Error('no organisation');
    return row;
  };
  const requestRow = async (id: string) => {
    const [row] = await api.testDb.owner.db.select().from(schema.changeRequests).where(eq(schema.changeRequests.id, id));
    if (!row) throw new Error('no change request');
    return row;
  };
  const certificatesOf = (organisationId: string) =>
    api.testDb.owner.db
      .select()
      .from(schema.certificates)
      .where(eq(schema.certificates.organisationId, organisationId))
      .orderBy(asc(schema.certificates.issueNumber));
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
    api = await createTestApi();
    for (const role of ['secretariat', 'ministry', 'tenant_admin'] as const) await api.staff(api.tenantA, role);
    await api.staff(api.tenantB, 'secretariat');
    secretariatA = await api.signIn(api.tenantA, 'admin', `secretariat-${api.tenantA.slug}@example.jp`);
    ministryA = await api.signIn(api.tenantA, 'admin', `ministry-${api.tenantA.slug}@example.jp`);
    tenantAdminA = await api.signIn(api.tenantA, 'admin', `tenant_admin-${api.tenantA.slug}@example.jp`);
    secretariatB = await api.signIn(api.tenantB, 'admin', `secretariat-${api.tenantB.slug}@example.jp`);
  });
  afterAll(async () => {
    await api.close();
  });

  it('D5 「申請登録情報を変更する」 stores a draft and changes nothing; 「申請を行う」 applies it at once with its reason in the history', async () => {
    const m = await member('cr-d5');
    const portal = api.portal(api.tenantA, m.token);
    const before = await organisationRow(m.organisationId);
    const draft = await portal.changeRequest.saveDraft({
      draftVersion: null,
      values: { contactPhone: '０３－９９９９－８８８８', contactName: '佐藤 花子' },
    });
    expect(draft.changedFields).toEqual(['contactPhone']);
    expect((await organisationRow(m.organisationId)).contactPhone).toBe(before.contactPhone);
    const overview = await portal.changeRequest.overview();
    expect(overview.draft).toMatchObject({
      id: draft.id,
      state: 'draft',
      canSubmit: true,
      canCancel: true,
      changes: [{ field: 'contactPhone', kind: 'other', before: '0311112222', after: '03-9999-8888' }],
    });
    expect(overview.values.contactPhone).toBe('0311112222');

    const submitted = await portal.changeRequest.submit({
      id: draft.id,
      version: draft.version,
      content: '担当者の電話番号を変更',
      reason: '  担当部署の移転のため  ',
    });
    expect(submitted.state).toBe('approved');
    expect((await organisationRow(m.organisationId)).contactPhone).toBe('03-9999-8888');
    expect(await portal.changeRequest.overview()).toMatchObject({ draft: null, pending: [], values: { contactPhone: '03-9999-8888' } });
    expect(await portal.changeRequest.history()).toEqual([
      {
        changeRequestId: draft.id,
        appliedAt: expect.any(Date),
        changedByName: `申請者 ${m.loginId}`,
        field: 'contactPhone',
        kind: 'other',
        entityType: 'organisation',
        subject: '',
        label: '担当者の電話番号',
        labelEn: 'Phone number',
        before: '0311112222',
        after: '03-9999-8888',
        reason: '担当部署の移転のため',
      },
    ]);
    expect(await mailsTo(m.contactEmail)).toEqual([
      expect.objectContaining({
        template: 'change-request-applied',
        props: expect.objectContaining({
          reason: '担当部署の移転のため',
          changes: [{ label: '担当者の電話番号', before: '0311112222', after: '03-9999-8888' }],
        }),
      }),
    ]);
    expect(await auditActions(draft.id)).toEqual(['change_request.draft_saved', 'change_request.applied']);
    expect(await certificatesOf(m.organisationId)).toHaveLength(1);
  });

  it('D5 a changed contact address is mailed to the old address and the new one', async () => {
    const m = await member('cr-d5-mail');
    const portal = api.portal(api.tenantA, m.token);
    const draft = await portal.changeRequest.saveDraft({ draftVersion: null, values: { contactEmail: 'new-contact@example.jp' } });
    await portal.changeRequest.submit({ id: draft.id, version: draft.version, content: 'メールアドレス変更', reason: '担当者交代' });
    expect((await mailsTo(m.contactEmail)).map((mail) => mail.template)).toEqual(['change-request-applied']);
    expect((await mailsTo('new-contact@example.jp')).map((mail) => mail.template)).toEqual(['change-request-applied']);
  });

  it('D1 D6 certificate items wait for review (before/after shown) while D5 in the same submission applies at once; secretariat → ministry approval applies them and issues a new certificate', async () => {
    const m = await member('cr-d1');
    const portal = api.portal(api.tenantA, m.token);
    const first = await portal.changeRequest.saveDraft({ draftVersion: null, values: { corporateName: '社会福祉法人さくら福祉会' } });
    // A second save (e.g. after 「マイページへ戻る」 and 「登録内容を変更する」 again) edits the same draft.
    const draft = await portal.changeRequest.saveDraft({
      draftVersion: first.version,
      values: { corporateName: '社会福祉法人さくら福祉会', representativeName: '山田 次郎', phone: '03-5555-6666' },
    });
    expect(draft.id).toBe(first.id);
    await expect(portal.changeRequest.saveDraft({ draftVersion: first.version, values: { phone: '03-1111-1111' } })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'changeRequest.draftChanged',
    });
    const submitted = await portal.changeRequest.submit({
      id: draft.id,
      version: draft.version,
      content: '法人名と代表者名、電話番号の変更',
      reason: '法人の合併により名称と代表者が変わったため',
    });
    expect(submitted.state).toBe('submitted');
    const waiting = await organisationRow(m.organisationId);
    expect(waiting).toMatchObject({ corporateName: '社会福祉法人cr-d1', representativeName: '髙﨑 太郎', phone: '03-5555-6666' });
    const overview = await portal.changeRequest.overview();
    expect(overview.pending).toEqual([
      expect.objectContaining({
        state: 'submitted',
        canCancel: true,
        changes: [
          expect.objectContaining({
            field: 'corporateName',
            kind: 'certificate_items',
            subject: '',
            label: '法人名',
            before: '社会福祉法人cr-d1',
            after: '社会福祉法人さくら福祉会',
          }),
          expect.objectContaining({ field: 'representativeName', kind: 'certificate_items', before: '髙﨑 太郎', after: '山田 次郎' }),
        ],
      }),
    ]);
    // A field waiting for review cannot be proposed again meanwhile; other fields can.
    await expect(portal.changeRequest.saveDraft({ draftVersion: null, values: { corporateName: '別の名前' } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'changeRequest.invalid',
    });
    const notices = (await mailsTo(api.tenantA.config.secretariatContact.email)).filter(
      (mail) => mail.template === 'change-request-submitted-notice',
    );
    expect(notices.at(-1)?.props).toMatchObject({ adminUrl: `${api.tenantA.publicOrigin}/admin/change-requests/${draft.id}` });
    expect((await mailsTo(m.contactEmail)).map((mail) => mail.template)).toEqual(['change-request-received']);

    // The decision comes later than the submission (the history orders by when a change applied).
    api.clock.advance(10 * 60_000);
    const secretariat = api.admin(api.tenantA, secretariatA);
    expect((await secretariat.changeRequests.list()).map((row) => row.id)).toContain(draft.id);
    expect((await api.admin(api.tenantA, ministryA).changeRequests.list()).map((row) => row.id)).not.toContain(draft.id);
    let view = await secretariat.changeRequests.get({ id: draft.id });
    expect(view).toMatchObject({ state: 'submitted', events: ['start_review'], issuesCertificate: true, needsMinistry: true });
    expect(view.changes.find((change) => change.field === 'phone')).toMatchObject({ isApplied: true, after: '03-5555-6666' });
    await expect(
      api.admin(api.tenantA, ministryA).changeRequests.decide({ id: draft.id, version: view.version, event: { type: 'approve' } }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: 'transition.illegal' });
    let done = await secretariat.changeRequests.decide({ id: draft.id, version: view.version, event: { type: 'start_review' } });
    await expect(
      secretariat.changeRequests.decide({ id: draft.id, version: view.version, event: { type: 'complete_review' } }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: 'common.conflict' });
    done = await secretariat.changeRequests.decide({ id: draft.id, version: done.version, event: { type: 'complete_review' } });
    expect(done.state).toBe('forwarded');
    expect((await organisationRow(m.organisationId)).corporateName).toBe('社会福祉法人cr-d1');
    await expect(portal.changeRequest.cancel({ id: draft.id, version: done.version })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const ministry = api.admin(api.tenantA, ministryA);
    view = await ministry.changeRequests.get({ id: draft.id });
    expect(view.events).toEqual(['approve', 'reject']);
    done = await ministry.changeRequests.decide({ id: draft.id, version: view.version, event: { type: 'approve' } });
    expect(done).toMatchObject({ state: 'approved', certificateIssued: true });
    expect(await organisationRow(m.organisationId)).toMatchObject({
      corporateName: '社会福祉法人さくら福祉会',
      representativeName: '山田 次郎',
      phone: '03-5555-6666',
    });
    const certificates = await certificatesOf(m.organisationId);
    expect(certificates.map((row) => [row.issueNumber, row.state])).toEqual([
      [1, 'superseded'],
      [2, 'issued'],
    ]);
    expect(certificates[1]?.fields).toMatchObject({ corporateName: '社会福祉法人さくら福祉会' });
    const [job] = await api.testDb.owner.db
      .select()
      .from(schema.outboxMessages)
      .where(eq(schema.outboxMessages.kind, 'certificate'))
      .orderBy(desc(schema.outboxMessages.createdAt))
      .limit(1);
    expect(job?.payload).toMatchObject({ certificateId: certificates[1]?.id, notifyTemplate: 'certificate-reissued' });
    expect((await mailsTo(m.contactEmail)).map((mail) => mail.template)).toEqual(['change-request-received', 'change-request-approved']);
    expect((await mailsTo(m.contactEmail)).at(-1)?.props).toMatchObject({ issuesCertificate: true });
    expect(await portal.changeRequest.overview()).toMatchObject({ pending: [], values: { corporateName: '社会福祉法人さくら福祉会' } });
    const history = await portal.changeRequest.history();
    expect(history.map((row) => [row.field, row.before, row.after])).toEqual(
      expect.arrayContaining([
        ['corporateName', '社会福祉法人cr-d1', '社会福祉法人さくら福祉会'],
        ['representativeName', '髙﨑 太郎', '山田 次郎'],
        ['phone', '0312345678', '03-5555-6666'],
      ]),
    );
    // Newest first: the D1 items were applied after the D5 one.
    expect(history.at(-1)?.field).toBe('phone');
    expect(await auditActions(draft.id)).toEqual([
      'change_request.draft_saved',
      'change_request.draft_saved',
      'change_request.submitted',
      'change_request.review_started',
      'change_request.forwarded',
      'change_request.approved',
    ]);
  });

  it('D1 「変更を取り消す」 of a draft and of a submitted request leaves the current values untouched', async () => {
    const m = await member('cr-cancel');
    const portal = api.portal(api.tenantA, m.token);
    const before = await organisationRow(m.organisationId);
    const draft = await portal.changeRequest.saveDraft({ draftVersion: null, values: { representativeTitle: '理事' } });
    expect(await portal.changeRequest.cancel({ id: draft.id, version: draft.version })).toMatchObject({ state: 'cancelled' });
    const again = await portal.changeRequest.saveDraft({
      draftVersion: null,
      values: { representativeTitle: '会長', contactName: '田中 一郎' },
    });
    const submitted = await portal.changeRequest.submit({ id: again.id, version: again.version, content: '役職', reason: '就任' });
    expect((await organisationRow(m.organisationId)).contactName).toBe('田中 一郎');
    expect(await portal.changeRequest.cancel({ id: again.id, version: submitted.version })).toMatchObject({ state: 'cancelled' });
    const after = await organisationRow(m.organisationId);
    expect(after.representativeTitle).toBe(before.representativeTitle);
    expect(await portal.changeRequest.overview()).toMatchObject({ draft: null, pending: [] });
    expect((await portal.changeRequest.history()).map((row) => row.field)).toEqual(['contactName']);
    expect(await auditActions(again.id)).toContain('change_request.cancelled');
    expect((await requestRow(again.id)).cancelledByUserId).toBe(m.userId);
  });

  it('D1 G3 rejection by the secretariat leaves the current values untouched and mails the reason', async () => {
    const m = await member('cr-reject');
    const portal = api.portal(api.tenantA, m.token);
    const before = await organisationRow(m.organisationId);
    const draft = await portal.changeRequest.saveDraft({ draftVersion: null, values: { city: '港区', town: '芝公園1-1-1' } });
    await portal.changeRequest.submit({ id: draft.id, version: draft.version, content: '所在地の変更', reason: '移転' });
    const secretariat = api.admin(api.tenantA, secretariatA);
    const started = await secretariat.changeRequests.decide({
      id: draft.id,
      version: (await requestRow(draft.id)).version,
      event: { type: 'start_review' },
    });
    await expect(
      secretariat.changeRequests.decide({ id: draft.id, version: started.version, event: { type: 'reject', reason: '  ' } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const rejected = await secretariat.changeRequests.decide({
      id: draft.id,
      version: started.version,
      event: { type: 'reject', reason: '登記事項証明書の所在地と一致しません。' },
    });
    expect(rejected.state).toBe('rejected');
    const after = await organisationRow(m.organisationId);
    expect([after.city, after.town]).toEqual([before.city, before.town]);
    expect(await certificatesOf(m.organisationId)).toHaveLength(1);
    expect((await mailsTo(m.contactEmail)).at(-1)).toMatchObject({
      template: 'change-request-rejected',
      props: { decisionReason: '登記事項証明書の所在地と一致しません。' },
    });
    expect(await portal.changeRequest.history()).toEqual([]);
    expect(await auditActions(draft.id)).toContain('change_request.rejected');
  });

  it('D6 F1 cancelPendingChangeRequests cancels the draft and the submitted request as the system; values untouched', async () => {
    const m = await member('cr-withdraw');
    const portal = api.portal(api.tenantA, m.token);
    const before = await organisationRow(m.organisationId);
    const submittedDraft = await portal.changeRequest.saveDraft({ draftVersion: null, values: { corporateName: '新しい法人名' } });
    await portal.changeRequest.submit({ id: submittedDraft.id, version: submittedDraft.version, content: '法人名', reason: '名称変更' });
    const draft = await portal.changeRequest.saveDraft({ draftVersion: null, values: { representativeName: '新 代表' } });
    const cancelled = await withTenant(api.testDb.app, api.tenantA.id, (tx) =>
      cancelPendingChangeRequests(tx, { tenant: api.tenantA, organisationId: m.organisationId, actorUserId: m.userId, now: new Date() }),
    );
    expect(cancelled).toEqual([submittedDraft.id, draft.id]);
    for (const id of cancelled) expect(await requestRow(id)).toMatchObject({ state: 'cancelled', cancelledByUserId: m.userId });
    const after = await organisationRow(m.organisationId);
    expect([after.corporateName, after.representativeName]).toEqual([before.corporateName, before.representativeName]);
    expect(await portal.changeRequest.overview()).toMatchObject({ draft: null, pending: [] });
  });

  it('D1 a member that is not active cannot start a change; an emptied required field and a save without changes are refused', async () => {
    const m = await applicant(api.tenantA, 'cr-not-member');
    await expect(
      api.portal(api.tenantA, m.token).changeRequest.saveDraft({ draftVersion: null, values: { phone: '03-1234-5678' } }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: 'membership.notActive' });
    const active = await member('cr-invalid');
    const portal = api.portal(api.tenantA, active.token);
    await expect(portal.changeRequest.saveDraft({ draftVersion: null, values: { corporateName: '' } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'changeRequest.invalid',
    });
    await expect(portal.changeRequest.saveDraft({ draftVersion: null, values: { phone: '0312345678' } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'changeRequest.noChanges',
    });
  });

  it('D1 where the council has no ministry step, the secretariat’s 審査完了 approves and issues the certificate', async () => {
    const m = await member('cr-no-ministry');
    const tenant = { ...api.tenantA, config: { ...api.tenantA.config, approvalSteps: 'secretariat' as const } };
    const portal = api.portal(tenant, m.token);
    const draft = await portal.changeRequest.saveDraft({ draftVersion: null, values: { representativeTitle: '会長' } });
    const submitted = await portal.changeRequest.submit({ id: draft.id, version: draft.version, content: '役職', reason: '就任' });
    const secretariat = api.admin(tenant, secretariatA);
    const started = await secretariat.changeRequests.decide({ id: draft.id, version: submitted.version, event: { type: 'start_review' } });
    expect((await secretariat.changeRequests.get({ id: draft.id })).needsMinistry).toBe(false);
    const done = await secretariat.changeRequests.decide({ id: draft.id, version: started.version, event: { type: 'complete_review' } });
    expect(done).toMatchObject({ state: 'approved', certificateIssued: true });
    expect((await organisationRow(m.organisationId)).representativeTitle).toBe('会長');
    expect((await certificatesOf(m.organisationId)).map((row) => row.state)).toEqual(['superseded', 'issued']);
  });

  it('D1 ADR 023 a field changed since it was proposed is refused on approval, never overwritten; the transaction leaves nothing behind', async () => {
    const m = await member('cr-stale');
    const portal = api.portal(api.tenantA, m.token);
    const draft = await portal.changeRequest.saveDraft({ draftVersion: null, values: { corporateName: '提案された法人名' } });
    const submitted = await portal.changeRequest.submit({ id: draft.id, version: draft.version, content: '法人名', reason: '名称変更' });
    // Meanwhile the registered name changes by another way (e.g. a correction by the council).
    await api.testDb.owner.db
      .update(schema.organisations)
      .set({ corporateName: '訂正された法人名' })
      .where(eq(schema.organisations.id, m.organisationId));
    const secretariat = api.admin(api.tenantA, secretariatA);
    const tenant = { ...api.tenantA, config: { ...api.tenantA.config, approvalSteps: 'secretariat' as const } };
    const started = await secretariat.changeRequests.decide({ id: draft.id, version: submitted.version, event: { type: 'start_review' } });
    await expect(
      api.admin(tenant, secretariatA).changeRequests.decide({ id: draft.id, version: started.version, event: { type: 'complete_review' } }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: 'changeRequest.valueChanged' });
    expect((await organisationRow(m.organisationId)).corporateName).toBe('訂正された法人名');
    expect(await requestRow(draft.id)).toMatchObject({ state: 'under_review', version: started.version });
    expect(await certificatesOf(m.organisationId)).toHaveLength(1);
    // A D5 change of another field in between does not block a pending D1 change.
    const other = await member('cr-not-stale');
    const own = api.portal(api.tenantA, other.token);
    const d1 = await own.changeRequest.saveDraft({ draftVersion: null, values: { representativeName: '新 代表' } });
    const d1Submitted = await own.changeRequest.submit({ id: d1.id, version: d1.version, content: '代表者', reason: '交代' });
    const d5 = await own.changeRequest.saveDraft({ draftVersion: null, values: { phone: '03-2222-3333' } });
    expect((await own.changeRequest.submit({ id: d5.id, version: d5.version, content: '電話', reason: '回線変更' })).state).toBe(
      'approved',
    );
    const s = await api
      .admin(tenant, secretariatA)
      .changeRequests.decide({ id: d1.id, version: d1Submitted.version, event: { type: 'start_review' } });
    await api.admin(tenant, secretariatA).changeRequests.decide({ id: d1.id, version: s.version, event: { type: 'complete_review' } });
    expect(await organisationRow(other.organisationId)).toMatchObject({ representativeName: '新 代表', phone: '03-2222-3333' });
  });

  it('D1 G7 every procedure refuses other tenants, other organisations and users without the permission', async () => {
    const m = await member('cr-owner');
    const portal = api.portal(api.tenantA, m.token);
    const draft = await portal.changeRequest.saveDraft({ draftVersion: null, values: { corporateName: '他人に見せない法人名' } });
    const submitted = await portal.changeRequest.submit({ id: draft.id, version: draft.version, content: '法人名', reason: '名称変更' });

    // Another member of the same council: its own (empty) view, and the request is not found.
    const neighbour = await member('cr-neighbour');
    const theirs = api.portal(api.tenantA, neighbour.token);
    expect(await theirs.changeRequest.overview()).toMatchObject({ draft: null, pending: [] });
    await expect(theirs.changeRequest.cancel({ id: draft.id, version: submitted.version })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      theirs.changeRequest.submit({ id: draft.id, version: submitted.version, content: 'x', reason: 'x' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // A viewer of the organisation may read, not change; a support organisation may not cancel a draft it cannot see changed.
    const asViewer = (await organisationViewer(api, api.tenantA, m, 'cr-viewer')).portal;
    expect((await asViewer.changeRequest.overview()).canEdit).toBe(false);
    await expect(asViewer.changeRequest.saveDraft({ draftVersion: null, values: { phone: '03-0000-0000' } })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'organisation.permissionMissing',
    });
    await expect(
      asViewer.changeRequest.submit({ id: draft.id, version: submitted.version, content: 'x', reason: 'x' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(asViewer.changeRequest.cancel({ id: draft.id, version: submitted.version })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // Another tenant: neither its members nor its staff reach the request.
    const foreign = await applicant(api.tenantB, 'cr-foreign');
    await expect(api.portal(api.tenantA, foreign.token).changeRequest.overview()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(api.admin(api.tenantB, secretariatB).changeRequests.get({ id: draft.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      api
        .admin(api.tenantB, secretariatB)
        .changeRequests.decide({ id: draft.id, version: submitted.version, event: { type: 'start_review' } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await api.admin(api.tenantB, secretariatB).changeRequests.list()).map((row) => row.id)).not.toContain(draft.id);

    // Staff roles: a tenant admin reads but does not decide; an applicant's session is not an admin one.
    expect((await api.admin(api.tenantA, tenantAdminA).changeRequests.get({ id: draft.id })).events).toEqual([]);
    await expect(
      api
        .admin(api.tenantA, tenantAdminA)
        .changeRequests.decide({ id: draft.id, version: submitted.version, event: { type: 'start_review' } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(api.admin(api.tenantA, m.token).changeRequests.list()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });

    // Drafts are not the council's to read.
    const ownDraft = await theirs.changeRequest.saveDraft({ draftVersion: null, values: { phone: '03-7777-7777' } });
    await expect(api.admin(api.tenantA, secretariatA).changeRequests.get({ id: ownDraft.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await organisationRow(m.organisationId)).corporateName).toBe('社会福祉法人cr-owner');
    const stillPending = await api.testDb.owner.db
      .select({ state: schema.changeRequests.state })
      .from(schema.changeRequests)
      .where(and(eq(schema.changeRequests.id, draft.id)));
    expect(stillPending).toEqual([{ state: 'submitted' }]);
  });
});
