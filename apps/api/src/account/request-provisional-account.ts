import { pgConstraintName, pgErrorCode, recordAudit, schema, type TenantTx } from '@kyogikai/db';
import type { TProvisionalAccountRequest } from '@kyogikai/domain';
import { eq, sql } from 'drizzle-orm';
import { hashPassword } from '../auth/passwords';
import { consumeAllowance } from '../auth/sign-in-throttle';
import { queueMail } from '../mail/queue-mail';
import { fieldErrors } from '../trpc/app-error';
import { inTenant } from '../trpc/context';
import { type AccountContext, consumeAddressAllowance, recipientAllowanceKey } from './account-context';
import { issueAccountLink } from './account-links';
import { outdatedConsents, recordConsents } from './consents';
import { generateLoginId } from './login-id';

/** Rounds before giving up on unique-key collisions (a new ユーザーID, or an address taken meanwhile). */
const MAX_ATTEMPTS = 5;

/**
 * 「上記内容で仮アカウント発行申請する」 (SPEC A1-A4). Creates, in one tenant transaction, the
 * provisional applicant (a new ユーザーID), its organisation with the contact details, the org_admin
 * membership, a draft application, the three consent agreements with their versions, an activation
 * link, the audit entry and the activation mail (outbox).
 *
 * An address that already has an account gets nothing new: its owner is mailed how to get in, and
 * the caller gets the same answer as for a new address (no account enumeration, ADR 016). The
 * password is hashed on both paths, before any transaction, so the two take comparable time.
 */
export async function requestProvisionalAccount(ctx: AccountContext, input: TProvisionalAccountRequest): Promise<void> {
  const outdated = outdatedConsents(ctx.tenant.config, input.consents);
  if (outdated.length > 0) throw fieldErrors(outdated);
  await consumeAddressAllowance(ctx, 'signup');
  const passwordHash = await hashPassword(input.password);

  for (let attempt = 1; ; attempt++) {
    try {
      await inTenant(ctx, async (tx) => {
        const existing = await findUserByEmail(tx, input.email);
        if (existing) await mailExistingOwner(ctx, tx, existing);
        else await createProvisionalAccount(ctx, tx, input, passwordHash);
      });
      return;
    } catch (error) {
      if (pgErrorCode(error) !== '23505') throw error;
      const constraint = pgConstraintName(error);
      // Another request took the same address meanwhile: the next round finds it and mails its owner.
      if (constraint === 'users_tenant_id_email_lower_unique' && attempt < MAX_ATTEMPTS) continue;
      if (constraint === 'users_tenant_id_login_id_unique' && attempt < MAX_ATTEMPTS) continue;
      throw error;
    }
  }
}

type ExistingUser = { id: string; kind: 'staff' | 'applicant'; loginId: string | null; email: string };

async function findUserByEmail(tx: TenantTx, email: string): Promise<ExistingUser | null> {
  const u = schema.users;
  const [row] = await tx
    .select({ id: u.id, kind: u.kind, loginId: u.loginId, email: u.email })
    .from(u)
    .where(eq(sql`lower(${u.email})`, email.toLowerCase()));
  return row ?? null;
}

async function mailExistingOwner(ctx: AccountContext, tx: TenantTx, user: ExistingUser): Promise<void> {
  const allowance = await consumeAllowance(
    tx,
    ctx.tenant.id,
    recipientAllowanceKey(user.email),
    ctx.clock.now(),
    ctx.throttlePolicy.accountMailsPerRecipient,
  );
  if (!allowance.allowed) return;
  await queueMail(tx, ctx.tenant.id, user.email, {
    template: 'account-already-registered',
    props: {
      loginId: user.kind === 'applicant' ? user.loginId : null,
      signInUrl: ctx.tenantUrl('/sign-in'),
      passwordResetUrl: ctx.tenantUrl('/password-reset'),
    },
  });
}

async function createProvisionalAccount(
  ctx: AccountContext,
  tx: TenantTx,
  input: TProvisionalAccountRequest,
  passwordHash: string,
): Promise<void> {
  const tenantId = ctx.tenant.id;
  const now = ctx.clock.now();
  const loginId = generateLoginId();
  const [user] = await tx
    .insert(schema.users)
    .values({
      tenantId,
      kind: 'applicant',
      role: 'applicant',
      loginId,
      email: input.email,
      displayName: input.contactName,
      passwordHash,
      status: 'provisional',
    })
    .returning({ id: schema.users.id });
  if (!user) throw new Error('insert returned no user');
  const [organisation] = await tx
    .insert(schema.organisations)
    .values({
      tenantId,
      corporateName: input.corporateName,
      contactName: input.contactName,
      contactEmail: input.email,
      contactPhone: input.phone,
    })
    .returning({ id: schema.organisations.id });
  if (!organisation) throw new Error('insert returned no organisation');
  await tx.insert(schema.organisationMemberships).values({ tenantId, organisationId: organisation.id, userId: user.id, role: 'org_admin' });
  const [application] = await tx
    .insert(schema.applications)
    .values({ tenantId, organisationId: organisation.id, state: 'draft' })
    .returning({ id: schema.applications.id });
  if (!application) throw new Error('insert returned no application');
  await recordConsents(tx, { tenantId, userId: user.id, consents: input.consents, now });
  const validityHours = ctx.tenant.config.accountLinkValidityHours;
  const link = await issueAccountLink(tx, { tenantId, userId: user.id, purpose: 'activation', now, validityHours });
  await recordAudit(tx, {
    tenantId,
    actorUserId: user.id,
    action: 'account.provisional_requested',
    targetType: 'user',
    targetId: user.id,
    after: {
      loginId,
      email: input.email,
      organisationId: organisation.id,
      applicationId: application.id,
      consents: input.consents,
      activationExpiresAt: link.expiresAt.toISOString(),
    },
    ip: ctx.clientAddress,
  });
  await queueMail(tx, tenantId, input.email, {
    template: 'account-activation',
    props: {
      corporateName: input.corporateName,
      recipientName: input.contactName,
      loginId,
      activationUrl: `${ctx.tenantUrl('/activate')}?token=${link.token}`,
      expiresAt: link.expiresAt.toISOString(),
      validityHours,
    },
  });
}
