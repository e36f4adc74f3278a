import { randomBytes, randomUUID } from 'node:crypto';
import { schema, withOrganisation, withTenant } from '@kyogikai/db';
import * as domain from '@kyogikai/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApi, type TestApi } from './helpers/test-api';

// The machine as it would be if someone added an effect without teaching the executor about it.
vi.mock('@kyogikai/domain', async (importOriginal) => {
  const original = await importOriginal<typeof domain>();
  return {
    ...original,
    transitionApplication: (...args: Parameters<typeof original.transitionApplication>) => {
      const result = original.transitionApplication(...args);
      return result.ok ? { ...result, effects: [...result.effects, { type: 'cancel-pending-change-requests' }] } : result;
    },
  };
});

describe('ADR 020 the executor never skips an effect it does not know', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.close());

  it('C1 an unknown effect fails the transition and rolls everything back (state, reference number, mails, audit)', async () => {
    const user = await api.applicant(api.tenantA, 'unknown-effect');
    const token = await api.signIn(api.tenantA, 'portal', 'unknown-effect');
    const portal = api.portal(api.tenantA, token);
    const { id: organisationId, version } = await portal.organisation.get();
    await portal.organisation.saveDraft({
      version,
      values: {
        corporateName: '社会福祉法人テスト会',
        corporateNameKana: 'テストカイ',
        corporateNumber: '7000012050002',
        postalCode: '1040061',
        prefecture: '東京都',
        city: '中央区',
        town: '銀座1-2-3',
        representativeTitle: '理事長',
        representativeName: '山田 太郎',
        phone: '03-1234-5678',
        contactName: '佐藤 花子',
        contactEmail: 'unknown-effect@example.jp',
        contactPhone: '03-1234-5678',
      },
    });
    const establishment = await portal.establishment.create({
      name: 'さくら苑',
      postalCode: '1040061',
      prefecture: '東京都',
      city: '中央区',
      town: '銀座1-2-3',
      phone: '03-1234-5678',
      extra: { serviceType: 'nursing-home' },
    });
    const worker = await portal.worker.create({
      nameLatin: 'MARIA SANTOS',
      nationality: 'PH',
      extra: {},
      establishmentIds: [establishment.id],
    });
    await withOrganisation(api.testDb.app, api.tenantA.id, organisationId, (tx) =>
      tx.insert(schema.documents).values(
        domain.requiredWorkerDocumentKeys(api.tenantA.config).map((documentKey) => ({
          tenantId: api.tenantA.id,
          organisationId,
          scope: 'worker' as const,
          workerId: worker.id,
          documentKey,
          fileName: `${documentKey}.pdf`,
          objectKey: `tenants/${api.tenantA.id}/organisations/${organisationId}/documents/${randomUUID()}.pdf`,
          byteSize: 1000,
          sha256: randomBytes(32).toString('hex'),
          contentType: 'application/pdf',
          uploadedByUserId: user.id,
        })),
      ),
    );
    const { application } = await portal.application.review();
    await expect(portal.application.submit({ applicationId: application.id, version: application.version })).rejects.toMatchObject({
      code: 'INTERNAL_SERVER_ERROR',
      message: 'application transition: no executor for effect cancel-pending-change-requests',
    });
    const [row] = await withTenant(api.testDb.app, api.tenantA.id, (tx) =>
      tx.select().from(schema.applications).where(eq(schema.applications.id, application.id)),
    );
    expect(row).toMatchObject({ state: 'draft', referenceNumber: null, submittedAt: null, version: application.version });
    const trail = await withTenant(api.testDb.app, api.tenantA.id, (tx) =>
      tx.select().from(schema.auditEvents).where(eq(schema.auditEvents.targetId, application.id)),
    );
    expect(trail).toEqual([]);
    const mails = await withTenant(api.testDb.app, api.tenantA.id, (tx) => tx.select().from(schema.outboxMessages));
    expect(mails.filter((mail) => JSON.stringify(mail.payload).includes('unknown-effect@example.jp'))).toEqual([]);
  });
});
