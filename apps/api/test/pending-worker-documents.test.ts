import { schema, type TenantRecord, withOrganisation } from '@kyogikai/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../src/clock';
import { attachPendingDocuments, discardPendingDocuments } from '../src/documents/pending-change-documents';
import { SWEEP_GRACE_MS, sweepLeftoverObjects } from '../src/storage/sweep-leftover-objects';
import { organisationPrefix } from '../src/storage/document-keys';
import { tenantOrigin } from '../src/tenancy/tenant-url';
import { adminCookie, makePdf, portalCookie, startTestStorage } from './helpers/documents';
import { activeMember, signedInApplicant } from './helpers/members';
import { createTestApi, TEST_PASSWORD, type TestApi } from './helpers/test-api';

type Member = { loginId: string; userId: string; organisationId: string; token: string; cookie: string };

const CONDITIONS = 'employment-conditions';
const PLAN = 'support-plan';

describe('D2 documents of a worker being added after joining: pending on its change item until approval', () => {
  let api: TestApi;
  let store: Awaited<ReturnType<typeof startTestStorage>>;
  let a: Member;
  let b: Member;
  let serial = 0;
  const d = schema.documents;

  /** An active member that joined through a submitted application (staff may read its files, issue 6), or an applicant still applying. */
  async function member(loginId: string, isActive = true): Promise<Member> {
    serial += 1;
    const m = isActive
      ? await activeMember(api, api.tenantA, loginId, `KAIGO-M2026-${String(800 + serial).padStart(6, '0')}`, { applicationApproved: true })
      : await signedInApplicant(api, api.tenantA, loginId);
    const { userId, organisationId, token } = m;
    return { loginId, userId, organisationId, token, cookie: await portalCookie(api, api.tenantA, loginId, TEST_PASSWORD) };
  }

  /**
   * 「特定技能外国人の追加」 saved into the member's draft as the portal does (changeRequest.saveWorkerAdd),
   * at a registered establishment of the member.
   */
  async function workerAddition(m: Member) {
    const [establishment] = await api.testDb.owner.db
      .insert(schema.establishments)
      .values({
        tenantId: api.tenantA.id,
        organisationId: m.organisationId,
        name: 'さくら苑',
        prefecture: '東京都',
        city: '中央区',
        town: '銀座1-1-1',
        extra: { serviceType: 'nursing-home' },
      })
      .returning({ id: schema.establishments.id });
    const portal = api.portal(api.tenantA, m.token);
    const saved = await portal.changeRequest.saveWorkerAdd({
      draftVersion: (await portal.changeRequest.registeredData()).draftVersion,
      itemId: null,
      values: { nameLatin: 'TRAN THI B', nationality: 'VN', extra: {}, establishmentIds: [establishment?.id ?? ''] },
    });
    if (!saved.itemId) throw new Error('no item saved');
    return { requestId: saved.id, itemId: saved.itemId, version: saved.version };
  }

  /** A change request of `m` in `state` with one item, as rows: states and kinds the procedures would not produce for this test. */
  async function requestWithItem(m: Member, state: 'draft' | 'submitted', kind: 'worker_add' | 'other' = 'worker_add') {
    const r = schema.changeRequests;
    const i = schema.changeItems;
    const [request] = await api.testDb.owner.db
      .insert(r)
      .values({
        tenantId: api.tenantA.id,
        organisationId: m.organisationId,
        state,
        createdByUserId: m.userId,
        ...(state === 'submitted' ? { submittedAt: new Date(), submittedByUserId: m.userId, content: '追加', reason: '採用' } : {}),
      })
      .returning({ id: r.id });
    if (!request) throw new Error('no request');
    const [item] = await api.testDb.owner.db
      .insert(i)
      .values({
        tenantId: api.tenantA.id,
        organisationId: m.organisationId,
        changeRequestId: request.id,
        kind,
        entityType: kind === 'worker_add' ? 'worker' : 'organisation',
        entityId: kind === 'worker_add' ? null : m.organisationId,
        proposed:
          kind === 'worker_add' ? { nameLatin: 'TRAN THI B', nationality: 'VN', extra: {}, establishmentIds: [] } : { phone: '0300000000' },
      })
      .returning({ id: i.id });
    if (!item) throw new Error('no item');
    return { requestId: request.id, itemId: item.id };
  }

  function put(tenant: TenantRecord, path: string, cookie: string, options: { documentName?: string; fileName?: string } = {}) {
    const bytes = makePdf();
    const headers: Record<string, string> = {
      cookie,
      origin: tenantOrigin(tenant),
      'content-type': 'application/pdf',
      'content-length': String(bytes.length),
      'x-file-name': encodeURIComponent(options.fileName ?? 'document.pdf'),
    };
    if (options.documentName !== undefined) headers['x-document-name'] = encodeURIComponent(options.documentName);
    return api.app.request(`/t/${tenant.slug}/api/portal/files/${path}`, { method: 'PUT', headers, body: new Uint8Array(bytes) });
  }
  const upload = (m: Member, itemId: string, key: string, options: { documentName?: string; fileName?: string } = {}) =>
    put(api.tenantA, `change-items/${itemId}/documents/${key}`, m.cookie, options);
  const uploaded = async (response: Response) => {
    expect(response.status).toBe(201);
    return ((await response.json()) as { document: { id: string } }).document.id;
  };
  const rowOf = async (id: string) => {
    const [row] = await api.testDb.owner.db.select().from(d).where(eq(d.id, id));
    return row;
  };
  const messageKey = async (response: Response) => ((await response.json()) as { error: { messageKey: string } }).error.messageKey;
  const keysOf = (m: Member) => store.storage.list(organisationPrefix(api.tenantA.id, m.organisationId));

  beforeAll(async () => {
    store = await startTestStorage();
    api = await createTestApi({ storage: store.storage });
    await api.staff(api.tenantA, 'secretariat');
    a = await member('pending-docs-a');
    b = await member('pending-docs-b');
  });
  afterAll(async () => {
    await api.close();
    await store.close();
  });

  it('D2 a draft worker_add item takes uploads into pending rows (no worker), listed by document.slots({ changeItemId }); a new file replaces the slot; other documents carry their name', async () => {
    const { itemId } = await workerAddition(a);
    const first = await uploaded(await upload(a, itemId, CONDITIONS, { fileName: '雇用条件書.pdf' }));
    expect(await rowOf(first)).toMatchObject({
      scope: 'worker',
      workerId: null,
      establishmentId: null,
      pendingChangeItemId: itemId,
      documentKey: CONDITIONS,
      fileName: '雇用条件書.pdf',
      replacedAt: null,
    });
    const replacing = await uploaded(await upload(a, itemId, CONDITIONS, { fileName: '雇用条件書（修正）.pdf' }));
    const replaced = await rowOf(first);
    // The replaced file's object goes after the commit, then its row.
    expect(replaced).toBeUndefined();
    const other = await uploaded(await upload(a, itemId, 'other', { documentName: '雇用契約書の写し' }));

    const portal = api.portal(api.tenantA, a.token);
    const slots = await portal.document.slots({ changeItemId: itemId });
    expect(slots.required.find((slot) => slot.key === CONDITIONS)?.document).toMatchObject({
      id: replacing,
      fileName: '雇用条件書（修正）.pdf',
    });
    expect(slots.required.find((slot) => slot.key === PLAN)?.document).toBeNull();
    expect(slots.others).toEqual([expect.objectContaining({ id: other, customName: '雇用契約書の写し' })]);
    expect((await keysOf(a)).length).toBe(2);

    // An `other` document without a name is refused, as for a registered worker.
    const unnamed = await upload(a, itemId, 'other');
    expect(unnamed.status).toBe(400);
    expect(await messageKey(unnamed)).toBe('document.nameRequired');
    // Exactly one owner: both, or neither, is a bad request.
    await expect(portal.document.slots({ changeItemId: itemId, workerId: itemId } as never)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(portal.document.slots({} as never)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it("D2 refused: another organisation's item, an item of a submitted request, an item that adds no worker, a member that is not active", async () => {
    const g = await member('pending-docs-g');
    const { itemId } = await workerAddition(g);
    const ofOther = await upload(b, itemId, CONDITIONS);
    expect(ofOther.status).toBe(404);
    expect(await messageKey(ofOther)).toBe('changeRequest.notFound');
    await expect(api.portal(api.tenantA, b.token).document.slots({ changeItemId: itemId })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const submitted = await requestWithItem(b, 'submitted');
    const late = await upload(b, submitted.itemId, CONDITIONS);
    expect(late.status).toBe(403);
    expect(await messageKey(late)).toBe('document.changeSubmitted');

    const organisationItem = await requestWithItem(b, 'draft', 'other');
    expect((await upload(b, organisationItem.itemId, CONDITIONS)).status).toBe(404);
    expect((await put(api.tenantA, `change-items/not-a-uuid/documents/${CONDITIONS}`, b.cookie)).status).toBe(404);
    expect((await upload(g, itemId, 'no-such-slot')).status).toBe(404);

    // An organisation still applying changes nothing through change requests.
    const applying = await member('pending-docs-applying', false);
    const own = await requestWithItem(applying, 'draft');
    const refused = await upload(applying, own.itemId, CONDITIONS);
    expect(refused.status).toBe(403);
    expect(await messageKey(refused)).toBe('membership.notActive');
    expect(await keysOf(applying)).toEqual([]);
  });

  it('D2 「削除」 removes a pending file while its item is in the draft, not once the request is submitted; the secretariat opens it only once submitted', async () => {
    const c = await member('pending-docs-c');
    const { requestId, itemId, version } = await workerAddition(c);
    const kept = await uploaded(await upload(c, itemId, PLAN));
    const removed = await uploaded(await upload(c, itemId, CONDITIONS));
    const portal = api.portal(api.tenantA, c.token);
    await expect(portal.document.delete({ id: removed })).resolves.toEqual({ ok: true });
    expect(await rowOf(removed)).toBeUndefined();
    expect((await portal.document.slots({ changeItemId: itemId })).required.find((slot) => slot.key === CONDITIONS)?.document).toBeNull();
    // Another organisation cannot delete it (for it, no such pending file exists: its registered data is not editable either).
    await expect(api.portal(api.tenantA, b.token).document.delete({ id: kept })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await rowOf(kept)).toMatchObject({ deletedAt: null });

    const secretariat = await adminCookie(api, api.tenantA, `secretariat-${api.tenantA.slug}@example.jp`);
    const open = () => api.app.request(`/t/${api.tenantA.slug}/api/admin/files/documents/${kept}`, { headers: { cookie: secretariat } });
    // The member's draft is not the council's to read.
    expect((await open()).status).toBe(404);

    await portal.changeRequest.submit({ id: requestId, version, content: '特定技能外国人の追加', reason: '採用のため' });
    await expect(portal.document.delete({ id: kept })).rejects.toMatchObject({ message: 'document.changeSubmitted' });
    expect((await upload(c, itemId, CONDITIONS)).status).toBe(403);
    const opened = await open();
    expect(opened.status).toBe(200);
    expect(Buffer.from(await opened.arrayBuffer())).toEqual(makePdf());
    const [audit] = await api.testDb.owner.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.action, 'document.opened'), eq(schema.auditEvents.targetId, kept)));
    expect(audit?.after).toMatchObject({ pendingChangeItemId: itemId, openedAs: 'staff' });
    // The member still sees what was sent.
    expect((await portal.document.slots({ changeItemId: itemId })).required.find((slot) => slot.key === PLAN)?.document?.id).toBe(kept);
  });

  it('D2 approval attaches the current pending files to the new worker (registered from the same commit); replaced and removed ones are not attached', async () => {
    const e = await member('pending-docs-e');
    const { itemId } = await workerAddition(e);
    const current = await uploaded(await upload(e, itemId, CONDITIONS));
    const other = await uploaded(await upload(e, itemId, 'other', { documentName: '在留カードの写し' }));
    // A removal whose object delete has not happened yet: still marked, still pending.
    const marked = await uploaded(await upload(e, itemId, PLAN));
    await api.testDb.owner.db.update(d).set({ deletedAt: new Date() }).where(eq(d.id, marked));

    const workerId = await withOrganisation(api.testDb.app, api.tenantA.id, e.organisationId, async (tx) => {
      const [worker] = await tx
        .insert(schema.workers)
        .values({ tenantId: api.tenantA.id, organisationId: e.organisationId, nameLatin: 'TRAN THI B', nationality: 'VN' })
        .returning({ id: schema.workers.id });
      if (!worker) throw new Error('no worker');
      expect(await attachPendingDocuments(tx, { itemId, workerId: worker.id })).toBe(2);
      return worker.id;
    });
    expect(await rowOf(current)).toMatchObject({ workerId, pendingChangeItemId: null });
    expect(await rowOf(marked)).toMatchObject({ workerId: null, pendingChangeItemId: itemId });
    const slots = await api.portal(api.tenantA, e.token).document.slots({ workerId });
    expect(slots.required.find((slot) => slot.key === CONDITIONS)?.document?.id).toBe(current);
    expect(slots.others.map((doc) => doc.id)).toEqual([other]);
    expect((await api.portal(api.tenantA, e.token).document.slots({ changeItemId: itemId })).others).toEqual([]);
  });

  it('D2 cancel, reject or removal discards the pending files: rows gone at once (the item can then be deleted), the leftover sweep deletes their objects', async () => {
    const f = await member('pending-docs-f');
    const { requestId, itemId } = await workerAddition(f);
    const ids = [await uploaded(await upload(f, itemId, CONDITIONS)), await uploaded(await upload(f, itemId, PLAN))];
    const registeredBefore = await keysOf(f);
    expect(registeredBefore).toHaveLength(2);
    const now = new Date('2026-11-27T09:00:00Z');
    const count = await withOrganisation(api.testDb.app, api.tenantA.id, f.organisationId, async (tx) => {
      const discarded = await discardPendingDocuments(tx, { itemId, now });
      // What removal from the draft does next: the item goes in the same transaction.
      await tx.delete(schema.changeItems).where(eq(schema.changeItems.id, itemId));
      return discarded;
    });
    expect(count).toBe(2);
    for (const id of ids) expect(await rowOf(id)).toBeUndefined();
    const [audit] = await api.testDb.owner.db
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.action, 'document.discarded'), eq(schema.auditEvents.targetId, itemId)));
    expect(audit).toMatchObject({ actorUserId: null, after: { discardedAt: now.toISOString() } });
    expect((audit?.before as { documents: { id: string }[] } | undefined)?.documents.map((doc) => doc.id).sort()).toEqual([...ids].sort());
    await api.testDb.owner.db.delete(schema.changeRequests).where(eq(schema.changeRequests.id, requestId));

    // Within the grace period the objects stay (an upload could be between its steps); after it they go.
    const later = createManualClock(new Date(Date.now() + 2 * SWEEP_GRACE_MS));
    const report = await sweepLeftoverObjects({ database: api.testDb.app, storage: store.storage, clock: later });
    expect(report.failures).toBe(0);
    expect(report.orphanObjects).toBeGreaterThanOrEqual(2);
    expect(await keysOf(f)).toEqual([]);
    // Nothing to discard twice.
    await withOrganisation(api.testDb.app, api.tenantA.id, f.organisationId, async (tx) =>
      expect(await discardPendingDocuments(tx, { itemId, now })).toBe(0),
    );
  });
  it('D2 cancelling the draft (changeRequest.cancel) and removing the addition (removeDraftItem) take its files with them', async () => {
    const h = await member('pending-docs-h');
    const portal = api.portal(api.tenantA, h.token);
    const first = await workerAddition(h);
    const cancelledFile = await uploaded(await upload(h, first.itemId, CONDITIONS));
    await portal.changeRequest.cancel({ id: first.requestId, version: first.version });
    expect(await rowOf(cancelledFile)).toBeUndefined();

    const second = await workerAddition(h);
    const removedFile = await uploaded(await upload(h, second.itemId, CONDITIONS));
    await portal.changeRequest.removeDraftItem({ draftVersion: second.version, itemId: second.itemId });
    expect(await rowOf(removedFile)).toBeUndefined();
    await expect(portal.document.slots({ changeItemId: second.itemId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
