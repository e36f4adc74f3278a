import { listMembershipsOfUser, recordAudit, schema, type TenantTx } from '@kyogikai/db';
import { and, eq, sql } from 'drizzle-orm';
import { consumeAllowance } from '../auth/sign-in-throttle';
import { queueMail } from '../mail/queue-mail';
import { inTenant } from '../trpc/context';
import { type AccountContext, consumeAddressAllowance, recipientAllowanceKey } from './account-context';
import { issueAccountLink } from './account-links';

/**
 * The two "send me a link" requests of the portal: a new activation link for a provisional
 * account (from the page of an expired link, issue 4 item 2) and a password-reset link (SPEC G4).
 * Both answer the same whatever the address (no account enumeration, ADR 016); only the owner of
 * a matching account gets mail. Issuing a link revokes the older unused links of that purpose.
 */

type Applicant = { id: string; loginId: string | null; email: string; displayName: string };

async function findApplicant(tx: TenantTx, email: string, status: 'provisional' | 'active'): Promise<Applicant | null> {
  const u = schema.users;
  const [row] = await tx
    .select({ id: u.id, loginId: u.loginId, email: u.email, displayName: u.displayName })
    .from(u)
    .where(and(eq(sql`lower(${u.email})`, email.toLowerCase()), eq(u.kind, 'applicant'), eq(u.status, status)));
  return row ?? null;
}

/** False when this address has had its share of account mail for now (the caller still answers ok). */
async function mayMail(ctx: AccountContext, tx: TenantTx, email: string): Promise<boolean> {
  const result = await consumeAllowance(
    tx,
    ctx.tenant.id,
    recipientAllowanceKey(email),
    ctx.clock.now(),
    ctx.throttlePolicy.accountMailsPerRecipient,
  );
  return result.allowed;
}

export async function resendActivation(ctx: AccountContext, email: string): Promise<void> {
  await consumeAddressAllowance(ctx, 'account-mail');
  await inTenant(ctx, async (tx) => {
    const user = await findApplicant(tx, email, 'provisional');
    if (!user?.loginId || !(await mayMail(ctx, tx, user.email))) return;
    const now = ctx.clock.now();
    const validityHours = ctx.tenant.config.accountLinkValidityHours;
    const link = await issueAccountLink(tx, { tenantId: ctx.tenant.id, userId: user.id, purpose: 'activation', now, validityHours });
    const [organisation] = await listMembershipsOfUser(tx, user.id);
    await recordAudit(tx, {
      tenantId: ctx.tenant.id,
      actorUserId: null,
      action: 'account.activation_resent',
      targetType: 'user',
      targetId: user.id,
      after: { expiresAt: link.expiresAt.toISOString() },
      ip: ctx.clientAddress,
    });
    await queueMail(tx, ctx.tenant.id, user.email, {
      template: 'account-activation',
      props: {
        corporateName: organisation?.organisationName ?? '—',
        recipientName: user.displayName,
        loginId: user.loginId,
        activationUrl: `${ctx.tenantUrl('/activate')}?token=${link.token}`,
        expiresAt: link.expiresAt.toISOString(),
        validityHours,
      },
    });
  });
}

export async function requestPasswordReset(ctx: AccountContext, email: string): Promise<void> {
  await consumeAddressAllowance(ctx, 'account-mail');
  await inTenant(ctx, async (tx) => {
    const user = await findApplicant(tx, email, 'active');
    if (!user?.loginId || !(await mayMail(ctx, tx, user.email))) return;
    const now = ctx.clock.now();
    const validityHours = ctx.tenant.config.accountLinkValidityHours;
    const link = await issueAccountLink(tx, { tenantId: ctx.tenant.id, userId: user.id, purpose: 'password_reset', now, validityHours });
    await recordAudit(tx, {
      tenantId: ctx.tenant.id,
      actorUserId: null,
      action: 'account.password_reset_requested',
      targetType: 'user',
      targetId: user.id,
      after: { expiresAt: link.expiresAt.toISOString() },
      ip: ctx.clientAddress,
    });
    await queueMail(tx, ctx.tenant.id, user.email, {
      template: 'password-reset',
      props: {
        recipientName: user.displayName,
        loginId: user.loginId,
        resetUrl: `${ctx.tenantUrl('/password-reset')}?token=${link.token}`,
        expiresAt: link.expiresAt.toISOString(),
        validityHours,
      },
    });
  });
}
