import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { schema, withOrganisation, withTenant } from '@kyogikai/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../src/clock';
import { SWEEP_GRACE_MS, sweepLeftoverObjects } from '../src/storage/sweep-leftover-objects';
import { newDocumentKey, newQuarantineKey, organisationPrefix } from '../src/storage/document-keys';
import { makePdf, portalCookie, startTestStorage, uploadDocument } from './helpers/documents';
import { createTestApi, TEST_PASSWORD, type TestApi } from './helpers/test-api';

const ESTABLISHMENT = {
  name: 'すいーぷ苑',
  postalCode: '1040061',
  prefecture: '東京都',
  city: '中央区',
  town: '銀座1-1-1',
  phone: '03-1234-5678',
  extra: { serviceType: 'nursing-home' },
};

describe('G9/C3 the storage sweep removes what a crashed upload, a failed delete or a crashed certificate attempt left, and nothing else', () => {
  let api: TestApi;
  let store: Awaited<ReturnType<typeof startTestStorage>>;
  let organisationId: string;
  let cookie: string;
  let workerId: string;

  const put = (key: string) => store.storage.putStream(key, Readable.from([makePdf()]), 'application/pdf');
  const keysOf = () => store.storage.list(organisationPrefix(api.tenantA.id, organisationId));
  const upload = async (documentKey: string) => {
    const response = await uploadDocument(api, api.tenantA, workerId, documentKey, makePdf(), { cookie });
    expect(response.status).toBe(201);
    return ((await response.json()) as { document: { id: string } }).document.id;
  };

  beforeAll(async () => {
    store = await startTestStorage();
    api = await createTestApi({ storage: store.storage });
    await api.applicant(api.tenantA, 'sweep-one');
    const portal = api.portal(api.tenantA, await api.signIn(api.tenantA, 'portal', 'sweep-one'));
    organisationId = (await portal.organisation.get()).id;
    const establishment = await portal.establishment.create(ESTABLISHMENT);
    workerId = (
      await portal.worker.create({ nameLatin: 'SWEEP WORKER', nationality: 'VN', extra: {}, establishmentIds: [establishment.id] })
    ).id;
    cookie = await portalCookie(api, api.tenantA, 'sweep-one', TEST_PASSWORD);
  });
  afterAll(async () => {
    await api.close();
    await store.close();
  });

  it('G9 leftovers older than the grace period go; live documents, fresh leftovers and other files stay', async () => {
    const liveId = await upload('employment-conditions');
    const markedId = await upload('support-plan');
    const d = schema.documents;
    const [live] = await withTenant(api.testDb.app, api.tenantA.id, (tx) => tx.select().from(d).where(eq(d.id, liveId)));
    const [marked] = await withTenant(api.testDb.app, api.tenantA.id, (tx) => tx.select().from(d).where(eq(d.id, markedId)));
    if (!live || !marked) throw new Error('uploads not recorded');
    // A removal whose object delete failed: the row stays marked, the object stays.
    await withOrganisation(api.testDb.app, api.tenantA.id, organisationId, (tx) =>
      tx
        .update(d)
        .set({ deletedAt: new Date(Date.now() - 2 * SWEEP_GRACE_MS) })
        .where(eq(d.id, markedId)),
    );
    // A crash mid-upload (quarantine object) and one between copy and commit (object with no row).
    const quarantine = newQuarantineKey(api.tenantA.id, organisationId);
    const orphan = newDocumentKey(api.tenantA.id, organisationId);
    // A certificate worker that died between its upload and its commit (ADR 018): no certificate names it.
    const attempt = `${organisationPrefix(api.tenantA.id, organisationId)}certificates/${randomUUID()}/${randomUUID()}.pdf`;
    // A key of no known shape: the sweep leaves it to whoever put it there.
    const certificate = `${organisationPrefix(api.tenantA.id, organisationId)}certificates/00000000-0000-4000-8000-000000000001.pdf`;
    for (const key of [quarantine, orphan, attempt, certificate]) await put(key);

    // Within the grace period nothing is touched: an upload may be between its steps right now.
    const fresh = await sweepLeftoverObjects({ database: api.testDb.app, storage: store.storage, clock: createManualClock(new Date()) });
    expect(fresh).toMatchObject({ quarantineObjects: 0, orphanObjects: 0, orphanCertificates: 0, failures: 0 });
    expect(fresh.purgedRows).toBe(1); // the marked row is old enough already
    expect(await keysOf()).toEqual(expect.arrayContaining([quarantine, orphan, attempt, certificate, live.objectKey]));
    expect(await keysOf()).not.toContain(marked.objectKey);

    const later = createManualClock(new Date(Date.now() + 2 * SWEEP_GRACE_MS));
    const report = await sweepLeftoverObjects({ database: api.testDb.app, storage: store.storage, clock: later });
    expect(report).toMatchObject({ purgedRows: 0, quarantineObjects: 1, orphanObjects: 1, orphanCertificates: 1, failures: 0 });
    expect(report.tenants).toBeGreaterThanOrEqual(1);
    expect((await keysOf()).sort()).toEqual([certificate, live.objectKey].sort());
    const rows = await withTenant(api.testDb.app, api.tenantA.id, (tx) => tx.select({ id: d.id }).from(d));
    expect(rows.map((row) => row.id)).toEqual([liveId]);

    // Nothing left to do: a second sweep finds nothing.
    expect(await sweepLeftoverObjects({ database: api.testDb.app, storage: store.storage, clock: later })).toMatchObject({
      purgedRows: 0,
      quarantineObjects: 0,
      orphanObjects: 0,
      orphanCertificates: 0,
      failures: 0,
    });
  });
});
