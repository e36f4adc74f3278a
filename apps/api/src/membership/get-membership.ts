import { schema, type TenantRecord, type TenantTx } from '@kyogikai/db';
import { isMembershipEditable, type TPermission } from '@kyogikai/domain';
import { eq } from 'drizzle-orm';
import { notFound } from '../trpc/app-error';

/**
 * The member's standing as マイページ shows it (SPEC F1, G8): membership number and dates, the
 * directory choice, the council's notes on withdrawal, and what this user may do about them.
 */
export async function getMembership(
  tx: TenantTx,
  input: { tenant: TenantRecord; organisationId: string; permissions: ReadonlySet<TPermission> },
) {
  const o = schema.organisations;
  const [organisation] = await tx
    .select({
      membershipState: o.membershipState,
      membershipNumber: o.membershipNumber,
      joinedAt: o.joinedAt,
      withdrawnAt: o.withdrawnAt,
      retentionUntil: o.retentionUntil,
      directoryOptIn: o.directoryOptIn,
    })
    .from(o)
    .where(eq(o.id, input.organisationId));
  if (!organisation) throw notFound('organisation.notFound');
  const isActive = isMembershipEditable(organisation.membershipState);
  return {
    ...organisation,
    withdrawalNotes: { ja: input.tenant.config.withdrawalNotesJa, en: input.tenant.config.withdrawalNotesEn },
    retentionYears: input.tenant.config.retentionYears,
    canWithdraw: isActive && input.permissions.has('withdraw'),
    canChangeDirectoryOptIn: isActive && input.permissions.has('edit') && input.permissions.has('submit'),
  };
}
