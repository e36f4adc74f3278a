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

export function createApplicantUser(database: Database, tenantId: string, input: z.infer<typeof ZCreateApplicantInput>) {
  const values = ZCreateApplicantInput.parse(input);
  return createUser(database, tenantId, { kind: 'applicant', role: 'applicant', ...values });
}
