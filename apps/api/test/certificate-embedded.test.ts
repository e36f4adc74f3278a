import { schema, unsafeFindTenantBySlug, withTenant } from '@kyogikai/db';
import { pdfText } from '@kyogikai/worker/test-support/poppler';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { listCapturedMail } from '../src/mail/mail-catcher';
import { approve, memberOrganisation, readObject, staffUser, until } from './certificate-fixtures';
import { useEmbeddedServices } from './helpers/embedded-services';

// `npm start` (embedded mode: PGlite, in-process S3, inline queues) generates certificates too:
// the same services main.ts starts, an approval in a demo council, the PDF in the embedded store
// and the mail in the development mailbox (ADR 018).

const embedded = useEmbeddedServices('cert', '39871');

describe('certificates in embedded mode (npm start)', () => {
  it('C3 an approval in a demo council ends with the PDF in the embedded store and the mail in the development mailbox', async () => {
    const tenant = await unsafeFindTenantBySlug(embedded.services.database, 'kaigo');
    if (!tenant) throw new Error('no kaigo demo tenant');
    const staffId = await staffUser(embedded.services.database, tenant.id);
    const member = await memberOrganisation(embedded.services.database, tenant.id);
    const issued = await approve(embedded.services.database, tenant, member.organisationId, staffId);

    const objectKey = async () => {
      const [row] = await withTenant(embedded.services.database, tenant.id, (tx) =>
        tx
          .select({ objectKey: schema.certificates.objectKey })
          .from(schema.certificates)
          .where(eq(schema.certificates.id, issued.certificateId)),
      );
      return row?.objectKey ?? null;
    };
    await until(async () => (await objectKey()) !== null, 60_000, 'the certificate to be stored');
    const pdf = await readObject(embedded.services.storage, (await objectKey()) as string);
    expect(pdfText(pdf)).toContain(member.membershipNumber);
    await until(
      async () => (await listCapturedMail(embedded.services.mailboxDirectory as string)).some((m) => m.to.includes(member.contactEmail)),
      60_000,
      'the approval mail in the development mailbox',
    );
  }, 150_000);
});
