import { findActiveMembership, schema, unsafeFindTenantBySlug, withOrganisation, withTenant } from '@kyogikai/db';
import { createOrganisationFixture } from '@kyogikai/db/testing';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { AccountContext } from '../src/account/account-context';
import { defaultThrottlePolicy } from '../src/auth/sign-in-throttle';
import { systemClock } from '../src/clock';
import { acceptWithNewAccount } from '../src/delegation/accept-invitation';
import { inviteUser } from '../src/delegation/invite-user';
import { revokeAccess } from '../src/delegation/revoke-access';
import { listCapturedMail } from '../src/mail/mail-catcher';
import { until } from './certificate-fixtures';
import { useEmbeddedServices } from './helpers/embedded-services';

// `npm start` (embedded mode: PGlite, in-process S3, inline queues) runs delegated access too: the
// invitation reaches the development mailbox, its link creates an account acting for the
// employer, and revoking ends that account's session (ADR 022).

const embedded = useEmbeddedServices('delegation', '39874');

describe('delegated access in embedded mode (npm start)', () => {
  it('G7 invite → the mail in the development mailbox → a new account acting for the employer → revoked with its session', async () => {
    const tenant = await unsafeFindTenantBySlug(embedded.services.database, 'kaigo');
    if (!tenant) throw new Error('no kaigo demo tenant');
    const tenantUrl = (pathname: string) => `http://localhost:${embedded.port}/t/kaigo${pathname}`;
    const employer = await createOrganisationFixture(embedded.services.database, tenant.id, { corporateName: '社会福祉法人こもれび会' });
    const email = 'shien@komorebi.example.jp';

    await withOrganisation(embedded.services.database, tenant.id, employer.organisationId, (tx) =>
      inviteUser(tx, {
        tenant,
        organisationId: employer.organisationId,
        inviter: { userId: employer.userId, displayName: '木漏 日子', role: 'org_admin' },
        request: { email, role: 'support_organisation' },
        now: new Date(),
        clientAddress: '127.0.0.1',
        tenantUrl,
      }),
    );
    const mailbox = embedded.services.mailboxDirectory as string;
    await until(
      async () => (await listCapturedMail(mailbox)).some((mail) => mail.to.includes(email)),
      60_000,
      'the invitation in the development mailbox',
    );
    const mail = (await listCapturedMail(mailbox)).find((m) => m.to.includes(email));
    expect(mail?.subject).toContain('社会福祉法人こもれび会からの利用者招待');
    const token = /accept-invitation\?token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')?.[1];
    if (!token) throw new Error(`no link in:\n${mail?.text}`);

    const ctx: AccountContext = {
      database: embedded.services.database,
      tenant,
      clock: systemClock,
      clientAddress: '127.0.0.1',
      tenantUrl,
      throttlePolicy: defaultThrottlePolicy,
      sleep: async () => {},
      sessionPolicy: { idleMs: 30 * 60_000, absoluteMs: 12 * 3600_000, warningMs: 120_000 },
      sessionToken: null,
    };
    const privacy = tenant.config.consentDocuments.find((doc) => doc.key === 'privacy-policy')?.version ?? '';
    const accepted = await acceptWithNewAccount(ctx, {
      token,
      displayName: '支援 一郎',
      password: 'shien2026',
      consents: { 'privacy-policy': privacy },
    });
    const sessionsOf = (userId: string) =>
      withTenant(embedded.services.database, tenant.id, (tx) =>
        tx.select({ acting: schema.sessions.actingOrganisationId }).from(schema.sessions).where(eq(schema.sessions.userId, userId)),
      );
    expect(await sessionsOf(accepted.user.id)).toEqual([{ acting: employer.organisationId }]);

    const [membership] = await withTenant(embedded.services.database, tenant.id, (tx) =>
      tx
        .select({ id: schema.organisationMemberships.id })
        .from(schema.organisationMemberships)
        .where(eq(schema.organisationMemberships.userId, accepted.user.id)),
    );
    const result = await withOrganisation(embedded.services.database, tenant.id, employer.organisationId, (tx) =>
      revokeAccess(tx, {
        tenantId: tenant.id,
        organisationId: employer.organisationId,
        membershipId: membership?.id ?? '',
        actorUserId: employer.userId,
        now: new Date(),
        clientAddress: '127.0.0.1',
      }),
    );
    expect(result).toEqual({ sessionsEnded: 1 });
    expect(await sessionsOf(accepted.user.id)).toEqual([]);
    expect(
      await withTenant(embedded.services.database, tenant.id, (tx) => findActiveMembership(tx, accepted.user.id, employer.organisationId)),
    ).toBeNull();
  }, 150_000);
});
