import { type Database, insertOutboxMail, pgErrorCode, recordAudit, schema, type TenantTx, withTenant } from '@kyogikai/db';
import { type TStaffRole, ZPassword } from '@kyogikai/domain';
import { z } from 'zod';
import { hashPassword } from '../auth/passwords';

export const ZCreateStaffInput = z.object({
  email: z.email(),
  displayName: z.string().trim().min(1).max(100),
  role: z.enum(['secretariat', 'ministry', 'tenant_admin']),
  password: ZPassword,
});

export const ZCreateApplicantInput = z.object({
  loginId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._-]{4,64}$/, 'letters, digits, . _ - (4-64)'),
  email: z.email(),
  displayName: z.string().trim().min(1).max(100),
  password: ZPassword,
  /** 法人名 of the member organisation the applicant administers (created with a draft application). */
  corporateName: z.string().trim().min(1).max(200),
});

export class UserExistsError extends Error {
  constructor(what: string) {
    super(`A user with this ${what} already exists in the tenant.`);
    this.name = 'UserExistsError';
  }
}

type CreateUserValues = {
  kind: 'staff' | 'applicant';
  role: TStaffRole | 'applicant';
  email: string;
  displayName: string;
  loginId: string | null;
  password: string;
  actorUserId?: string | null;
};

/**
 * Creates an active user inside the tenant and writes the audit entry (and, through `andThen`,
 * anything else that must commit with it, such as the welcome mail) in the same transaction.
 */
async function createUser(
  database: Database,
  tenantId: string,
  values: CreateUserValues,
  andThen?: (tx: TenantTx, user: { id: string }) => Promise<void>,
): Promise<{ id: string }> {
  const passwordHash = await hashPassword(values.password);
  try {
    return await withTenant(database, tenantId, async (tx) => {
      const [user] = await tx
        .insert(schema.users)
        .values({
          tenantId,
          kind: values.kind,
          role: values.role,
          email: values.email,
          displayName: values.displayName,
          loginId: values.loginId,
          passwordHash,
          status: 'active',
        })
        .returning({ id: schema.users.id });
      if (!user) throw new Error('insert returned no row');
      await recordAudit(tx, {
        tenantId,
        actorUserId: values.actorUserId ?? null,
        action: 'user.created',
        targetType: 'user',
        targetId: user.id,
        after: { kind: values.kind, role: values.role, email: values.email, loginId: values.loginId },
      });
      await andThen?.(tx, user);
      return user;
    });
  } catch (error) {
    if (pgErrorCode(error) === '23505') throw new UserExistsError(values.kind === 'staff' ? 'email' : 'user ID or email');
    throw error;
  }
}

/**
 * Creates a staff account and, in the same transaction, the mail telling the person (through the
 * outbox: it is sent if and only if the account exists). The password is never mailed; whoever
 * created the account hands it over.
 */
export function createStaffUser(
  database: Database,
  tenantId: string,
  input: z.infer<typeof ZCreateStaffInput>,
  options: { actorUserId?: string | null; adminSignInUrl: string },
) {
  const values = ZCreateStaffInput.parse(input);
  return createUser(
    database,
    tenantId,
    { kind: 'staff', ...values, loginId: null, actorUserId: options.actorUserId ?? null },
    async (tx) => {
      await insertOutboxMail(tx, {
        tenantId,
        to: values.email,
        template: 'staff-account-created',
        props: { recipientName: values.displayName, loginEmail: values.email, signInUrl: options.adminSignInUrl },
      });
    },
  );
}

/**
 * An active applicant (operator or demo use; applicants normally sign up themselves) together with
 * what sign-up would have created: their organisation, an org_admin membership and a draft
 * application, so マイページ works at once.
 */
export function createApplicantUser(database: Database, tenantId: string, input: z.infer<typeof ZCreateApplicantInput>) {
  const { corporateName, ...values } = ZCreateApplicantInput.parse(input);
  return createUser(database, tenantId, { kind: 'applicant', role: 'applicant', ...values }, async (tx, user) => {
    const [organisation] = await tx
      .insert(schema.organisations)
      .values({ tenantId, corporateName, contactName: values.displayName, contactEmail: values.email })
      .returning({ id: schema.organisations.id });
    if (!organisation) throw new Error('insert returned no organisation');
    await tx
      .insert(schema.organisationMemberships)
      .values({ tenantId, organisationId: organisation.id, userId: user.id, role: 'org_admin' });
    await tx.insert(schema.applications).values({ tenantId, organisationId: organisation.id, state: 'draft' });
  });
}
