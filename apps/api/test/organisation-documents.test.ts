import { gaishokuTenantConfig, schema, type TenantRecord, unsafeCreateTenant, withTenant } from '@kyogikai/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantOrigin } from '../src/tenancy/tenant-url';
import { downloadDocument, makePdf, portalCookie, startTestStorage, uploadDocument } from './helpers/documents';
import { createTestApi, TEST_PASSWORD, type TestApi } from './helpers/test-api';

const STEP1 = {
  corporateName: '株式会社さくら食堂',
  corporateNameKana: 'カブシキガイシャサクラショクドウ',
  postalCode: '1040061',
  prefecture: '東京都',
  city: '中央区',
  town: '銀座7-17-14',
  representativeTitle: '代表取締役',
  representativeName: '山田 太郎',
  phone: '03-6206-1262',
  contactName: '佐藤 花子',
  contactEmail: 'hanako@example.jp',
  contactPhone: '03-6206-1262',
};
const establishmentValues = (name: string) => ({
  name,
  postalCode: '1040061',
  prefecture: '東京都',
  city: '中央区',
  town: '銀座7-17-14',
  phone: '03-1234-5678',
  extra: { businessType: 'restaurant' },
});
const PERMIT = 'restaurant-business-permit';
const REGISTER = 'certificate-of-registered-matters';
const WORKER_KEYS = ['food-service-skills-test', 'japanese-proficiency', 'employment-contract'];

type Member = { loginId: string; token: string; cookie: string; organisationId: string; establishmentId: string; workerId: string };

/** PUT <prefix>/api/portal/files/<path>, as the portal's upload widget does. */
function put(api: TestApi, tenant: TenantRecord, path: string, bytes: Buffer, cookie: string, fileName = 'document.pdf') {
  return api.app.request(`/t/${tenant.slug}/api/portal/files/${path}`, {
    method: 'PUT',
    headers: {
      cookie,
      origin: tenantOrigin(tenant),
      'content-type': 'application/pdf',
      'content-length': String(bytes.length),
      'x-file-name': encodeURIComponent(fileName),
    },
    body: new Uint8Array(bytes),
  });
}

describe('B4c, B5, G9 documents of an establishment and of the organisation (外食業: 飲食店営業許可証の写し, 登記事項証明書)', () => {
  let api: TestApi;
  let store: Awaited<ReturnType<typeof startTestStorage>>;
  let gaishoku: TenantRecord;
  let a: Member;
  let b: Member;

  async function member(tenant: TenantRecord, loginId: string): Promise<Member> {
    await api.applicant(tenant, loginId);
    const token = await api.signIn(tenant, 'portal', loginId);
    const portal = api.portal(tenant, token);
    const organisationId = (await portal.organisation.get()).id;
    const establishment = await portal.establishment.create(
      tenant.id === gaishoku.id
        ? establishmentValues('さくら食堂 銀座店')
        : { ...establishmentValues('さくら苑'), extra: { serviceType: 'nursing-home' } },
    );
    const worker = await portal.worker.create({
      nameLatin: 'NGUYEN VAN A',
      nationality: 'VN',
      extra: tenant.id === gaishoku.id ? { skillsTestPassedOn: '2026-04-01' } : {},
      establishmentIds: [establishment.id],
    });
    return {
      loginId,
      token,
      cookie: await portalCookie(api, tenant, loginId, TEST_PASSWORD),
      organisationId,
      establishmentId: establishment.id,
      workerId: worker.id,
    };
  }

  const objectsOf = (m: Member, tenant = gaishoku) => store.storage.list(`tenants/${tenant.id}/organisations/${m.organisationId}/`);
  const portal = (m: Member, tenant = gaishoku) => api.portal(tenant, m.token);
  const auditOf = (tenant: TenantRecord, documentId: string) =>
    withTenant(api.testDb.app, tenant.id, (tx) => tx.select().from(schema.auditEvents).where(eq(schema.auditEvents.targetId, documentId)));

  beforeAll(async () => {
    store = await startTestStorage();
    api = await createTestApi({ storage: store.storage });
    const slug = `gaishoku${Math.random().toString(36).slice(2, 8)}`;
    gaishoku = await unsafeCreateTenant(api.testDb.owner, {
      slug,
      nameJa: '外食業分野における特定技能協議会',
      nameEn: 'Food Service Sector Specified Skilled Worker Council',
      publicOrigin: `https://${slug}.kyogikai.test`,
      allowedHosts: [`${slug}.kyogikai.test`],
      config: gaishokuTenantConfig,
    });
    a = await member(gaishoku, 'shokudo-a');
    b = await member(gaishoku, 'shokudo-b');
  });
  afterAll(async () => {
    await api.close();
    await store.close();
  });

  it('B4c document.organisationSlots lists the organisation’s slots and each establishment’s, with its current file', async () => {
    const slots = await portal(a).document.organisationSlots();
    expect(slots.establishmentDocuments).toEqual([
      { key: PERMIT, nameJa: '飲食店営業許可証の写し', nameEn: 'Copy of the restaurant business permit', required: true },
    ]);
    expect(slots.organisation.map((slot) => [slot.key, slot.required, slot.maxBytes, slot.document])).toEqual([
      [REGISTER, true, 5 * 1024 * 1024, null],
    ]);
    expect(slots.establishments).toEqual([
      {
        id: a.establishmentId,
        name: 'さくら食堂 銀座店',
        workerCount: 1,
        slots: [expect.objectContaining({ key: PERMIT, nameJa: '飲食店営業許可証の写し', required: true, document: null })],
      },
    ]);
    // An establishment nobody is registered at is listed, its documents not required.
    const empty = await portal(a).establishment.create(establishmentValues('さくら食堂 新宿店'));
    const after = await portal(a).document.organisationSlots();
    expect(after.establishments.find((e) => e.id === empty.id)?.slots.map((slot) => slot.required)).toEqual([false]);
  });

  it('B4c an establishment’s and the organisation’s files are uploaded, replaced, opened (audited) and removed; the bucket follows', async () => {
    const permit = await put(
      api,
      gaishoku,
      `establishments/${a.establishmentId}/documents/${PERMIT}`,
      makePdf(),
      a.cookie,
      '営業許可証.pdf',
    );
    expect(permit.status).toBe(201);
    const { document: first } = (await permit.json()) as { document: { id: string; documentKey: string; fileName: string } };
    expect(first).toMatchObject({ documentKey: PERMIT, fileName: '営業許可証.pdf' });
    const register = await put(api, gaishoku, `organisation/documents/${REGISTER}`, makePdf({ padBytes: 1000 }), a.cookie, '登記.pdf');
    expect(register.status).toBe(201);
    const { document: registerDoc } = (await register.json()) as { document: { id: string } };
    expect(await objectsOf(a)).toHaveLength(2);

    const [row] = await withTenant(api.testDb.app, gaishoku.id, (tx) =>
      tx.select().from(schema.documents).where(eq(schema.documents.id, first.id)),
    );
    expect(row).toMatchObject({
      scope: 'establishment',
      establishmentId: a.establishmentId,
      workerId: null,
      organisationId: a.organisationId,
    });

    // A second file in the slot replaces the first; its object goes.
    const replacement = makePdf({ padBytes: 2000 });
    const replaced = await put(api, gaishoku, `establishments/${a.establishmentId}/documents/${PERMIT}`, replacement, a.cookie, '新.pdf');
    expect(replaced.status).toBe(201);
    const { document: second } = (await replaced.json()) as { document: { id: string } };
    expect(await objectsOf(a)).toHaveLength(2);
    const slots = await portal(a).document.organisationSlots();
    expect(slots.establishments[0]?.slots[0]?.document).toMatchObject({ id: second.id, fileName: '新.pdf' });
    expect(slots.organisation[0]?.document).toMatchObject({ id: registerDoc.id, fileName: '登記.pdf' });
    expect((await downloadDocument(api, gaishoku, first.id, a.cookie)).status).toBe(404);

    const download = await downloadDocument(api, gaishoku, second.id, a.cookie);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(replacement)).toBe(true);
    expect((await auditOf(gaishoku, second.id)).map((event) => [event.action, event.after])).toEqual([
      ['document.uploaded', expect.objectContaining({ scope: 'establishment', establishmentId: a.establishmentId, documentKey: PERMIT })],
      ['document.opened', expect.objectContaining({ scope: 'establishment', establishmentId: a.establishmentId, openedAs: 'member' })],
    ]);

    await portal(a).document.delete({ id: registerDoc.id });
    expect(await objectsOf(a)).toHaveLength(1);
    expect((await portal(a).document.organisationSlots()).organisation[0]?.document).toBeNull();
    expect((await auditOf(gaishoku, registerDoc.id)).map((event) => event.action)).toEqual(['document.uploaded', 'document.deleted']);
  });

  it('B4c two uploads into the organisation’s slot at once leave one current file and one object (the other replaced or refused 409)', async () => {
    const m = await member(gaishoku, 'shokudo-race');
    const statuses = await Promise.all(
      [1, 2].map(
        async (n) => (await put(api, gaishoku, `organisation/documents/${REGISTER}`, makePdf({ padBytes: n * 1000 }), m.cookie)).status,
      ),
    );
    expect(statuses).toContain(201);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    const current = await withTenant(api.testDb.app, gaishoku.id, (tx) =>
      tx.select().from(schema.documents).where(eq(schema.documents.organisationId, m.organisationId)),
    );
    expect(current.filter((row) => row.scope === 'organisation' && !row.replacedAt && !row.deletedAt)).toHaveLength(1);
    await expect.poll(() => objectsOf(m).then((keys) => keys.length)).toBe(1);
  });

  it('B4c user-named (other) documents and other scopes’ keys are not slots of an establishment or the organisation', async () => {
    const before = await objectsOf(a);
    for (const path of [
      `establishments/${a.establishmentId}/documents/other`,
      `establishments/${a.establishmentId}/documents/${WORKER_KEYS[0]}`,
      `establishments/${a.establishmentId}/documents/${REGISTER}`,
      'organisation/documents/other',
      `organisation/documents/${PERMIT}`,
      `workers/${a.workerId}/documents/${PERMIT}`,
    ]) {
      const response = await put(api, gaishoku, path, makePdf(), a.cookie);
      expect(response.status, path).toBe(404);
      expect(await response.json()).toEqual({ error: { messageKey: 'document.unknownSlot' } });
    }
    expect(await objectsOf(a)).toEqual(before);
  });

  it('G9 sign-in, CSRF and id checks on the new routes: no session 401, foreign origin 403, not a uuid 404', async () => {
    const bytes = makePdf();
    expect((await put(api, gaishoku, `organisation/documents/${REGISTER}`, bytes, '')).status).toBe(401);
    expect((await put(api, gaishoku, `establishments/${a.establishmentId}/documents/${PERMIT}`, bytes, '')).status).toBe(401);
    const crossSite = await api.app.request(`/t/${gaishoku.slug}/api/portal/files/organisation/documents/${REGISTER}`, {
      method: 'PUT',
      headers: { cookie: a.cookie, origin: 'https://evil.example.com', 'content-type': 'application/pdf' },
      body: new Uint8Array(bytes),
    });
    expect(crossSite.status).toBe(403);
    const notUuid = await put(api, gaishoku, `establishments/not-a-uuid/documents/${PERMIT}`, bytes, a.cookie);
    expect(notUuid.status).toBe(404);
    expect(await notUuid.json()).toEqual({ error: { messageKey: 'establishment.notFound' } });
  });

  it('G9 organisation A cannot write or open organisation B’s establishment or organisation documents, nor can another tenant', async () => {
    const bOrganisationDoc = await put(api, gaishoku, `organisation/documents/${REGISTER}`, makePdf(), b.cookie);
    const bEstablishmentDoc = await put(api, gaishoku, `establishments/${b.establishmentId}/documents/${PERMIT}`, makePdf(), b.cookie);
    const bIds = [
      ((await bOrganisationDoc.json()) as { document: { id: string } }).document.id,
      ((await bEstablishmentDoc.json()) as { document: { id: string } }).document.id,
    ];
    const bucketBefore = await store.storage.list('tenants/');

    // A names B's establishment: not found, nothing stored.
    const intoB = await put(api, gaishoku, `establishments/${b.establishmentId}/documents/${PERMIT}`, makePdf(), a.cookie);
    expect(intoB.status).toBe(404);
    expect(await intoB.json()).toEqual({ error: { messageKey: 'establishment.notFound' } });
    expect(await store.storage.list('tenants/')).toEqual(bucketBefore);
    // A opens or deletes B's files by id: not found.
    for (const id of bIds) {
      const response = await downloadDocument(api, gaishoku, id, a.cookie);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: { messageKey: 'document.notFound' } });
      await expect(portal(a).document.delete({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    // A's organisation route writes A's own slot (the organisation comes from the session), never B's.
    expect((await portal(b).document.organisationSlots()).organisation[0]?.document?.id).toBe(bIds[0]);
    expect((await portal(a).document.organisationSlots()).establishments.map((e) => e.id)).not.toContain(b.establishmentId);

    // Another tenant's applicant: its session is unknown here; on its own tenant the ids and the establishment are not found.
    const care = await member(api.tenantA, 'kaigo-a');
    expect((await downloadDocument(api, gaishoku, bIds[0] ?? '', care.cookie)).status).toBe(401);
    expect((await downloadDocument(api, api.tenantA, bIds[0] ?? '', care.cookie)).status).toBe(404);
    expect((await put(api, api.tenantA, `establishments/${b.establishmentId}/documents/${PERMIT}`, makePdf(), care.cookie)).status).toBe(
      404,
    );
    await expect(api.portal(api.tenantA, care.token).document.delete({ id: bIds[1] ?? '' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // B still has both.
    for (const id of bIds) expect((await downloadDocument(api, gaishoku, id, b.cookie)).status).toBe(200);
  });

  it('B5 submit is refused while the organisation’s or a used establishment’s document is missing, with the items listed; C1 then locked', async () => {
    const m = await member(gaishoku, 'shokudo-submit');
    const { version } = await portal(m).organisation.get();
    await portal(m).organisation.saveDraft({ version, values: STEP1 });
    await portal(m).establishment.create(establishmentValues('使われていない店'));
    for (const key of WORKER_KEYS) {
      expect((await put(api, gaishoku, `workers/${m.workerId}/documents/${key}`, makePdf(), m.cookie)).status).toBe(201);
    }
    const names = (key: string) => {
      const slot = gaishokuTenantConfig.requiredDocuments.find((doc) => doc.key === key);
      return { documentKey: key, documentNameJa: slot?.nameJa, documentNameEn: slot?.nameEn };
    };
    const missing = [
      { kind: 'organisationDocument', ...names(REGISTER) },
      { kind: 'establishmentDocument', establishmentId: m.establishmentId, establishmentName: 'さくら食堂 銀座店', ...names(PERMIT) },
    ];
    expect(await portal(m).application.checklist()).toEqual({ isComplete: false, items: missing });
    const { application } = await portal(m).application.review();
    await expect(portal(m).application.submit({ applicationId: application.id, version: application.version })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      messageKey: 'application.incomplete',
      messageParams: { count: 2 },
    });
    expect((await portal(m).mypage.get()).steps.find((step) => step.key === 'step2')?.status).toBe('current');

    expect((await put(api, gaishoku, `organisation/documents/${REGISTER}`, makePdf(), m.cookie)).status).toBe(201);
    expect(await portal(m).application.checklist()).toEqual({ isComplete: false, items: [missing[1]] });
    const permit = await put(api, gaishoku, `establishments/${m.establishmentId}/documents/${PERMIT}`, makePdf(), m.cookie);
    expect(permit.status).toBe(201);
    const { document } = (await permit.json()) as { document: { id: string } };
    expect(await portal(m).application.checklist()).toEqual({ isComplete: true, items: [] });
    const submitted = await portal(m).application.submit({ applicationId: application.id, version: application.version });
    expect(submitted.referenceNumber).toMatch(new RegExp(`^${gaishoku.slug.toUpperCase()}-\\d{4}-\\d{6}$`));

    // Locked under review: both routes and removal refused, nothing changes; opening still works.
    const before = await objectsOf(m);
    for (const path of [`organisation/documents/${REGISTER}`, `establishments/${m.establishmentId}/documents/${PERMIT}`]) {
      const response = await put(api, gaishoku, path, makePdf(), m.cookie);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: { messageKey: 'application.lockedUnderReview' } });
    }
    await expect(portal(m).document.delete({ id: document.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'application.lockedUnderReview',
    });
    expect(await objectsOf(m)).toEqual(before);
    expect((await downloadDocument(api, gaishoku, document.id, m.cookie)).status).toBe(200);
  });

  it('B5 the care council asks for no establishment or organisation documents: nothing listed, nothing to upload, checklist unchanged', async () => {
    const care = await member(api.tenantA, 'kaigo-b');
    expect(await portal(care, api.tenantA).document.organisationSlots()).toEqual({
      establishmentDocuments: [],
      organisation: [],
      establishments: [],
    });
    const checklist = await portal(care, api.tenantA).application.checklist();
    expect(checklist.items.filter((item) => item.kind === 'organisationDocument' || item.kind === 'establishmentDocument')).toEqual([]);
    const response = await put(api, api.tenantA, `establishments/${care.establishmentId}/documents/${PERMIT}`, makePdf(), care.cookie);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { messageKey: 'document.unknownSlot' } });
    // Its worker uploads work as before.
    const worker = await uploadDocument(api, api.tenantA, care.workerId, 'residence-card', makePdf(), { cookie: care.cookie });
    expect(worker.status).toBe(201);
  });
});
