import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { schema, type TenantRecord } from '@kyogikai/db';
import { and, eq } from 'drizzle-orm';
import { hashVerificationCode, newVerificationCode } from '../../src/certificates/verification-url';
import type { FileStore } from '../../src/storage/object-storage';
import { makePdf } from './documents';
import type { TestApi } from './test-api';

/**
 * Arranges what the approval and the certificate worker leave behind, straight in the database and
 * the object store (as the owner), so download, reissue and verification tests do not depend on
 * the worker: the organisation is an active member with a membership number, and a certificate row
 * points at a stored PDF whose verification code the test knows.
 */
export async function makeMember(api: TestApi, tenant: TenantRecord, organisationId: string, membershipNumber: string) {
  const o = schema.organisations;
  await api.testDb.owner.db
    .update(o)
    .set({
      membershipState: 'active',
      membershipNumber,
      joinedAt: new Date('2026-11-20T00:00:00Z'),
      contactName: '佐藤 花子',
      contactEmail: `contact-${membershipNumber.toLowerCase()}@example.jp`,
      postalCode: '1040061',
      prefecture: '東京都',
      city: '中央区',
      town: '銀座7-17-14',
      representativeTitle: '理事長',
      representativeName: '髙﨑 太郎',
    })
    .where(and(eq(o.tenantId, tenant.id), eq(o.id, organisationId)));
}

export type StoredCertificate = { id: string; code: string; bytes: Buffer; objectKey: string; issueNumber: number };

export async function storeCertificate(
  api: TestApi,
  storage: FileStore,
  tenant: TenantRecord,
  organisationId: string,
  options: { membershipNumber: string; issueNumber?: number; corporateName?: string; padBytes?: number; isRendered?: boolean },
): Promise<StoredCertificate> {
  const issueNumber = options.issueNumber ?? 1;
  const code = newVerificationCode();
  const id = randomUUID();
  const objectKey = `tenants/${tenant.id}/organisations/${organisationId}/certificates/${id}.pdf`;
  const bytes = makePdf({ padBytes: options.padBytes ?? 50_000 });
  const isRendered = options.isRendered ?? true;
  if (isRendered) await storage.putStream(objectKey, Readable.from([bytes]), 'application/pdf', { contentLength: bytes.length });
  await api.testDb.owner.db.insert(schema.certificates).values({
    tenantId: tenant.id,
    id,
    organisationId,
    membershipNumber: options.membershipNumber,
    issueNumber,
    state: 'issued',
    verificationCodeHash: isRendered ? hashVerificationCode(code) : null,
    objectKey: isRendered ? objectKey : null,
    fields: {
      schemaVersion: 1,
      councilNameJa: tenant.nameJa,
      corporateName: options.corporateName ?? '社会福祉法人さくら会',
      membershipNumber: options.membershipNumber,
      issueNumber,
    },
  });
  return { id, code, bytes, objectKey, issueNumber };
}

/**
 * What the certificate worker does once it has stored the PDF of a certificate issued through
 * `issueCertificate`: a fresh code's hash and the object key, together (ADR 018).
 */
export async function renderCertificate(api: TestApi, storage: FileStore, tenant: TenantRecord, certificateId: string) {
  const row = await certificateRow(api, certificateId);
  const code = newVerificationCode();
  const objectKey = `tenants/${tenant.id}/organisations/${row.organisationId}/certificates/${certificateId}.pdf`;
  const bytes = makePdf({ padBytes: 40_000 });
  await storage.putStream(objectKey, Readable.from([bytes]), 'application/pdf', { contentLength: bytes.length });
  await api.testDb.owner.db
    .update(schema.certificates)
    .set({ verificationCodeHash: hashVerificationCode(code), objectKey })
    .where(eq(schema.certificates.id, certificateId));
  return { code, bytes, objectKey };
}

export async function certificateRow(api: TestApi, id: string) {
  const [row] = await api.testDb.owner.db.select().from(schema.certificates).where(eq(schema.certificates.id, id));
  if (!row) throw new Error(`no certificate ${id}`);
  return row;
}

export function downloadCertificate(api: TestApi, tenant: TenantRecord, cookie: string) {
  return api.app.request(`/t/${tenant.slug}/api/portal/files/certificate`, { headers: { cookie } });
}

/** The session cookie header for a token, as the browser would send it (test mode: no __Host- prefix). */
export const portalSessionCookie = (token: string) => `kyogikai-portal-session=${token}`;
