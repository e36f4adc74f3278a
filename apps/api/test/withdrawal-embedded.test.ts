import { schema, unsafeFindTenantBySlug, withOrganisation, withTenant } from '@kyogikai/db';
import { permissionsOf } from '@kyogikai/domain';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { listMemberDirectory } from '../src/directory/list-member-directory';
import { listCapturedMail } from '../src/mail/mail-catcher';
import { withdrawMembership } from '../src/membership/withdraw-membership';
import { approve, memberOrganisation, staffUser, until } from './certificate-fixtures';
import { useEmbeddedServices } from './helpers/embedded-services';

// `npm start` (embedded mode: PGlite, in-process S3, inline queues) withdraws too: the same
// services main.ts starts, a member of a demo council listed in the directory, withdrawn; its
// certificate revoked and the confirmation in the development mailbox (ADR 024).

const embedded = useEmbeddedServices('withdraw', '39873');

describe('withdrawal in embedded mode (npm start)', () => {
  it('F1 G8 a listed member of a demo council withdraws: gone from the directory, certificate revoked, mail in the development mailbox', async () => {
    const tenant = await unsafeFindTenantBySlug(embedded.services.database, 'kaigo');
    if (!tenant) throw new Error('no kaigo demo tenant');
    const staffId = await staffUser(embedded.services.database, tenant.id);
    const member = await memberOrganisation(embedded.services.database, tenant.id, { corporateName: '株式会社わかば' });
    const issued = await approve(embedded.services.database, tenant, member.organisationId, staffId);
    const [membership] = await withTenant(embedded.services.database, tenant.id, async (tx) => {
      await tx.update(schema.organisations).set({ directoryOptIn: true }).where(eq(schema.organisations.id, member.organisationId));
      return tx
        .select({ userId: schema.organisationMemberships.userId })
        .from(schema.organisationMemberships)
        .where(eq(schema.organisationMemberships.organisationId, member.organisationId));
    });
    if (!membership) throw new Error('no member user');
    const listed = async () =>
      (await listMemberDirectory(embedded.services.database, tenant, 1)).entries.map((entry) => entry.membershipNumber);
    expect(await listed()).toContain(member.membershipNumber);

    await withOrganisation(embedded.services.database, tenant.id, member.organisationId, (tx) =>
      withdrawMembership(tx, {
        tenant,
        organisationId: member.organisationId,
        userId: membership.userId,
        permissions: permissionsOf('org_admin'),
        clientAddress: '127.0.0.1',
        now: new Date(),
        tenantUrl: (path) => `http://localhost:39873/t/kaigo${path}`,
        notesAcknowledged: true,
      }),
    );

    expect(await listed()).not.toContain(member.membershipNumber);
    const [certificate] = await withTenant(embedded.services.database, tenant.id, (tx) =>
      tx.select({ state: schema.certificates.state }).from(schema.certificates).where(eq(schema.certificates.id, issued.certificateId)),
    );
    expect(certificate?.state).toBe('revoked');
    await until(
      async () =>
        (await listCapturedMail(embedded.services.mailboxDirectory as string)).some(
          (mail) => mail.to.includes(member.contactEmail) && mail.subject.includes('退会手続き完了のお知らせ'),
        ),
      60_000,
      'the withdrawal mail in the development mailbox',
    );
  }, 150_000);
});
