import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { schema, unsafeFindTenantBySlug, withOrganisation, withTenant } from '@kyogikai/db';
import { permissionsOf } from '@kyogikai/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedServices } from '../src/bootstrap/embedded-services';
import type { ServerServices } from '../src/bootstrap/server-services';
import { listMemberDirectory } from '../src/directory/list-member-directory';
import { parseApiEnv } from '../src/env';
import { listCapturedMail } from '../src/mail/mail-catcher';
import { withdrawMembership } from '../src/membership/withdraw-membership';
import { approve, memberOrganisation, staffUser, until } from './certificate-fixtures';

// `npm start` (embedded mode: PGlite, in-process S3, inline queues) withdraws too: the same
// services main.ts starts, a member of a demo council listed in the directory, withdrawn; its
// certificate revoked and the confirmation in the development mailbox (ADR 024).

let dataDir: string;
let services: ServerServices;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'kyogikai-embedded-withdraw-'));
  const env = parseApiEnv({ KYOGIKAI_MODE: 'embedded', DATA_DIR: dataDir, PORT: '39873' });
  if (env.KYOGIKAI_MODE !== 'embedded') throw new Error('not embedded');
  services = await startEmbeddedServices(env);
}, 120_000);

afterAll(async () => {
  await services?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('withdrawal in embedded mode (npm start)', () => {
  it('F1 G8 a listed member of a demo council withdraws: gone from the directory, certificate revoked, mail in the development mailbox', async () => {
    const tenant = await unsafeFindTenantBySlug(services.database, 'kaigo');
    if (!tenant) throw new Error('no kaigo demo tenant');
    const staffId = await staffUser(services.database, tenant.id);
    const member = await memberOrganisation(services.database, tenant.id, { corporateName: '株式会社わかば' });
    const issued = await approve(services.database, tenant, member.organisationId, staffId);
    const [membership] = await withTenant(services.database, tenant.id, async (tx) => {
      await tx.update(schema.organisations).set({ directoryOptIn: true }).where(eq(schema.organisations.id, member.organisationId));
      return tx
        .select({ userId: schema.organisationMemberships.userId })
        .from(schema.organisationMemberships)
        .where(eq(schema.organisationMemberships.organisationId, member.organisationId));
    });
    if (!membership) throw new Error('no member user');
    const listed = async () => (await listMemberDirectory(services.database, tenant, 1)).entries.map((entry) => entry.membershipNumber);
    expect(await listed()).toContain(member.membershipNumber);

    await withOrganisation(services.database, tenant.id, member.organisationId, (tx) =>
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
    const [certificate] = await withTenant(services.database, tenant.id, (tx) =>
      tx.select({ state: schema.certificates.state }).from(schema.certificates).where(eq(schema.certificates.id, issued.certificateId)),
    );
    expect(certificate?.state).toBe('revoked');
    await until(
      async () =>
        (await listCapturedMail(services.mailboxDirectory as string)).some(
          (mail) => mail.to.includes(member.contactEmail) && mail.subject.includes('退会手続き完了のお知らせ'),
        ),
      60_000,
      'the withdrawal mail in the development mailbox',
    );
  }, 150_000);
});
