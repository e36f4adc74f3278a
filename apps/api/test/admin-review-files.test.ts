import { schema, withTenant } from '@kyogikai/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCookie, makePdf, portalCookie, startTestStorage, uploadDocument } from './helpers/documents';
import { createTestApi, TEST_PASSWORD, type TestApi } from './helpers/test-api';

describe('G9 issue 6 the admin file route: reviewers preview any document of their tenant inline, audited', () => {
  let api: TestApi;
  let store: Awaited<ReturnType<typeof startTestStorage>>;
  let documentId: string;
  let draftDocumentId: string;
  let applicantCookie: string;
  const bytes = makePdf();

  const open = (cookie: string, id = documentId, query = '', tenant = api.tenantA) =>
    api.app.request(`/t/${tenant.slug}/api/admin/files/documents/${id}${query}`, { headers: { cookie } });

  /** An applicant with one worker and its 在留カード uploaded; returns the document and organisation ids. */
  async function applicantWithDocument(loginId: string): Promise<{ documentId: string; organisationId: string; cookie: string }> {
    await api.applicant(api.tenantA, loginId);
    const token = await api.signIn(api.tenantA, 'portal', loginId);
    const portal = api.portal(api.tenantA, token);
    const establishment = await portal.establishment.create({
      name: 'さくら苑',
      postalCode: '1040061',
      prefecture: '東京都',
      city: '中央区',
      town: '銀座7-17-14',
      phone: '03-1234-5678',
      extra: { serviceType: 'nursing-home' },
    });
    const worker = await portal.worker.create({
      nameLatin: 'MARIA SANTOS',
      nationality: 'PH',
      extra: {},
      establishmentIds: [establishment.id],
    });
    const cookie = await portalCookie(api, api.tenantA, loginId, TEST_PASSWORD);
    const uploaded = await uploadDocument(api, api.tenantA, worker.id, 'residence-card', bytes, { cookie, fileName: '在留カード.pdf' });
    expect(uploaded.status).toBe(201);
    const organisationId = (await portal.organisation.get()).id;
    return { documentId: ((await uploaded.json()) as { document: { id: string } }).document.id, organisationId, cookie };
  }

  beforeAll(async () => {
    store = await startTestStorage();
    api = await createTestApi({ storage: store.storage });
    const submitted = await applicantWithDocument('files-applicant');
    documentId = submitted.documentId;
    applicantCookie = submitted.cookie;
    // Submitted, as the portal's 「上記内容で申請を行う」 leaves it (the checklist itself is tested elsewhere).
    const a = schema.applications;
    await withTenant(api.testDb.owner, api.tenantA.id, (tx) =>
      tx
        .update(a)
        .set({ state: 'submitted', submittedAt: new Date(), referenceNumber: `${api.tenantA.slug.toUpperCase()}-2026-000001` })
        .where(eq(a.organisationId, submitted.organisationId)),
    );
    draftDocumentId = (await applicantWithDocument('files-draft')).documentId;
    for (const role of ['secretariat', 'ministry', 'tenant_admin'] as const) await api.staff(api.tenantA, role);
    await api.staff(api.tenantB, 'secretariat');
  });
  afterAll(async () => {
    await api.close();
    await store.close();
  });

  it('G9 the secretariat and the ministry get the PDF inline (frameable by the admin origin only); ?download=1 is an attachment', async () => {
    for (const role of ['secretariat', 'ministry']) {
      const response = await open(await adminCookie(api, api.tenantA, `${role}-${api.tenantA.slug}@example.jp`));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toMatch(/^inline; filename="[^"]+"; filename\*=UTF-8''%E5%9C%A8/);
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'self'");
      expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
    }
    const download = await open(
      await adminCookie(api, api.tenantA, `secretariat-${api.tenantA.slug}@example.jp`),
      documentId,
      '?download=1',
    );
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; /);
    await download.arrayBuffer();
    // Every other response keeps the strict framing rule.
    const page = await api.app.request(`/t/${api.tenantA.slug}/api/admin/files/documents/not-a-uuid`, {
      headers: { cookie: await adminCookie(api, api.tenantA, `secretariat-${api.tenantA.slug}@example.jp`) },
    });
    expect(page.status).toBe(404);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
  });

  it('G9 each opening is in the audit trail as opened by staff', async () => {
    const rows = await withTenant(api.testDb.app, api.tenantA.id, (tx) =>
      tx.select().from(schema.auditEvents).where(eq(schema.auditEvents.targetId, documentId)),
    );
    const openedByStaff = rows.filter(
      (row) => row.action === 'document.opened' && (row.after as { openedAs?: string }).openedAs === 'staff',
    );
    expect(openedByStaff.length).toBeGreaterThanOrEqual(3);
  });

  it('G9 applicants, tenant administrators and another tenant’s staff are refused', async () => {
    expect((await open(applicantCookie)).status).toBe(401);
    expect((await open(await adminCookie(api, api.tenantA, `tenant_admin-${api.tenantA.slug}@example.jp`))).status).toBe(403);
    const other = await adminCookie(api, api.tenantB, `secretariat-${api.tenantB.slug}@example.jp`);
    expect((await open(other)).status).toBe(401);
    expect((await open(other, documentId, '', api.tenantB)).status).toBe(404);
  });

  it('G9/C1 a document of an organisation that has not submitted is not open to staff (a private draft)', async () => {
    const secretariat = await adminCookie(api, api.tenantA, `secretariat-${api.tenantA.slug}@example.jp`);
    expect((await open(secretariat, draftDocumentId)).status).toBe(404);
    expect((await open(secretariat)).status).toBe(200);
  });
});
