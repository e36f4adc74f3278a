import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Database, schema, type TenantRecord, withTenant } from '@kyogikai/db';
import { createOrganisationFixture } from '@kyogikai/db/testing';
import { hashVerificationCode } from '@kyogikai/worker/certificate-code';
import { eq } from 'drizzle-orm';
import { issueCertificate } from '../src/certificates/issue-certificate';
import { startEmbeddedS3 } from '../src/storage/embedded-s3';
import { createObjectStorage } from '../src/storage/object-storage';

// Shared by the certificate generation and fault tests (ADR 018): a member organisation, a staff
// approver, an S3-compatible store of the test's own, and how to read a stored certificate back.

export async function staffUser(database: Database, tenantId: string): Promise<string> {
  const suffix = randomBytes(4).toString('hex');
  return withTenant(database, tenantId, async (tx) => {
    const [user] = await tx
      .insert(schema.users)
      .values({
        tenantId,
        kind: 'staff',
        role: 'secretariat',
        loginId: `staff-${suffix}`,
        email: `staff-${suffix}@example.jp`,
        displayName: '事務局 担当',
        passwordHash: 'not-a-real-hash',
        status: 'active',
      })
      .returning({ id: schema.users.id });
    if (!user) throw new Error('no staff user');
    return user.id;
  });
}

/** A member (membership number set, as the approving transaction leaves it) with a contact to mail. */
export async function memberOrganisation(
  database: Database,
  tenantId: string,
  options: { corporateName?: string; contactEmail?: string } = {},
): Promise<{ organisationId: string; membershipNumber: string; contactEmail: string }> {
  const { organisationId } = await createOrganisationFixture(database, tenantId, {
    corporateName: options.corporateName ?? '株式会社髙﨑商事',
  });
  const membershipNumber = `KG-${randomBytes(3).toString('hex').toUpperCase()}`;
  const contactEmail = options.contactEmail ?? `contact-${randomBytes(3).toString('hex')}@example.jp`;
  await withTenant(database, tenantId, (tx) =>
    tx
      .update(schema.organisations)
      .set({
        postalCode: '1000013',
        prefecture: '東京都',
        city: '千代田区',
        town: '霞が関1-2-2',
        representativeTitle: '代表取締役',
        representativeName: '髙橋 一郎',
        contactName: '佐藤 花子',
        contactEmail,
        membershipState: 'active',
        membershipNumber,
        joinedAt: new Date(),
      })
      .where(eq(schema.organisations.id, organisationId)),
  );
  return { organisationId, membershipNumber, contactEmail };
}

export function approve(
  database: Database,
  tenant: TenantRecord,
  organisationId: string,
  actorUserId: string,
  reason: 'application_approved' | 'reissue' = 'application_approved',
) {
  return withTenant(database, tenant.id, (tx) =>
    issueCertificate(tx, {
      tenant,
      organisationId,
      actorUserId,
      reason,
      notifyTemplate: reason === 'reissue' ? 'certificate-reissued' : 'application-approved',
      now: new Date(),
    }),
  );
}

export async function ownObjectStore() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kyogikai-cert-s3-'));
  const s3 = await startEmbeddedS3({ directory: dir });
  const storage = createObjectStorage(s3.settings);
  return {
    s3,
    storage,
    async close() {
      storage.close();
      await s3.close();
    },
  };
}

export async function readObject(storage: ReturnType<typeof createObjectStorage>, key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await storage.getStream(key)) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** The verification code printed on a certificate PDF (pdftotext), grouped by 4 with hyphens. */
export function printedCode(text: string): string {
  const match = /検証コード\s+([A-Z2-7-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no verification code on the page:\n${text}`);
  return match[1];
}

export { hashVerificationCode };

export async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
