import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { schema, unsafeFindTenantBySlug, withTenant } from '@kyogikai/db';
import { pdfText } from '@kyogikai/worker/test-support/poppler';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedServices } from '../src/bootstrap/embedded-services';
import type { ServerServices } from '../src/bootstrap/server-services';
import { parseApiEnv } from '../src/env';
import { listCapturedMail } from '../src/mail/mail-catcher';
import { approve, memberOrganisation, readObject, staffUser, until } from './certificate-fixtures';

// `npm start` (embedded mode: PGlite, in-process S3, inline queues) generates certificates too:
// the same services main.ts starts, an approval in a demo council, the PDF in the embedded store
// and the mail in the development mailbox (ADR 018).

let dataDir: string;
let services: ServerServices;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'kyogikai-embedded-cert-'));
  const env = parseApiEnv({ KYOGIKAI_MODE: 'embedded', DATA_DIR: dataDir, PORT: '39871' });
  if (env.KYOGIKAI_MODE !== 'embedded') throw new Error('not embedded');
  services = await startEmbeddedServices(env);
}, 120_000);

afterAll(async () => {
  await services?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('certificates in embedded mode (npm start)', () => {
  it('C3 an approval in a demo council ends with the PDF in the embedded store and the mail in the development mailbox', async () => {
    const tenant = await unsafeFindTenantBySlug(services.database, 'kaigo');
    if (!tenant) throw new Error('no kaigo demo tenant');
    const staffId = await staffUser(services.database, tenant.id);
    const member = await memberOrganisation(services.database, tenant.id);
    const issued = await approve(services.database, tenant, member.organisationId, staffId);

    const objectKey = async () => {
      const [row] = await withTenant(services.database, tenant.id, (tx) =>
        tx
          .select({ objectKey: schema.certificates.objectKey })
          .from(schema.certificates)
          .where(eq(schema.certificates.id, issued.certificateId)),
      );
      return row?.objectKey ?? null;
    };
    await until(async () => (await objectKey()) !== null, 60_000, 'the certificate to be stored');
    const pdf = await readObject(services.storage, (await objectKey()) as string);
    expect(pdfText(pdf)).toContain(member.membershipNumber);
    await until(
      async () => (await listCapturedMail(services.mailboxDirectory as string)).some((m) => m.to.includes(member.contactEmail)),
      60_000,
      'the approval mail in the development mailbox',
    );
  }, 150_000);
});
