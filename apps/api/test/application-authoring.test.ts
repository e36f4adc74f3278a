import { randomBytes, randomUUID } from 'node:crypto';
import { schema, type TOutboxMailPayload, withOrganisation, withTenant } from '@kyogikai/db';
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
  postalCode: '１０４－００６１',
  prefecture: '東京都',
  city: '中央区',
  town: '銀座7-17-14',
  phone: '０３（１２３４）５６７８',
  extra: { serviceType: 'nursing-home' },
};

type Member = { token: string; organisationId: string; userId: string };

describe('B4a-d, B5, C1 application authoring: establishments, workers, checklist, submission, locked under review', () => {
  let api: TestApi;
  let a: Member;
  let b: Member;
  let otherTenant: Member;
  const portal = (m: Member, tenant = api.tenantA) => api.portal(tenant, m.token);

  async function member(tenant: TestApi['tenantA'], loginId: string): Promise<Member> {
    const user = await api.applicant(tenant, loginId);
    const token = await api.signIn(tenant, 'portal', loginId);
    const organisationId = (await api.portal(tenant, token).organisation.get()).id;
    return { token, organisationId, userId: user.id };
  }

  /** Document rows as an upload would leave them (the upload route itself is tested in documents.test.ts). */
  async function giveDocuments(m: Member, workerId: string, keys: string[]) {
    await withOrganisation(api.testDb.app, api.tenantA.id, m.organisationId, (tx) =>
      tx.insert(schema.documents).values(
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
      ),
    );
  }

  const setState = (m: Member, state: 'draft' | 'under_review' | 'submitted') =>
    withTenant(api.testDb.owner, api.tenantA.id, (tx) =>
      tx.update(schema.applications).set({ state }).where(eq(schema.applications.organisationId, m.organisationId)),
    );

  beforeAll(async () => {
    api = await createTestApi();
    a = await member(api.tenantA, 'author-a');
    b = await member(api.tenantA, 'author-b');
    otherTenant = await member(api.tenantB, 'author-tenant-b');
  });
  afterAll(() => api.close());

  it('B4a-b G2 tenant.formFields publishes the council’s extra fields of both forms', async () => {
    expect(await api.portal(api.tenantA).tenant.formFields()).toEqual(api.tenantA.config.customFields);
    const fields = await api.portal(api.tenantA).tenant.formFields();
    expect(fields.establishment[0]).toMatchObject({ key: 'serviceType', type: 'select', required: true, labelJa: '介護サービスの種類' });
    expect(fields.worker).toEqual([]);
  });

  it('B4a 「受入れ事業所の追加」 normalises like STEP1, checks the tenant fields, lists with worker counts', async () => {
    expect(await portal(a).establishment.list()).toEqual([]);
    await expect(portal(a).establishment.create({ ...ESTABLISHMENT, extra: {} })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: [{ path: 'extra.serviceType', messageKey: 'validation.required' }],
    });
    await expect(portal(a).establishment.create({ ...ESTABLISHMENT, extra: { serviceType: 'spa' } })).rejects.toMatchObject({
      fieldErrors: [{ path: 'extra.serviceType', messageKey: 'validation.invalid' }],
    });
    const created = await portal(a).establishment.create({ ...ESTABLISHMENT, name: '<script>alert("x")</script>', building: '' });
    expect(created.version).toBe(1);
    expect(await portal(a).establishment.list()).toEqual([
      {
        id: created.id,
        name: '<script>alert("x")</script>',
        postalCode: '1040061',
        prefecture: '東京都',
        city: '中央区',
        town: '銀座7-17-14',
        building: null,
        phone: '03-1234-5678',
        extra: { serviceType: 'nursing-home' },
        version: 1,
        workerCount: 0,
      },
    ]);
  });

  it('B4a edits use the version the form was loaded with: a stale one is CONFLICT common.conflict', async () => {
    const [first] = await portal(a).establishment.list();
    const id = first?.id ?? '';
    const saved = await portal(a).establishment.update({ id, version: 1, values: { ...ESTABLISHMENT, name: 'さくら苑 本館' } });
    expect(saved.version).toBe(2);
    await expect(portal(a).establishment.update({ id, version: 1, values: ESTABLISHMENT })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'common.conflict',
    });
    const audit = await withTenant(api.testDb.app, api.tenantA.id, (tx) =>
      tx
        .select()
        .from(schema.auditEvents)
        .where(and(eq(schema.auditEvents.targetId, id), eq(schema.auditEvents.action, 'establishment.updated'))),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorUserId: a.userId,
      before: { name: '<script>alert("x")</script>' },
      after: { name: 'さくら苑 本館' },
    });
  });

  it('B4b a worker at one or more establishments: Latin name upper-cased, kana converted, other organisations’ establishments refused', async () => {
    const second = await portal(a).establishment.create({ ...ESTABLISHMENT, name: 'デイサービス さくら' });
    const [first] = await portal(a).establishment.list();
    const ids = [first?.id ?? '', second.id];
    const worker = await portal(a).worker.create({
      nameLatin: 'nguyen van a',
      nationality: 'vn',
      nameKana: 'ｸﾞｴﾝ ﾊﾞﾝ ｱ',
      extra: {},
      establishmentIds: ids,
    });
    expect(await portal(a).worker.get({ id: worker.id })).toEqual({
      id: worker.id,
      nameLatin: 'NGUYEN VAN A',
      nationality: 'VN',
      nameKana: 'グエン バン ア',
      extra: {},
      establishmentIds: ids,
      version: 1,
      documents: [],
    });
    await expect(
      portal(a).worker.create({ nameLatin: '<script>', nationality: 'XX', nameKana: 'かな漢字', extra: {}, establishmentIds: [] }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const bEstablishment = await portal(b).establishment.create(ESTABLISHMENT);
    await expect(
      portal(a).worker.create({ nameLatin: 'JOHN', nationality: 'PH', extra: {}, establishmentIds: [bEstablishment.id] }),
    ).rejects.toMatchObject({ fieldErrors: [{ path: 'establishmentIds', messageKey: 'establishment.notFound' }] });
    expect((await portal(a).establishment.list()).map((e) => e.workerCount)).toEqual([1, 1]);
  });

  it('G9 HTML or script typed into a worker’s text field or an establishment name is stored and returned as text', async () => {
    // A council with a free-text worker field (the care council has none).
    const tenant = {
      ...api.tenantA,
      config: {
        ...api.tenantA.config,
        customFields: {
          ...api.tenantA.config.customFields,
          worker: [{ key: 'note', labelJa: '備考', labelEn: 'Note', type: 'text' as const, required: false }],
        },
      },
    };
    const caller = api.portal(tenant, a.token);
    const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const establishment = await caller.establishment.create({ ...ESTABLISHMENT, name: hostile });
    const worker = await caller.worker.create({
      nameLatin: 'TEST',
      nationality: 'VN',
      extra: { note: hostile },
      establishmentIds: [establishment.id],
    });
    expect((await caller.worker.get({ id: worker.id })).extra).toEqual({ note: hostile });
    const listed = (await caller.worker.list({ limit: 100 })).items.find((item) => item.id === worker.id);
    expect(listed?.establishments).toEqual([{ id: establishment.id, name: hostile }]);
    const { version } = await caller.worker.get({ id: worker.id });
    await caller.worker.delete({ id: worker.id, version });
    const created = (await caller.establishment.list()).find((e) => e.id === establishment.id);
    expect(created?.name).toBe(hostile);
    await withOrganisation(api.testDb.app, api.tenantA.id, a.organisationId, (tx) =>
      tx.delete(schema.establishments).where(eq(schema.establishments.id, establishment.id)),
    );
  });

  it('B4 worker.update and worker.delete check the version; another organisation’s or tenant’s worker is not found', async () => {
    const { items } = await portal(a).worker.list();
    const worker = items[0];
    const id = worker?.id ?? '';
    const values = { nameLatin: "O'BRIEN", nationality: 'IE', extra: {}, establishmentIds: worker?.establishments.map((e) => e.id) ?? [] };
    expect(await portal(a).worker.update({ id, version: 1, values })).toEqual({ version: 2 });
    await expect(portal(a).worker.update({ id, version: 1, values })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'common.conflict',
    });
    await expect(portal(a).worker.delete({ id, version: 1 })).rejects.toMatchObject({ code: 'CONFLICT' });
    for (const caller of [portal(b), portal(otherTenant, api.tenantB)]) {
      await expect(caller.worker.get({ id })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'worker.notFound' });
      await expect(caller.worker.update({ id, version: 2, values })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(caller.worker.delete({ id, version: 2 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(caller.document.slots({ workerId: id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    const establishmentId = worker?.establishments[0]?.id ?? '';
    await expect(portal(b).establishment.update({ id: establishmentId, version: 2, values: ESTABLISHMENT })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await portal(a).worker.get({ id })).nameLatin).toBe("O'BRIEN");
  });

  it('B4 200 workers in one organisation page correctly (issue 5 item 8)', async () => {
    const m = await member(api.tenantA, 'author-many');
    const establishment = await portal(m).establishment.create(ESTABLISHMENT);
    await withOrganisation(api.testDb.app, api.tenantA.id, m.organisationId, async (tx) => {
      const rows = await tx
        .insert(schema.workers)
        .values(
          Array.from({ length: 200 }, (_, index) => ({
            tenantId: api.tenantA.id,
            organisationId: m.organisationId,
            nameLatin: `WORKER ${String(index).padStart(3, '0')}`,
            nationality: 'VN',
            // Several share a timestamp, so the cursor must break ties by id.
            createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, Math.floor(index / 3))),
          })),
        )
        .returning({ id: schema.workers.id });
      await tx.insert(schema.workerEstablishments).values(
        rows.map((row) => ({
          tenantId: api.tenantA.id,
          organisationId: m.organisationId,
          workerId: row.id,
          establishmentId: establishment.id,
        })),
      );
    });
    for (const limit of [50, 100, 7]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await portal(m).worker.list({ limit, ...(cursor ? { cursor } : {}) });
        expect(page.total).toBe(200);
        expect(page.items.length).toBeLessThanOrEqual(limit);
        seen.push(...page.items.map((item) => item.nameLatin));
        cursor = page.nextCursor ?? undefined;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(Math.ceil(200 / limit));
      // Every worker exactly once, in registration order (ties in time broken by id).
      expect([...seen].sort()).toEqual(Array.from({ length: 200 }, (_, index) => `WORKER ${String(index).padStart(3, '0')}`));
      const second = seen.map((name) => Math.floor(Number(name.slice(-3)) / 3));
      expect(second).toEqual([...second].sort((x, y) => x - y));
    }
    const first = await portal(m).worker.list();
    expect(first.items).toHaveLength(50);
    expect(first.items[0]).toMatchObject({
      establishments: [{ id: establishment.id, name: '特別養護老人ホーム さくら苑' }],
      documentsComplete: false,
      missingDocumentKeys: requiredWorkerDocumentKeys(api.tenantA.config),
    });
    await expect(portal(m).worker.list({ limit: 101 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(portal(m).worker.list({ cursor: 'garbage' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // The checklist of 200 workers lists each one's missing documents.
    const checklist = await portal(m).application.checklist();
    expect(checklist.items.filter((item) => item.kind === 'document')).toHaveLength(
      200 * requiredWorkerDocumentKeys(api.tenantA.config).length,
    );
  });

  it('B5 the checklist names what is missing; submit with a missing document is refused with the count, and the list is the same', async () => {
    const m = await member(api.tenantA, 'author-submit');
    expect(await portal(m).application.checklist()).toMatchObject({
      isComplete: false,
      items: expect.arrayContaining([{ kind: 'workers' }]),
    });
    const { version } = await portal(m).organisation.get();
    await portal(m).organisation.saveDraft({ version, values: STEP1 });
    const establishment = await portal(m).establishment.create(ESTABLISHMENT);
    const worker = await portal(m).worker.create({
      nameLatin: 'MARIA SANTOS',
      nationality: 'PH',
      extra: {},
      establishmentIds: [establishment.id],
    });
    const required = requiredWorkerDocumentKeys(api.tenantA.config);
    await giveDocuments(m, worker.id, required.slice(0, -1));
    const missingKey = required.at(-1) ?? '';
    const checklist = await portal(m).application.checklist();
    expect(checklist).toEqual({
      isComplete: false,
      items: [
        {
          kind: 'document',
          workerId: worker.id,
          workerName: 'MARIA SANTOS',
          documentKey: missingKey,
          documentNameJa: api.tenantA.config.requiredDocuments.find((doc) => doc.key === missingKey)?.nameJa,
          documentNameEn: api.tenantA.config.requiredDocuments.find((doc) => doc.key === missingKey)?.nameEn,
        },
      ],
    });
    expect((await portal(m).mypage.get()).steps.find((step) => step.key === 'step2')?.status).toBe('current');
    const review = await portal(m).application.review();
    await expect(
      portal(m).application.submit({ applicationId: review.application.id, version: review.application.version }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      messageKey: 'application.incomplete',
      messageParams: { count: 1 },
    });
    expect((await portal(m).application.review()).application.state).toBe('draft');

    await giveDocuments(m, worker.id, [missingKey]);
    expect(await portal(m).application.checklist()).toEqual({ isComplete: true, items: [] });
    const page = await portal(m).mypage.get();
    expect(page.steps.slice(0, 3)).toEqual([
      { key: 'step1', status: 'done' },
      { key: 'step2', status: 'done' },
      { key: 'submit', status: 'current' },
    ]);
  });

  it('B5 application.review holds everything being submitted', async () => {
    const review = await portal(a).application.review();
    expect(review.organisation.corporateName).toBe('法人 author-a');
    expect(review.establishments).toHaveLength(2);
    expect(review.workers).toHaveLength(1);
    expect(review.workers[0]).toMatchObject({
      nameLatin: "O'BRIEN",
      establishments: [{ name: 'さくら苑 本館' }, { name: 'デイサービス さくら' }],
    });
    expect(review.application).toMatchObject({ state: 'draft', version: 1 });
  });

  it('B5 a concurrent double submit produces exactly one submission: reference number, who and when, two mails, one audit entry', async () => {
    const m = await member(api.tenantA, 'author-double');
    const { version } = await portal(m).organisation.get();
    await portal(m).organisation.saveDraft({ version, values: { ...STEP1, corporateName: '<script>x</script>社会福祉法人' } });
    const establishment = await portal(m).establishment.create(ESTABLISHMENT);
    const worker = await portal(m).worker.create({
      nameLatin: 'MARIA SANTOS',
      nationality: 'PH',
      extra: {},
      establishmentIds: [establishment.id],
    });
    await giveDocuments(m, worker.id, requiredWorkerDocumentKeys(api.tenantA.config));
    const { application } = await portal(m).application.review();
    const input = { applicationId: application.id, version: application.version };
    const results = await Promise.allSettled([portal(m).application.submit(input), portal(m).application.submit(input)]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.reason).toMatchObject({ code: 'CONFLICT' });
    const result = (fulfilled[0] as PromiseFulfilledResult<{ referenceNumber: string; submittedAt: Date }>).value;
    expect(result.referenceNumber).toMatch(new RegExp(`^${api.tenantA.slug.toUpperCase()}-\\d{4}-\\d{6}$`));

    const [row] = await withTenant(api.testDb.app, api.tenantA.id, (tx) =>
      tx.select().from(schema.applications).where(eq(schema.applications.id, application.id)),
    );
    expect(row).toMatchObject({
      state: 'submitted',
      referenceNumber: result.referenceNumber,
      submittedByUserId: m.userId,
      submittedAt: result.submittedAt,
    });
    const audit = await withTenant(api.testDb.app, api.tenantA.id, (tx) =>
      tx
        .select()
        .from(schema.auditEvents)
        .where(and(eq(schema.auditEvents.targetId, application.id), eq(schema.auditEvents.action, 'application.submitted'))),
    );
    expect(audit).toHaveLength(1);
    const mails = await withTenant(api.testDb.app, api.tenantA.id, (tx) => tx.select().from(schema.outboxMessages)).then((rows) =>
      rows
        .map((r) => r.payload as TOutboxMailPayload)
        .filter(
          (p) =>
            p.template.startsWith('application-') && (p.props as { referenceNumber?: string }).referenceNumber === result.referenceNumber,
        ),
    );
    expect(mails.map((mail) => [mail.template, mail.to]).sort()).toEqual([
      ['application-received', 'hanako@example.jp'],
      ['application-submitted-notice', api.tenantA.config.secretariatContact.email],
    ]);
    expect(mails.find((mail) => mail.template === 'application-submitted-notice')?.props).toMatchObject({
      corporateName: '<script>x</script>社会福祉法人',
      adminUrl: `${api.tenantA.publicOrigin}/admin/`,
    });
    const page = await portal(m).mypage.get();
    expect(page.application).toMatchObject({ state: 'submitted', referenceNumber: result.referenceNumber });
    expect(page.steps.slice(0, 3).map((step) => step.status)).toEqual(['done', 'done', 'done']);
    expect(page.isEditable).toBe(false);
    // Submitting again: the application is no longer a draft.
    await expect(portal(m).application.submit({ applicationId: application.id, version: application.version + 1 })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('C1 under review every edit procedure is refused with application.lockedUnderReview; reads still work', async () => {
    const [establishment] = await portal(a).establishment.list();
    const { items } = await portal(a).worker.list();
    const worker = await portal(a).worker.get({ id: items[0]?.id ?? '' });
    await giveDocuments(a, worker.id, ['residence-card']);
    const [document] = (await portal(a).worker.get({ id: worker.id })).documents;
    const orgVersion = (await portal(a).organisation.get()).version;
    for (const state of ['submitted', 'under_review'] as const) {
      await setState(a, state);
      const values = { nameLatin: 'X', nationality: 'VN', extra: {}, establishmentIds: worker.establishmentIds };
      const attempts: (() => Promise<unknown>)[] = [
        () => portal(a).establishment.create(ESTABLISHMENT),
        () => portal(a).establishment.update({ id: establishment?.id ?? '', version: establishment?.version ?? 1, values: ESTABLISHMENT }),
        () => portal(a).worker.create(values),
        () => portal(a).worker.update({ id: worker.id, version: worker.version, values }),
        () => portal(a).worker.delete({ id: worker.id, version: worker.version }),
        () => portal(a).document.delete({ id: document?.id ?? '' }),
        () => portal(a).organisation.saveDraft({ version: orgVersion, values: { town: '銀座' } }),
      ];
      for (const attempt of attempts) {
        await expect(attempt()).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'application.lockedUnderReview' });
      }
    }
    expect((await portal(a).worker.get({ id: worker.id })).version).toBe(worker.version);
    expect(await portal(a).establishment.list()).toHaveLength(2);
    const page = await portal(a).mypage.get();
    expect(page.isEditable).toBe(false);
    expect(page.secretariat).toEqual(api.tenantA.config.secretariatContact);
    await setState(a, 'draft');
  });
});
