import { Readable } from 'node:stream';
import { schema, withTenant } from '@kyogikai/db';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelPendingChangeRequests } from '../src/change-requests/cancel-pending';
import { newDocumentKey } from '../src/storage/document-keys';
import { makePdf, startTestStorage } from './helpers/documents';
import { activeMember, organisationViewer, type TestMember } from './helpers/members';
import { createTestApi, type TestApi } from './helpers/test-api';

type Registered = { e1: string; e2: string; w1: string; w2: string };

const ESTABLISHMENT = {
  name: 'さくら苑',
  postalCode: '1040061',
  prefecture: '東京都',
  city: '中央区',
  town: '銀座1-1-1',
  building: null,
  phone: '03-1111-2222',
  extra: { serviceType: 'day-care' },
};
const WORKER_DOCUMENTS = ['employment-conditions', 'support-plan', 'establishment-overview', 'japanese-proficiency', 'care-skills-test'];

describe('D2 D3 D4 workers and establishments changed after joining, through the draft change request', () => {
  let api: TestApi;
  let files: Awaited<ReturnType<typeof startTestStorage>>;
  let secretariat: string;
  let serial = 0;
  const db = () => api.testDb.owner.db;

  /** An active member of tenant A (as the approval leaves it). */
  function member(loginId: string): Promise<TestMember> {
    serial += 1;
    return activeMember(api, api.tenantA, loginId, `KAIGO-M2026-${String(800 + serial).padStart(6, '0')}`);
  }

  /** What the approved application left: establishments E1 (two workers) and E2 (none). */
  async function registered(m: TestMember): Promise<Registered> {
    const e = schema.establishments;
    const base = { tenantId: api.tenantA.id, organisationId: m.organisationId, prefecture: '東京都', city: '中央区', town: '銀座7-17-14' };
    const [e1] = await db()
      .insert(e)
      .values({ ...base, name: '本館', postalCode: '1040061', phone: '03-5555-0001', extra: { serviceType: 'day-care' } })
      .returning({ id: e.id });
    const [e2] = await db()
      .insert(e)
      .values({ ...base, name: '別館', postalCode: '1040061', phone: '03-5555-0002', extra: { serviceType: 'short-stay' } })
      .returning({ id: e.id });
    const w = schema.workers;
    const [w1] = await db()
      .insert(w)
      .values({ tenantId: api.tenantA.id, organisationId: m.organisationId, nameLatin: 'TRAN THI BINH', nationality: 'VN' })
      .returning({ id: w.id });
    const [w2] = await db()
      .insert(w)
      .values({ tenantId: api.tenantA.id, organisationId: m.organisationId, nameLatin: 'SANTOS MARIA', nationality: 'PH' })
      .returning({ id: w.id });
    if (!e1 || !e2 || !w1 || !w2) throw new Error('fixture rows not created');
    await db()
      .insert(schema.workerEstablishments)
      .values(
        [w1.id, w2.id].map((workerId) => ({
          tenantId: api.tenantA.id,
          organisationId: m.organisationId,
          workerId,
          establishmentId: e1.id,
        })),
      );
    return { e1: e1.id, e2: e2.id, w1: w1.id, w2: w2.id };
  }

  /** Files uploaded for a worker being added (as the pending upload route stores them), objects included. */
  async function pendingDocuments(m: TestMember, itemId: string, keys: readonly string[]) {
    const rows = [];
    for (const documentKey of keys) {
      const objectKey = newDocumentKey(api.tenantA.id, m.organisationId);
      const bytes = makePdf();
      await files.storage.putStream(objectKey, Readable.from(bytes), 'application/pdf', { contentLength: bytes.length });
      const [row] = await db()
        .insert(schema.documents)
        .values({
          tenantId: api.tenantA.id,
          organisationId: m.organisationId,
          scope: 'worker',
          pendingChangeItemId: itemId,
          documentKey,
          fileName: `${documentKey}.pdf`,
          objectKey,
          byteSize: bytes.length,
          sha256: 'a'.repeat(64),
          contentType: 'application/pdf',
          uploadedByUserId: m.userId,
        })
        .returning();
      if (row) rows.push(row);
    }
    return rows;
  }

  const documentRows = (ids: string[]) => db().select().from(schema.documents).where(inArray(schema.documents.id, ids));
  const requestRow = async (id: string) => {
    const [row] = await db().select().from(schema.changeRequests).where(eq(schema.changeRequests.id, id));
    if (!row) throw new Error('no change request');
    return row;
  };
  const establishmentRow = async (id: string) => {
    const [row] = await db().select().from(schema.establishments).where(eq(schema.establishments.id, id));
    if (!row) throw new Error('no establishment');
    return row;
  };
  const linksOf = async (workerId: string) =>
    (
      await db()
        .select({ id: schema.workerEstablishments.establishmentId })
        .from(schema.workerEstablishments)
        .where(eq(schema.workerEstablishments.workerId, workerId))
    )
      .map((link) => link.id)
      .sort();
  const workersOf = (organisationId: string) =>
    db().select().from(schema.workers).where(eq(schema.workers.organisationId, organisationId)).orderBy(asc(schema.workers.createdAt));
  const establishmentsOf = (organisationId: string) =>
    db().select().from(schema.establishments).where(eq(schema.establishments.organisationId, organisationId));
  /** Everything registered of an organisation, to show that something changed nothing. */
  const snapshot = async (organisationId: string) => {
    const workers = await workersOf(organisationId);
    return {
      establishments: (await establishmentsOf(organisationId))
        .map(({ updatedAt: _u, ...row }) => row)
        .sort((a, b) => a.id.localeCompare(b.id)),
      workers: workers.map(({ updatedAt: _u, ...row }) => row),
      links: await Promise.all(workers.map(async (worker) => [worker.id, await linksOf(worker.id)])),
    };
  };
  const mailsTo = async (to: string) =>
    (await db().select().from(schema.outboxMessages).where(eq(schema.outboxMessages.kind, 'mail')))
      .map((row) => row.payload as { to: string; template: string; props: Record<string, unknown> })
      .filter((payload) => payload.to === to);

  const submit = (m: TestMember, saved: { id: string; version: number }) =>
    api
      .portal(api.tenantA, m.token)
      .changeRequest.submit({ id: saved.id, version: saved.version, content: '受入れの変更', reason: '新たに受け入れるため' });
  /** The secretariat's 審査開始 then 審査完了 (these kinds need no ministry). */
  async function approve(requestId: string) {
    const staff = api.admin(api.tenantA, secretariat);
    const started = await staff.changeRequests.decide({
      id: requestId,
      version: (await requestRow(requestId)).version,
      event: { type: 'start_review' },
    });
    return staff.changeRequests.decide({ id: requestId, version: started.version, event: { type: 'complete_review' } });
  }

  beforeAll(async () => {
    files = await startTestStorage();
    api = await createTestApi({ storage: files.storage });
    await api.staff(api.tenantA, 'secretariat');
    secretariat = await api.signIn(api.tenantA, 'admin', `secretariat-${api.tenantA.slug}@example.jp`);
  });
  afterAll(async () => {
    await api.close();
    await files.close();
  });

  it('D2 a worker added through 「申請登録情報を変更する」 waits with its documents; once approved it is registered, linked and owns them', async () => {
    const m = await member('d2-add');
    const fixture = await registered(m);
    const portal = api.portal(api.tenantA, m.token);
    const before = await snapshot(m.organisationId);

    const saved = await portal.changeRequest.saveWorkerAdd({
      draftVersion: null,
      itemId: null,
      values: {
        nameLatin: ' nguyen van an ',
        nationality: 'vn',
        nameKana: 'ぐえん',
        extra: {},
        establishmentIds: [fixture.e1, fixture.e2],
      },
    });
    expect(saved).toMatchObject({ itemId: expect.any(String), draftDeleted: false });
    const itemId = saved.itemId as string;
    expect(await snapshot(m.organisationId)).toEqual(before);

    let data = await portal.changeRequest.registeredData();
    expect(data).toMatchObject({ canEdit: true, draftVersion: saved.version });
    expect(data.workers.map((worker) => [worker.status, worker.nameLatin])).toEqual([
      ['registered', 'TRAN THI BINH'],
      ['registered', 'SANTOS MARIA'],
      ['adding', 'NGUYEN VAN AN'],
    ]);
    const adding = data.workers.find((worker) => worker.id === itemId);
    expect(adding).toMatchObject({ nameKana: 'グエン', establishmentIds: [fixture.e1, fixture.e2], documentsComplete: false });
    expect(adding?.pending).toMatchObject({ itemId, changeRequestId: saved.id, state: 'draft' });
    expect(adding?.pending?.changes).toContainEqual({ field: 'establishmentIds', before: '', after: '本館、別館' });
    expect(adding?.pending?.changes).toContainEqual({ field: 'nationality', before: '', after: 'ベトナム' });

    const uploaded = await pendingDocuments(m, itemId, WORKER_DOCUMENTS);
    data = await portal.changeRequest.registeredData();
    expect(data.workers.find((worker) => worker.id === itemId)).toMatchObject({
      status: 'adding',
      nameLatin: 'NGUYEN VAN AN',
      nationality: 'VN',
      nameKana: 'グエン',
      extra: {},
      establishmentIds: [fixture.e1, fixture.e2],
      documentsComplete: true,
    });
    // An edit of the worker being added replaces the item, it does not add another.
    const edited = await portal.changeRequest.saveWorkerAdd({
      draftVersion: saved.version,
      itemId,
      values: { nameLatin: 'NGUYEN VAN AN', nationality: 'VN', nameKana: null, extra: {}, establishmentIds: [fixture.e2] },
    });
    expect(edited).toMatchObject({ id: saved.id, itemId });
    await expect(
      portal.changeRequest.saveWorkerAdd({
        draftVersion: saved.version,
        itemId,
        values: { nameLatin: 'X', nationality: 'VN', extra: {}, establishmentIds: [fixture.e2] },
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: 'changeRequest.draftChanged' });

    const overview = await portal.changeRequest.overview();
    expect(overview.draft?.changes).toContainEqual(
      expect.objectContaining({
        kind: 'worker_add',
        subject: 'NGUYEN VAN AN',
        label: '氏名（ローマ字）',
        before: '',
        after: 'NGUYEN VAN AN',
      }),
    );
    const submitted = await submit(m, edited);
    expect(submitted.state).toBe('submitted');
    expect(await snapshot(m.organisationId)).toEqual(before);
    // While it waits the item is no longer the draft's: it cannot be removed or edited from the portal.
    await expect(portal.changeRequest.removeDraftItem({ draftVersion: 1, itemId })).rejects.toMatchObject({ code: 'CONFLICT' });

    const approved = await approve(submitted.id);
    expect(approved.state).toBe('approved');
    const workers = await workersOf(m.organisationId);
    expect(workers.map((worker) => worker.nameLatin)).toEqual(['TRAN THI BINH', 'SANTOS MARIA', 'NGUYEN VAN AN']);
    const added = workers[2];
    if (!added) throw new Error('no worker added');
    expect(added).toMatchObject({ nationality: 'VN', nameKana: null, archivedAt: null });
    expect(await linksOf(added.id)).toEqual([fixture.e2]);
    expect(
      (await documentRows(uploaded.map((doc) => doc.id))).map((doc) => [doc.workerId, doc.pendingChangeItemId, doc.deletedAt]),
    ).toEqual(uploaded.map(() => [added.id, null, null]));
    const [item] = await db().select().from(schema.changeItems).where(eq(schema.changeItems.id, itemId));
    expect(item).toMatchObject({ entityId: added.id, appliedAt: expect.any(Date) });

    data = await portal.changeRequest.registeredData();
    expect(data.workers.find((worker) => worker.id === added.id)).toMatchObject({
      status: 'registered',
      establishmentIds: [fixture.e2],
      pending: null,
      documentsComplete: true,
    });
    expect(data.draftVersion).toBeNull();
    expect(await portal.changeRequest.history()).toContainEqual(
      expect.objectContaining({ changeRequestId: submitted.id, subject: 'NGUYEN VAN AN', field: 'establishmentIds', after: '別館' }),
    );
    const approvedMail = (await mailsTo(m.contactEmail)).find((mail) => mail.template === 'change-request-approved');
    expect(approvedMail?.props.changes).toContainEqual({ label: '特定技能外国人 NGUYEN VAN AN：国籍', before: '', after: 'ベトナム' });
  });

  it('D4 D2 an establishment and a worker placed at it, added in one submission, both exist once approved — whatever order they were proposed in', async () => {
    const m = await member('d4-add');
    const fixture = await registered(m);
    const portal = api.portal(api.tenantA, m.token);
    // The worker is proposed first (at a registered establishment), the new establishment after it.
    const worker = await portal.changeRequest.saveWorkerAdd({
      draftVersion: null,
      itemId: null,
      values: { nameLatin: 'KIM MINJI', nationality: 'KR', extra: {}, establishmentIds: [fixture.e1] },
    });
    await expect(
      portal.changeRequest.saveEstablishmentAdd({
        draftVersion: worker.version,
        itemId: null,
        values: { ...ESTABLISHMENT, extra: { serviceType: 'not-a-service' } },
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'changeRequest.invalid' });
    const establishment = await portal.changeRequest.saveEstablishmentAdd({
      draftVersion: worker.version,
      itemId: null,
      values: { ...ESTABLISHMENT, postalCode: '104-0061' },
    });
    expect(establishment.id).toBe(worker.id);
    const newId = establishment.itemId as string;
    const moved = await portal.changeRequest.saveWorkerAdd({
      draftVersion: establishment.version,
      itemId: worker.itemId,
      values: { nameLatin: 'KIM MINJI', nationality: 'KR', extra: {}, establishmentIds: [newId, fixture.e1] },
    });
    const data = await portal.changeRequest.registeredData();
    expect(data.establishments.map((row) => [row.status, row.name])).toEqual([
      ['registered', '本館'],
      ['registered', '別館'],
      ['adding', 'さくら苑'],
    ]);
    expect(data.establishments[2]).toMatchObject({ id: newId, postalCode: '1040061', extra: { serviceType: 'day-care' } });
    expect(data.workers.find((row) => row.id === worker.itemId)?.pending?.changes).toContainEqual({
      field: 'establishmentIds',
      before: '',
      after: 'さくら苑、本館',
    });
    // The establishment cannot leave the draft while the worker is placed there.
    await expect(portal.changeRequest.removeDraftItem({ draftVersion: moved.version, itemId: newId })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'changeRequest.establishmentInUse',
    });

    const submitted = await submit(m, moved);
    await approve(submitted.id);
    const created = (await establishmentsOf(m.organisationId)).find((row) => row.name === 'さくら苑');
    expect(created).toMatchObject({ postalCode: '1040061', phone: '03-1111-2222', extra: { serviceType: 'day-care' }, archivedAt: null });
    const kim = (await workersOf(m.organisationId)).find((row) => row.nameLatin === 'KIM MINJI');
    if (!created || !kim) throw new Error('not created');
    expect(await linksOf(kim.id)).toEqual([created.id, fixture.e1].sort());
    const items = await db().select().from(schema.changeItems).where(eq(schema.changeItems.changeRequestId, submitted.id));
    expect(items.find((item) => item.kind === 'establishment_add')).toMatchObject({ entityId: created.id, appliedAt: expect.any(Date) });
    expect(items.find((item) => item.kind === 'worker_add')?.proposed.establishmentIds).toEqual([created.id, fixture.e1]);
    expect(await portal.changeRequest.history()).toContainEqual(
      expect.objectContaining({ subject: 'KIM MINJI', field: 'establishmentIds', after: 'さくら苑、本館' }),
    );

    // ADR 025 an establishment still waiting in a submitted request can be chosen in the next draft;
    // that draft applies only once the establishment exists.
    const east = await portal.changeRequest.saveEstablishmentAdd({
      draftVersion: null,
      itemId: null,
      values: { ...ESTABLISHMENT, name: '東館' },
    });
    const eastRequest = await submit(m, east);
    const later = await portal.changeRequest.saveWorkerAdd({
      draftVersion: null,
      itemId: null,
      values: { nameLatin: 'PARK JIHO', nationality: 'KR', extra: {}, establishmentIds: [east.itemId as string] },
    });
    const laterRequest = await submit(m, later);
    await expect(approve(laterRequest.id)).rejects.toMatchObject({ code: 'CONFLICT', message: 'changeRequest.valueChanged' });
    await approve(eastRequest.id);
    const staff = api.admin(api.tenantA, secretariat);
    await staff.changeRequests.decide({
      id: laterRequest.id,
      version: (await requestRow(laterRequest.id)).version,
      event: { type: 'complete_review' },
    });
    const eastRow = (await establishmentsOf(m.organisationId)).find((row) => row.name === '東館');
    const park = (await workersOf(m.organisationId)).find((row) => row.nameLatin === 'PARK JIHO');
    if (!eastRow || !park) throw new Error('not created');
    expect(await linksOf(park.id)).toEqual([eastRow.id]);
  });

  it('D3 an establishment edit changes the one row every worker there is registered at; it waits before/after until approved', async () => {
    const m = await member('d3-edit');
    const fixture = await registered(m);
    const portal = api.portal(api.tenantA, m.token);
    const e1 = await establishmentRow(fixture.e1);
    await expect(
      portal.changeRequest.saveEstablishmentEdit({
        draftVersion: null,
        establishmentId: fixture.e1,
        values: { ...ESTABLISHMENT, name: '本館', phone: '03-5555-0001', town: '銀座7-17-14', postalCode: '1040061' },
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'changeRequest.noChanges' });
    const saved = await portal.changeRequest.saveEstablishmentEdit({
      draftVersion: null,
      establishmentId: fixture.e1,
      values: { ...ESTABLISHMENT, name: '新本館', phone: '03-9999-0001', town: '銀座7-17-14', extra: { serviceType: 'nursing-home' } },
    });
    expect(saved).toMatchObject({ workerCount: 2, draftDeleted: false });
    const [item] = await db()
      .select()
      .from(schema.changeItems)
      .where(eq(schema.changeItems.id, saved.itemId as string));
    expect(item).toMatchObject({
      kind: 'establishment_edit',
      entityType: 'establishment',
      entityId: fixture.e1,
      baseVersion: e1.version,
      proposed: { name: '新本館', phone: '03-9999-0001', 'extra.serviceType': 'nursing-home' },
      previous: { name: '本館', phone: '03-5555-0001', 'extra.serviceType': 'day-care' },
    });
    expect(await establishmentRow(fixture.e1)).toMatchObject({ name: '本館', phone: '03-5555-0001' });
    const shown = (await portal.changeRequest.registeredData()).establishments.find((row) => row.id === fixture.e1);
    expect(shown).toMatchObject({ status: 'registered', name: '本館', workerCount: 2 });
    expect(shown?.pending?.changes).toEqual([
      { field: 'name', before: '本館', after: '新本館' },
      { field: 'phone', before: '03-5555-0001', after: '03-9999-0001' },
      { field: 'extra.serviceType', before: '通所介護', after: '介護老人福祉施設（特別養護老人ホーム）' },
    ]);
    const overview = await portal.changeRequest.overview();
    expect(overview.draft?.changes).toContainEqual(
      expect.objectContaining({
        subject: '本館',
        field: 'extra.serviceType',
        label: '介護サービスの種類',
        labelEn: 'Type of care service',
      }),
    );

    const submitted = await submit(m, saved);
    // A field waiting for review is not proposed again; the other fields are free.
    await expect(
      portal.changeRequest.saveEstablishmentEdit({
        draftVersion: null,
        establishmentId: fixture.e1,
        values: { ...ESTABLISHMENT, name: '本館', phone: '03-0000-0000', town: '銀座7-17-14' },
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'changeRequest.invalid',
      fieldErrors: [expect.objectContaining({ path: 'values.phone', messageKey: 'changeRequest.fieldPending' })],
    });
    await approve(submitted.id);
    const establishments = await establishmentsOf(m.organisationId);
    expect(establishments).toHaveLength(2);
    expect(await establishmentRow(fixture.e1)).toMatchObject({
      name: '新本館',
      phone: '03-9999-0001',
      extra: { serviceType: 'nursing-home' },
    });
    // Both workers registered there see it: they are linked to the one row.
    const seen = await db()
      .select({ workerId: schema.workerEstablishments.workerId, name: schema.establishments.name })
      .from(schema.workerEstablishments)
      .innerJoin(schema.establishments, eq(schema.establishments.id, schema.workerEstablishments.establishmentId))
      .where(inArray(schema.workerEstablishments.workerId, [fixture.w1, fixture.w2]));
    expect(seen.map((row) => row.name)).toEqual(['新本館', '新本館']);
    expect(await portal.changeRequest.history()).toContainEqual(
      expect.objectContaining({ subject: '新本館', field: 'phone', label: '電話番号', before: '03-5555-0001', after: '03-9999-0001' }),
    );
  });

  it('D3 ADR 023 the approval is one transaction: a later item refused for a value changed since rolls back the establishment edit already written', async () => {
    const m = await member('d3-rollback');
    const fixture = await registered(m);
    const portal = api.portal(api.tenantA, m.token);
    const edit = await portal.changeRequest.saveEstablishmentEdit({
      draftVersion: null,
      establishmentId: fixture.e1,
      values: { ...ESTABLISHMENT, name: '本館', phone: '03-7777-0001', town: '銀座7-17-14' },
    });
    const links = await portal.changeRequest.saveWorkerEstablishments({
      draftVersion: edit.version,
      workerId: fixture.w1,
      establishmentIds: [fixture.e1, fixture.e2],
    });
    const submitted = await submit(m, links);
    // The links move on after the member proposed (e.g. a correction by the secretariat).
    await db()
      .update(schema.workerEstablishments)
      .set({ establishmentId: fixture.e2 })
      .where(eq(schema.workerEstablishments.workerId, fixture.w1));
    const before = await snapshot(m.organisationId);
    await expect(approve(submitted.id)).rejects.toMatchObject({ code: 'CONFLICT', message: 'changeRequest.valueChanged' });
    expect(await snapshot(m.organisationId)).toEqual(before);
    expect((await establishmentRow(fixture.e1)).phone).toBe('03-5555-0001');
    expect((await requestRow(submitted.id)).state).toBe('under_review');
    const items = await db().select().from(schema.changeItems).where(eq(schema.changeItems.changeRequestId, submitted.id));
    expect(items.map((item) => item.appliedAt)).toEqual([null, null]);

    // A field changed since the edit was proposed is refused too, never overwritten.
    const other = await member('d3-conflict');
    const theirs = await registered(other);
    const otherPortal = api.portal(api.tenantA, other.token);
    const saved = await otherPortal.changeRequest.saveEstablishmentEdit({
      draftVersion: null,
      establishmentId: theirs.e2,
      values: { ...ESTABLISHMENT, name: '別館', phone: '03-7777-0002', town: '銀座7-17-14', extra: { serviceType: 'short-stay' } },
    });
    const request = await submit(other, saved);
    await db().update(schema.establishments).set({ phone: '03-1234-0000' }).where(eq(schema.establishments.id, theirs.e2));
    await expect(approve(request.id)).rejects.toMatchObject({ code: 'CONFLICT', message: 'changeRequest.valueChanged' });
    expect((await establishmentRow(theirs.e2)).phone).toBe('03-1234-0000');
  });

  it('D3 a registered worker moves to other establishments: proposed, taken back, proposed again, approved', async () => {
    const m = await member('d3-links');
    const fixture = await registered(m);
    const portal = api.portal(api.tenantA, m.token);
    const worker = (await workersOf(m.organisationId))[0];
    if (!worker) throw new Error('no worker');
    const first = await portal.changeRequest.saveWorkerEstablishments({
      draftVersion: null,
      workerId: fixture.w1,
      establishmentIds: [fixture.e1, fixture.e2],
    });
    const shown = (await portal.changeRequest.registeredData()).workers.find((row) => row.id === fixture.w1);
    expect(shown).toMatchObject({ establishmentIds: [fixture.e1], pendingEstablishmentIds: [fixture.e1, fixture.e2] });
    expect(shown?.pending?.changes).toEqual([{ field: 'establishmentIds', before: '本館', after: '本館、別館' }]);
    // Back to the registered links: the item goes, and with it the draft that held nothing else.
    const reverted = await portal.changeRequest.saveWorkerEstablishments({
      draftVersion: first.version,
      workerId: fixture.w1,
      establishmentIds: [fixture.e1],
    });
    expect(reverted).toMatchObject({ id: first.id, itemId: null, draftDeleted: true });
    expect(await portal.changeRequest.overview()).toMatchObject({ draft: null });
    await expect(
      portal.changeRequest.saveWorkerEstablishments({ draftVersion: null, workerId: fixture.w1, establishmentIds: [fixture.e1] }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'changeRequest.noChanges' });
    const saved = await portal.changeRequest.saveWorkerEstablishments({
      draftVersion: null,
      workerId: fixture.w1,
      establishmentIds: [fixture.e2],
    });
    const submitted = await submit(m, saved);
    await expect(
      portal.changeRequest.saveWorkerEstablishments({
        draftVersion: null,
        workerId: fixture.w1,
        establishmentIds: [fixture.e1, fixture.e2],
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: [expect.objectContaining({ messageKey: 'changeRequest.fieldPending' })],
    });
    expect(await linksOf(fixture.w1)).toEqual([fixture.e1]);
    await approve(submitted.id);
    expect(await linksOf(fixture.w1)).toEqual([fixture.e2]);
    expect(await linksOf(fixture.w2)).toEqual([fixture.e1]);
    const [after] = await db().select().from(schema.workers).where(eq(schema.workers.id, fixture.w1));
    expect(after?.version).toBeGreaterThan(worker.version);
    expect(await portal.changeRequest.history()).toContainEqual(
      expect.objectContaining({ subject: 'TRAN THI BINH', label: '受入れ事業所', before: '本館', after: '別館' }),
    );
  });

  it('D2 D3 D4 cancelling and rejecting leave establishments, workers and links untouched and discard the pending documents; removing an addition takes its files', async () => {
    const m = await member('d-cancel');
    const fixture = await registered(m);
    const portal = api.portal(api.tenantA, m.token);
    const before = await snapshot(m.organisationId);

    const propose = async (draftVersion: number | null, name: string) => {
      const establishment = await portal.changeRequest.saveEstablishmentAdd({
        draftVersion,
        itemId: null,
        values: { ...ESTABLISHMENT, name },
      });
      const worker = await portal.changeRequest.saveWorkerAdd({
        draftVersion: establishment.version,
        itemId: null,
        values: { nameLatin: 'ALI HASSAN', nationality: 'ID', extra: {}, establishmentIds: [establishment.itemId as string] },
      });
      const edit = await portal.changeRequest.saveEstablishmentEdit({
        draftVersion: worker.version,
        establishmentId: fixture.e2,
        values: { ...ESTABLISHMENT, name: '別館（改）', town: '銀座7-17-14', phone: '03-5555-0002', extra: { serviceType: 'short-stay' } },
      });
      const links = await portal.changeRequest.saveWorkerEstablishments({
        draftVersion: edit.version,
        workerId: fixture.w2,
        establishmentIds: [fixture.e2],
      });
      const docs = await pendingDocuments(m, worker.itemId as string, WORKER_DOCUMENTS.slice(0, 2));
      return { establishment, worker, links, docs };
    };

    // Removing the worker addition from the draft takes its files (rows and objects) with it.
    const draft = await propose(null, '新館');
    const removed = await portal.changeRequest.removeDraftItem({
      draftVersion: draft.links.version,
      itemId: draft.worker.itemId as string,
    });
    expect(removed).toMatchObject({ id: draft.links.id, draftDeleted: false });
    expect(await documentRows(draft.docs.map((doc) => doc.id))).toEqual([]);
    for (const doc of draft.docs) expect(await files.storage.list(doc.objectKey)).toEqual([]);
    // Now the establishment being added is free to go; the organisation's own items are not removed here.
    const freed = await portal.changeRequest.removeDraftItem({
      draftVersion: removed.version,
      itemId: draft.establishment.itemId as string,
    });
    const org = await portal.changeRequest.saveDraft({ draftVersion: freed.version, values: { phone: '03-4444-4444' } });
    const [orgItem] = await db()
      .select()
      .from(schema.changeItems)
      .where(and(eq(schema.changeItems.changeRequestId, org.id), eq(schema.changeItems.entityType, 'organisation')));
    await expect(portal.changeRequest.removeDraftItem({ draftVersion: org.version, itemId: orgItem?.id as string })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    // 「変更を取り消す」 of the draft.
    await portal.changeRequest.cancel({ id: org.id, version: org.version });
    expect(await snapshot(m.organisationId)).toEqual(before);

    const cancelled = await propose(null, '新館');
    await portal.changeRequest.cancel({ id: cancelled.links.id, version: (await requestRow(cancelled.links.id)).version });
    expect(await snapshot(m.organisationId)).toEqual(before);
    // The rows go at once; the objects, named by no row, are the leftover sweep's (ADR 017).
    expect(await documentRows(cancelled.docs.map((doc) => doc.id))).toEqual([]);

    const rejected = await propose(null, '東館');
    const submitted = await submit(m, rejected.links);
    const staff = api.admin(api.tenantA, secretariat);
    const started = await staff.changeRequests.decide({
      id: submitted.id,
      version: submitted.version,
      event: { type: 'start_review' },
    });
    await staff.changeRequests.decide({
      id: submitted.id,
      version: started.version,
      event: { type: 'reject', reason: '書類が不足しています' },
    });
    expect(await snapshot(m.organisationId)).toEqual(before);
    expect(await documentRows(rejected.docs.map((doc) => doc.id))).toEqual([]);
    expect((await portal.changeRequest.registeredData()).workers.map((row) => row.status)).toEqual(['registered', 'registered']);

    // F1 a withdrawal cancels what waits (as the system) and discards the additions' files the same way.
    const withdrawn = await propose(null, '西館');
    const waiting = await submit(m, withdrawn.links);
    const cancelledIds = await withTenant(api.testDb.app, api.tenantA.id, (tx) =>
      cancelPendingChangeRequests(tx, { tenant: api.tenantA, organisationId: m.organisationId, actorUserId: m.userId, now: new Date() }),
    );
    expect(cancelledIds).toEqual([waiting.id]);
    expect(await snapshot(m.organisationId)).toEqual(before);
    expect(await documentRows(withdrawn.docs.map((doc) => doc.id))).toEqual([]);
  });

  it('D2 D3 D4 G7 a viewer cannot save or submit; another organisation’s workers, establishments and items are refused; other tenants are not reached', async () => {
    const m = await member('d-owner');
    const fixture = await registered(m);
    const portal = api.portal(api.tenantA, m.token);
    const mine = await portal.changeRequest.saveWorkerAdd({
      draftVersion: null,
      itemId: null,
      values: { nameLatin: 'LEE', nationality: 'KR', extra: {}, establishmentIds: [fixture.e1] },
    });

    const asViewer = (await organisationViewer(api, api.tenantA, m, 'd-viewer')).portal;
    expect((await asViewer.changeRequest.registeredData()).canEdit).toBe(false);
    const forbidden = { code: 'FORBIDDEN', message: 'organisation.permissionMissing' };
    await expect(
      asViewer.changeRequest.saveWorkerAdd({
        draftVersion: mine.version,
        itemId: null,
        values: { nameLatin: 'X', nationality: 'KR', extra: {}, establishmentIds: [fixture.e1] },
      }),
    ).rejects.toMatchObject(forbidden);
    await expect(
      asViewer.changeRequest.saveWorkerEstablishments({ draftVersion: mine.version, workerId: fixture.w1, establishmentIds: [fixture.e2] }),
    ).rejects.toMatchObject(forbidden);
    await expect(
      asViewer.changeRequest.saveEstablishmentEdit({ draftVersion: mine.version, establishmentId: fixture.e1, values: ESTABLISHMENT }),
    ).rejects.toMatchObject(forbidden);
    await expect(
      asViewer.changeRequest.saveEstablishmentAdd({ draftVersion: mine.version, itemId: null, values: ESTABLISHMENT }),
    ).rejects.toMatchObject(forbidden);
    await expect(
      asViewer.changeRequest.removeDraftItem({ draftVersion: mine.version, itemId: mine.itemId as string }),
    ).rejects.toMatchObject(forbidden);
    await expect(asViewer.changeRequest.submit({ id: mine.id, version: mine.version, content: 'x', reason: 'x' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });

    // A neighbour member of the same council: its own ids only.
    const neighbour = await member('d-neighbour');
    const theirFixture = await registered(neighbour);
    const theirs = api.portal(api.tenantA, neighbour.token);
    await expect(
      theirs.changeRequest.saveWorkerEstablishments({ draftVersion: null, workerId: fixture.w1, establishmentIds: [theirFixture.e1] }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      theirs.changeRequest.saveEstablishmentEdit({ draftVersion: null, establishmentId: fixture.e1, values: ESTABLISHMENT }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Another organisation's establishment, and the other organisation's establishment being added, are not a choice.
    const ownDraft = await portal.changeRequest.saveEstablishmentAdd({ draftVersion: mine.version, itemId: null, values: ESTABLISHMENT });
    for (const establishmentId of [fixture.e1, ownDraft.itemId as string]) {
      await expect(
        theirs.changeRequest.saveWorkerAdd({
          draftVersion: null,
          itemId: null,
          values: { nameLatin: 'PARK', nationality: 'KR', extra: {}, establishmentIds: [establishmentId] },
        }),
      ).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        fieldErrors: [{ path: 'values.establishmentIds', messageKey: 'establishment.notFound' }],
      });
    }
    const theirDraft = await theirs.changeRequest.saveWorkerEstablishments({
      draftVersion: null,
      workerId: theirFixture.w1,
      establishmentIds: [theirFixture.e2],
    });
    await expect(
      theirs.changeRequest.removeDraftItem({ draftVersion: theirDraft.version, itemId: mine.itemId as string }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      theirs.changeRequest.saveWorkerAdd({
        draftVersion: theirDraft.version,
        itemId: mine.itemId,
        values: { nameLatin: 'PARK', nationality: 'KR', extra: {}, establishmentIds: [theirFixture.e1] },
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const seen = await theirs.changeRequest.registeredData();
    expect(seen.workers.map((row) => row.nameLatin)).toEqual(['TRAN THI BINH', 'SANTOS MARIA']);
    expect(seen.workers.map((row) => row.id)).toEqual([theirFixture.w1, theirFixture.w2]);
    expect(seen.establishments.map((row) => row.id)).toEqual([theirFixture.e1, theirFixture.e2]);
    expect((await portal.changeRequest.registeredData()).workers.find((row) => row.id === mine.itemId)?.nameLatin).toBe('LEE');

    // Another tenant's session does not reach this one.
    const foreignUser = await api.applicant(api.tenantB, 'd-foreign');
    expect(foreignUser.id).toEqual(expect.any(String));
    const foreign = await api.signIn(api.tenantB, 'portal', 'd-foreign');
    await expect(api.portal(api.tenantA, foreign).changeRequest.registeredData()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
