import { schema } from '@kyogikai/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantOrigin } from '../src/tenancy/tenant-url';
import { storeCertificate } from './helpers/certificates';
import { adminCookie, makePdf, portalCookie, startTestStorage } from './helpers/documents';
import { activeMember } from './helpers/members';
import { createTestApi, TEST_PASSWORD, type TestApi } from './helpers/test-api';

const ESTABLISHMENT = {
  postalCode: '1040061',
  prefecture: '東京都',
  city: '中央区',
  town: '銀座1-1-1',
  building: null,
  phone: '03-1234-5678',
  extra: { serviceType: 'nursing-home' },
};

describe('D2-D4 the secretariat reads every item of a change request: kind, subject, fields before → after, workers reached, the new worker’s files', () => {
  let api: TestApi;
  let store: Awaited<ReturnType<typeof startTestStorage>>;

  beforeAll(async () => {
    store = await startTestStorage();
    api = await createTestApi({ storage: store.storage });
    for (const role of ['secretariat', 'ministry', 'tenant_admin'] as const) await api.staff(api.tenantA, role);
    await api.staff(api.tenantB, 'secretariat');
  });
  afterAll(async () => {
    await api.close();
    await store.close();
  });

  it('D2 D3 D4 D1 D5 one request with every kind of item, as changeRequests.get gives it to the secretariat, before and after approval', async () => {
    const { loginId, token, organisationId } = await activeMember(api, api.tenantA, 'staff-items', 'KAIGO-M2026-000901', {
      applicationApproved: true,
    });
    const portal = api.portal(api.tenantA, token);
    await api.testDb.owner.db
      .update(schema.organisations)
      .set({ corporateName: '社会福祉法人さくら会', phone: '0312345678' })
      .where(eq(schema.organisations.id, organisationId));
    await storeCertificate(api, store.storage, api.tenantA, organisationId, { membershipNumber: 'KAIGO-M2026-000901', isRendered: false });

    // Registered data as the application left it: two establishments, two workers at the first.
    const base = { tenantId: api.tenantA.id, organisationId };
    const [honkan, bekkan] = await api.testDb.owner.db
      .insert(schema.establishments)
      .values([
        { ...base, ...ESTABLISHMENT, name: 'さくら苑' },
        { ...base, ...ESTABLISHMENT, name: 'さくら苑 別館' },
      ])
      .returning({ id: schema.establishments.id });
    const workers = await api.testDb.owner.db
      .insert(schema.workers)
      .values([
        { ...base, nameLatin: 'NGUYEN VAN A', nationality: 'VN' },
        { ...base, nameLatin: 'SANTOS MARIA', nationality: 'PH' },
      ])
      .returning({ id: schema.workers.id });
    if (!honkan || !bekkan || workers.length !== 2) throw new Error('registered data not created');
    await api.testDb.owner.db
      .insert(schema.workerEstablishments)
      .values(workers.map((worker) => ({ ...base, workerId: worker.id, establishmentId: honkan.id })));
    const [nguyen] = workers;
    if (!nguyen) throw new Error('no worker');

    // The member's draft: ◆会員情報 (D1 + D5), an establishment added (D4), a worker added there
    // with a file (D2), a registered worker moved (D3) and the establishment renamed (D3).
    const draft = await portal.changeRequest.saveDraft({
      draftVersion: null,
      values: { corporateName: '社会福祉法人さくら福祉会', phone: '03-5555-6666' },
    });
    const added = await portal.changeRequest.saveEstablishmentAdd({
      draftVersion: draft.version,
      itemId: null,
      values: { ...ESTABLISHMENT, name: 'さくら苑 新館' },
    });
    const worker = await portal.changeRequest.saveWorkerAdd({
      draftVersion: added.version,
      itemId: null,
      values: { nameLatin: 'tran thi b', nationality: 'VN', extra: {}, establishmentIds: [added.itemId ?? ''] },
    });
    const moved = await portal.changeRequest.saveWorkerEstablishments({
      draftVersion: worker.version,
      workerId: nguyen.id,
      establishmentIds: [honkan.id, bekkan.id],
    });
    const edited = await portal.changeRequest.saveEstablishmentEdit({
      draftVersion: moved.version,
      establishmentId: honkan.id,
      values: { ...ESTABLISHMENT, name: 'さくら苑 本館' },
    });
    expect(edited.workerCount).toBe(2);

    const cookie = await portalCookie(api, api.tenantA, loginId, TEST_PASSWORD);
    const bytes = makePdf();
    const uploaded = await api.app.request(
      `/t/${api.tenantA.slug}/api/portal/files/change-items/${worker.itemId}/documents/employment-conditions`,
      {
        method: 'PUT',
        headers: {
          cookie,
          origin: tenantOrigin(api.tenantA),
          'content-type': 'application/pdf',
          'content-length': String(bytes.length),
          'x-file-name': encodeURIComponent('雇用条件書.pdf'),
        },
        body: new Uint8Array(bytes),
      },
    );
    expect(uploaded.status).toBe(201);
    const documentId = ((await uploaded.json()) as { document: { id: string } }).document.id;
    // An upload does not move the draft's version: the last save's still holds.
    await portal.changeRequest.submit({
      id: draft.id,
      version: edited.version,
      content: '事業所と特定技能外国人の変更',
      reason: '新館の開設のため',
    });

    const secretariat = api.admin(api.tenantA, await api.signIn(api.tenantA, 'admin', `secretariat-${api.tenantA.slug}@example.jp`));
    const view = await secretariat.changeRequests.get({ id: draft.id });
    const item = (kind: string) => {
      const found = view.items.find((candidate) => candidate.kind === kind);
      if (!found) throw new Error(`no ${kind} item`);
      return found;
    };
    // The organisation's own items first, then workers, then establishments, whatever order they were saved in.
    expect(view.items.map((candidate) => candidate.kind)).toEqual([
      'certificate_items',
      'other',
      'worker_add',
      'worker_establishments',
      'establishment_edit',
      'establishment_add',
    ]);
    expect(view.canOpenDocuments).toBe(true);
    expect(item('certificate_items')).toMatchObject({
      subject: '',
      isApplied: false,
      workerCount: null,
      documents: null,
      changes: [{ field: 'corporateName', labelJa: '法人名', before: '社会福祉法人さくら会', after: '社会福祉法人さくら福祉会' }],
    });
    // D5 applied at submission.
    expect(item('other')).toMatchObject({ isApplied: true, changes: [{ field: 'phone', after: '03-5555-6666' }] });
    expect(item('establishment_add')).toMatchObject({ subject: 'さくら苑 新館', workerCount: null, documents: null });
    expect(item('establishment_add').changes).toContainEqual(
      expect.objectContaining({ field: 'name', labelJa: '事業所名', labelEn: 'Establishment name', before: '', after: 'さくら苑 新館' }),
    );
    expect(item('establishment_add').changes).toContainEqual(expect.objectContaining({ field: 'postalCode', after: '104-0061' }));
    const addition = item('worker_add');
    expect(addition.subject).toBe('TRAN THI B');
    expect(addition.changes).toContainEqual(expect.objectContaining({ field: 'nameLatin', before: '', after: 'TRAN THI B' }));
    expect(addition.changes).toContainEqual(expect.objectContaining({ field: 'establishmentIds', before: '', after: 'さくら苑 新館' }));
    expect(addition.documents).toEqual([
      expect.objectContaining({
        id: documentId,
        documentKey: 'employment-conditions',
        nameJa: '雇用条件書（参考様式第1-6号）',
        fileName: '雇用条件書.pdf',
        byteSize: bytes.length,
      }),
    ]);
    expect(item('worker_establishments')).toMatchObject({
      subject: 'NGUYEN VAN A',
      workerCount: null,
      changes: [{ field: 'establishmentIds', labelJa: '受入れ事業所', before: 'さくら苑', after: 'さくら苑、さくら苑 別館' }],
    });
    // Named as the member and the secretariat know it until approved; the new name is the change.
    expect(item('establishment_edit')).toMatchObject({
      subject: 'さくら苑',
      workerCount: 2,
      changes: [{ field: 'name', labelJa: '事業所名', before: 'さくら苑', after: 'さくら苑 本館' }],
    });

    // The link the page gives opens the file through the audited route.
    const opened = await api.app.request(`/t/${api.tenantA.slug}/api/admin/files/documents/${documentId}`, {
      headers: { cookie: await adminCookie(api, api.tenantA, `secretariat-${api.tenantA.slug}@example.jp`) },
    });
    expect(opened.status).toBe(200);
    expect(Buffer.from(await opened.arrayBuffer())).toEqual(bytes);

    // Tenant administrators read without opening files; another tenant's staff find nothing.
    const tenantAdmin = api.admin(api.tenantA, await api.signIn(api.tenantA, 'admin', `tenant_admin-${api.tenantA.slug}@example.jp`));
    expect((await tenantAdmin.changeRequests.get({ id: draft.id })).canOpenDocuments).toBe(false);
    const other = api.admin(api.tenantB, await api.signIn(api.tenantB, 'admin', `secretariat-${api.tenantB.slug}@example.jp`));
    await expect(other.changeRequests.get({ id: draft.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // Decided: the worker exists and the files listed are its own now.
    let done = await secretariat.changeRequests.decide({ id: draft.id, version: view.version, event: { type: 'start_review' } });
    done = await secretariat.changeRequests.decide({ id: draft.id, version: done.version, event: { type: 'complete_review' } });
    if (done.state === 'forwarded') {
      const ministry = api.admin(api.tenantA, await api.signIn(api.tenantA, 'admin', `ministry-${api.tenantA.slug}@example.jp`));
      done = await ministry.changeRequests.decide({ id: draft.id, version: done.version, event: { type: 'approve' } });
    }
    expect(done.state).toBe('approved');
    const decided = await secretariat.changeRequests.get({ id: draft.id });
    const applied = decided.items.find((candidate) => candidate.kind === 'worker_add');
    expect(applied).toMatchObject({ isApplied: true, subject: 'TRAN THI B' });
    expect(applied?.documents?.map((doc) => doc.id)).toEqual([documentId]);
    const [row] = await api.testDb.owner.db.select().from(schema.documents).where(eq(schema.documents.id, documentId));
    expect(row).toMatchObject({ pendingChangeItemId: null, workerId: expect.any(String) });
  });
});
