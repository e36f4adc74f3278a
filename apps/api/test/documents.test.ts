import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { schema, withTenant } from '@kyogikai/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadDocument, makePdf, PNG_BYTES, portalCookie, startTestStorage, uploadDocument } from './helpers/documents';
import { tenantOrigin } from '../src/tenancy/tenant-url';
import { createTestApi, TEST_PASSWORD, type TestApi } from './helpers/test-api';

const MB = 1024 * 1024;
const ESTABLISHMENT = {
  name: '特別養護老人ホーム さくら苑',
  postalCode: '1040061',
  prefecture: '東京都',
  city: '中央区',
  town: '銀座7-17-14',
  phone: '03-1234-5678',
  extra: { serviceType: 'nursing-home' },
};

type Member = { loginId: string; token: string; cookie: string; organisationId: string; workerId: string };

describe('B4c, G9 document uploads and downloads: streamed, checked, isolated, audited', () => {
  let api: TestApi;
  let store: Awaited<ReturnType<typeof startTestStorage>>;
  let a: Member;
  let sameTenantOther: Member;
  let otherTenant: Member;

  async function member(tenant: TestApi['tenantA'], loginId: string): Promise<Member> {
    await api.applicant(tenant, loginId);
    const token = await api.signIn(tenant, 'portal', loginId);
    const portal = api.portal(tenant, token);
    const organisationId = (await portal.organisation.get()).id;
    const establishment = await portal.establishment.create(ESTABLISHMENT);
    const worker = await portal.worker.create({
      nameLatin: 'NGUYEN VAN A',
      nationality: 'VN',
      extra: {},
      establishmentIds: [establishment.id],
    });
    return { loginId, token, cookie: await portalCookie(api, tenant, loginId, TEST_PASSWORD), organisationId, workerId: worker.id };
  }

  const prefixOf = (tenantId: string, organisationId: string) => `tenants/${tenantId}/organisations/${organisationId}/`;
  const objectsOf = (m: Member, tenantId = api.tenantA.id) => store.storage.list(prefixOf(tenantId, m.organisationId));
  const openings = async (documentId: string) =>
    withTenant(api.testDb.app, api.tenantA.id, (tx) =>
      tx.select().from(schema.auditEvents).where(eq(schema.auditEvents.targetId, documentId)),
    ).then((rows) => rows.filter((row) => row.action === 'document.opened'));

  beforeAll(async () => {
    store = await startTestStorage();
    api = await createTestApi({ storage: store.storage });
    a = await member(api.tenantA, 'alpha-one');
    sameTenantOther = await member(api.tenantA, 'alpha-two');
    otherTenant = await member(api.tenantB, 'beta-one');
  });
  afterAll(async () => {
    await api.close();
    await store.close();
  });

  it('B4c G9 a PDF is stored under a key made of tenant, organisation and a uuid, and comes back as an attachment', async () => {
    const bytes = makePdf({ padBytes: 200_000 });
    const response = await uploadDocument(api, api.tenantA, a.workerId, 'employment-conditions', bytes, {
      cookie: a.cookie,
      fileName: '雇用条件書 <b>最新</b>.pdf',
    });
    expect(response.status).toBe(201);
    const { document } = (await response.json()) as { document: { id: string; fileName: string; byteSize: number; documentKey: string } };
    expect(document).toMatchObject({
      documentKey: 'employment-conditions',
      customName: null,
      fileName: '雇用条件書 <b>最新</b>.pdf',
      byteSize: bytes.length,
    });

    const keys = await objectsOf(a);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(new RegExp(`^${prefixOf(api.tenantA.id, a.organisationId)}documents/[0-9a-f-]{36}\\.pdf$`));

    const download = await downloadDocument(api, api.tenantA, document.id, a.cookie);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('cache-control')).toBe('no-store');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="_____ <b>__</b>.pdf"; filename*=UTF-8''${encodeURIComponent('雇用条件書 <b>最新</b>.pdf')}`,
    );
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('B4c a PDF with a cross-reference stream (PDF 1.5+), sent without Content-Length, is accepted', async () => {
    const response = await uploadDocument(api, api.tenantA, a.workerId, 'support-plan', makePdf({ xrefStream: true, padBytes: 300_000 }), {
      cookie: a.cookie,
      isChunked: true,
    });
    expect(response.status).toBe(201);
  });

  it('G9 a PNG renamed .pdf (sent as application/pdf) is refused 415 and leaves nothing in the bucket', async () => {
    const before = await objectsOf(a);
    const response = await uploadDocument(api, api.tenantA, a.workerId, 'care-skills-test', PNG_BYTES, {
      cookie: a.cookie,
      fileName: 'photo.pdf',
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({ error: { messageKey: 'document.notPdf' } });
    expect(await objectsOf(a)).toEqual(before);
  });

  it('G9 encrypted PDFs (trailer or cross-reference stream with /Encrypt) are refused 422 and leave nothing', async () => {
    const before = await objectsOf(a);
    for (const bytes of [makePdf({ encrypt: true }), makePdf({ encrypt: true, xrefStream: true })]) {
      const response = await uploadDocument(api, api.tenantA, a.workerId, 'care-skills-test', bytes, { cookie: a.cookie });
      expect(response.status).toBe(422);
      expect(await response.json()).toEqual({ error: { messageKey: 'document.encrypted' } });
    }
    expect(await objectsOf(a)).toEqual(before);
  });

  it('G9 unreadable PDFs (cut off, or startxref pointing nowhere) are refused 422 and leave nothing', async () => {
    const before = await objectsOf(a);
    const whole = makePdf({ padBytes: 5000 });
    const truncated = whole.subarray(0, whole.length - 200);
    const pointingNowhere = Buffer.from(whole.toString('latin1').replace(/startxref\n\d+/, 'startxref\n20'), 'latin1');
    const noRoot = Buffer.from(whole.toString('latin1').replace('/Root 1 0 R', '/Roo0 1 0 R'), 'latin1');
    for (const bytes of [truncated, pointingNowhere, noRoot, Buffer.from('%PDF-1.7\nhello\n')]) {
      const response = await uploadDocument(api, api.tenantA, a.workerId, 'care-skills-test', bytes, { cookie: a.cookie });
      expect(response.status).toBe(422);
      expect(await response.json()).toEqual({ error: { messageKey: 'document.unreadable' } });
    }
    expect(await objectsOf(a)).toEqual(before);
  });

  it('G9 an oversize file is refused while streaming (413) and leaves no object, not even a part', async () => {
    const before = await objectsOf(a);
    const oversize = makePdf({ padBytes: 10 * MB + 1 });
    const streamed = await uploadDocument(api, api.tenantA, a.workerId, 'care-skills-test', oversize, {
      cookie: a.cookie,
      isChunked: true,
    });
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toEqual({ error: { messageKey: 'document.tooLarge', messageParams: { maxMb: 10 } } });
    // Announced too large: refused before a byte is read.
    const announced = await uploadDocument(api, api.tenantA, a.workerId, 'care-skills-test', oversize, { cookie: a.cookie });
    expect(announced.status).toBe(413);
    expect(await objectsOf(a)).toEqual(before);
    expect((await store.storage.list('tenants/')).some((key) => key.includes('/quarantine/'))).toBe(false);
  });

  it('B4c other documents need the name the user typed (stored as text, HTML and all); any number of them', async () => {
    const bytes = makePdf();
    const unnamed = await uploadDocument(api, api.tenantA, a.workerId, 'other', bytes, { cookie: a.cookie });
    expect(unnamed.status).toBe(400);
    expect(await unnamed.json()).toEqual({ error: { messageKey: 'document.nameRequired' } });
    const tooLong = await uploadDocument(api, api.tenantA, a.workerId, 'other', bytes, {
      cookie: a.cookie,
      documentName: 'あ'.repeat(101),
    });
    expect(await tooLong.json()).toEqual({ error: { messageKey: 'document.nameTooLong', messageParams: { max: 100 } } });
    for (const name of ['<script>alert(1)</script>', '雇用契約書の写し']) {
      const response = await uploadDocument(api, api.tenantA, a.workerId, 'other', bytes, { cookie: a.cookie, documentName: name });
      expect(response.status).toBe(201);
    }
    const slots = await api.portal(api.tenantA, a.token).document.slots({ workerId: a.workerId });
    expect(slots.others.map((other) => other.customName)).toEqual(['<script>alert(1)</script>', '雇用契約書の写し']);
    expect(slots.required.map((slot) => slot.key)).toEqual([
      'employment-conditions',
      'support-plan',
      'establishment-overview',
      'japanese-proficiency',
      'care-skills-test',
      'residence-card',
    ]);
    expect(slots.required[0]).toMatchObject({ required: true, maxBytes: 10 * MB, document: { fileName: '雇用条件書 <b>最新</b>.pdf' } });
    expect(slots.required[5]).toMatchObject({ required: false, noteJa: expect.stringContaining('在留カード'), document: null });
  });

  it('B4c a new upload into a required slot replaces the old file; the old object is deleted', async () => {
    const portal = api.portal(api.tenantA, a.token);
    const before = await portal.document.slots({ workerId: a.workerId });
    const old = before.required.find((slot) => slot.key === 'support-plan')?.document;
    const objectsBefore = await objectsOf(a);
    const response = await uploadDocument(api, api.tenantA, a.workerId, 'support-plan', makePdf({ padBytes: 10 }), {
      cookie: a.cookie,
      fileName: 'plan-v2.pdf',
    });
    expect(response.status).toBe(201);
    const after = await portal.document.slots({ workerId: a.workerId });
    expect(after.required.find((slot) => slot.key === 'support-plan')?.document).toMatchObject({ fileName: 'plan-v2.pdf' });
    expect(await objectsOf(a)).toHaveLength(objectsBefore.length);
    expect((await downloadDocument(api, api.tenantA, old?.id ?? '', a.cookie)).status).toBe(404);
    expect((await portal.worker.get({ id: a.workerId })).documents.filter((doc) => doc.documentKey === 'support-plan')).toHaveLength(1);
  });

  it('G9 each opening of a file is in the audit log: who, which file, when', async () => {
    const [document] = (await api.portal(api.tenantA, a.token).worker.get({ id: a.workerId })).documents;
    const id = document?.id ?? '';
    const before = (await openings(id)).length;
    await (await downloadDocument(api, api.tenantA, id, a.cookie)).arrayBuffer();
    await (await downloadDocument(api, api.tenantA, id, a.cookie)).arrayBuffer();
    const rows = await openings(id);
    expect(rows).toHaveLength(before + 2);
    const user = await withTenant(api.testDb.app, api.tenantA.id, (tx) =>
      tx.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.loginId, a.loginId)),
    );
    expect(rows.at(-1)).toMatchObject({
      actorUserId: user[0]?.id,
      targetType: 'document',
      targetId: id,
      after: { organisationId: a.organisationId, workerId: a.workerId, fileName: document?.fileName, openedAs: 'member' },
    });
    expect(rows.at(-1)?.occurredAt).toBeInstanceOf(Date);
  });

  it('G9 organisation A cannot open or write organisation B’s or tenant B’s files, whatever id or key it sends', async () => {
    const [document] = (await api.portal(api.tenantA, a.token).worker.get({ id: a.workerId })).documents;
    const id = document?.id ?? '';
    const [key] = await objectsOf(a);
    const bucketBefore = await store.storage.list('tenants/');

    // Another organisation of the same tenant: not found, by id or by object key.
    for (const candidate of [id, key ?? '', encodeURIComponent(key ?? ''), '../../etc/passwd', 'not-a-uuid']) {
      const response = await downloadDocument(api, api.tenantA, candidate, sameTenantOther.cookie);
      expect([404]).toContain(response.status);
    }
    expect(await (await downloadDocument(api, api.tenantA, id, sameTenantOther.cookie)).json()).toEqual({
      error: { messageKey: 'document.notFound' },
    });
    // Another tenant: its session is unknown here, and on its own tenant the id is not found.
    expect((await downloadDocument(api, api.tenantA, id, otherTenant.cookie)).status).toBe(401);
    expect((await downloadDocument(api, api.tenantB, id, otherTenant.cookie)).status).toBe(404);
    // Writing into A's worker from B (same tenant) or from tenant B: not found; nothing stored anywhere.
    const bytes = makePdf();
    const fromOrgB = await uploadDocument(api, api.tenantA, a.workerId, 'care-skills-test', bytes, { cookie: sameTenantOther.cookie });
    expect(fromOrgB.status).toBe(404);
    expect(await fromOrgB.json()).toEqual({ error: { messageKey: 'worker.notFound' } });
    const fromTenantB = await uploadDocument(api, api.tenantB, a.workerId, 'care-skills-test', bytes, { cookie: otherTenant.cookie });
    expect(fromTenantB.status).toBe(404);
    expect(await store.storage.list('tenants/')).toEqual(bucketBefore);
    // And through tRPC.
    const other = api.portal(api.tenantA, sameTenantOther.token);
    await expect(other.document.slots({ workerId: a.workerId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(other.document.delete({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(api.portal(api.tenantB, otherTenant.token).document.delete({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await downloadDocument(api, api.tenantA, id, a.cookie)).status).toBe(200);
  });

  it('G9 sign-in, CSRF and slot checks: no session 401, foreign origin 403, unknown slot 404', async () => {
    const bytes = makePdf();
    expect((await uploadDocument(api, api.tenantA, a.workerId, 'care-skills-test', bytes, { cookie: '' })).status).toBe(401);
    const crossSite = await uploadDocument(api, api.tenantA, a.workerId, 'care-skills-test', bytes, {
      cookie: a.cookie,
      origin: 'https://evil.example.com',
    });
    expect(crossSite.status).toBe(403);
    const unknown = await uploadDocument(api, api.tenantA, a.workerId, 'no-such-slot', bytes, { cookie: a.cookie });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: { messageKey: 'document.unknownSlot' } });
    expect((await downloadDocument(api, api.tenantA, '00000000-0000-4000-8000-000000000000', '')).status).toBe(401);
  });

  it('B4c removing a file or a worker removes the objects from the bucket', async () => {
    const portal = api.portal(api.tenantA, sameTenantOther.token);
    const first = await uploadDocument(api, api.tenantA, sameTenantOther.workerId, 'care-skills-test', makePdf(), {
      cookie: sameTenantOther.cookie,
    });
    const { document } = (await first.json()) as { document: { id: string } };
    await uploadDocument(api, api.tenantA, sameTenantOther.workerId, 'other', makePdf(), {
      cookie: sameTenantOther.cookie,
      documentName: '写し',
    });
    expect(await objectsOf(sameTenantOther)).toHaveLength(2);
    expect(await portal.document.delete({ id: document.id })).toEqual({ ok: true });
    expect(await objectsOf(sameTenantOther)).toHaveLength(1);
    const { version } = await portal.worker.get({ id: sameTenantOther.workerId });
    expect(await portal.worker.delete({ id: sameTenantOther.workerId, version })).toEqual({ ok: true });
    expect(await objectsOf(sameTenantOther)).toEqual([]);
    await expect(portal.worker.get({ id: sameTenantOther.workerId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('G9 over a real HTTP server the body is streamed from the socket; a refusal mid-stream still reaches the client as 413', async () => {
    const server = serve({ fetch: api.app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const put = (body: Buffer, headers: Record<string, string>) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port,
            method: 'PUT',
            path: `/t/${api.tenantA.slug}/api/portal/files/workers/${a.workerId}/documents/residence-card`,
            headers: { cookie: a.cookie, origin: tenantOrigin(api.tenantA), 'content-type': 'application/pdf', ...headers },
          },
          (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => {
              text += chunk.toString('utf8');
            });
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
          },
        );
        req.on('error', reject);
        // Written in pieces, as a client on a real network would.
        for (let offset = 0; offset < body.length; offset += 256 * 1024) req.write(body.subarray(offset, offset + 256 * 1024));
        req.end();
      });
    try {
      const before = await objectsOf(a);
      const oversize = makePdf({ padBytes: 12 * MB });
      const chunked = await put(oversize, { 'transfer-encoding': 'chunked' });
      expect(chunked).toEqual({
        status: 413,
        body: JSON.stringify({ error: { messageKey: 'document.tooLarge', messageParams: { maxMb: 10 } } }),
      });
      expect(await objectsOf(a)).toEqual(before);
      // A client that goes away halfway: nothing is stored, and the server is not left waiting.
      const half = makePdf({ padBytes: 4 * MB });
      await new Promise<void>((resolve) => {
        const req = http.request({
          host: '127.0.0.1',
          port,
          method: 'PUT',
          path: `/t/${api.tenantA.slug}/api/portal/files/workers/${a.workerId}/documents/residence-card`,
          headers: {
            cookie: a.cookie,
            origin: tenantOrigin(api.tenantA),
            'content-type': 'application/pdf',
            'content-length': String(half.length),
          },
        });
        req.on('error', () => resolve());
        req.write(half.subarray(0, 2 * MB), () => setTimeout(() => req.destroy(), 100));
        req.on('close', () => resolve());
      });
      await expect
        .poll(() => store.storage.list('tenants/').then((keys) => keys.some((key) => key.includes('/quarantine/'))), { timeout: 5000 })
        .toBe(false);
      expect(await objectsOf(a)).toEqual(before);
      const valid = makePdf({ padBytes: 3 * MB });
      const stored = await put(valid, { 'content-length': String(valid.length), 'x-file-name': encodeURIComponent('在留カード.pdf') });
      expect(stored.status).toBe(201);
      const { document } = JSON.parse(stored.body) as { document: { id: string } };
      const download = await downloadDocument(api, api.tenantA, document.id, a.cookie);
      expect(Buffer.from(await download.arrayBuffer()).equals(valid)).toBe(true);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('C1 under review the upload route and document removal are refused (application.lockedUnderReview); downloads still work', async () => {
    await withTenant(api.testDb.owner, api.tenantA.id, (tx) =>
      tx.update(schema.applications).set({ state: 'under_review' }).where(eq(schema.applications.organisationId, a.organisationId)),
    );
    const before = await objectsOf(a);
    const response = await uploadDocument(api, api.tenantA, a.workerId, 'care-skills-test', makePdf(), { cookie: a.cookie });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: { messageKey: 'application.lockedUnderReview' } });
    const [document] = (await api.portal(api.tenantA, a.token).worker.get({ id: a.workerId })).documents;
    await expect(api.portal(api.tenantA, a.token).document.delete({ id: document?.id ?? '' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'application.lockedUnderReview',
    });
    expect(await objectsOf(a)).toEqual(before);
    expect((await downloadDocument(api, api.tenantA, document?.id ?? '', a.cookie)).status).toBe(200);
  });
});
