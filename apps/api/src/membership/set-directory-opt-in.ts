import { recordAudit, schema, type TenantRecord, type TenantTx } from '@kyogikai/db';
import { applicantActor, checkMemberCanChange, type TPermission } from '@kyogikai/domain';
import { eq } from 'drizzle-orm';
import { notFound } from '../trpc/app-error';
import { transitionAppError } from '../trpc/transition-error';

export type SetDirectoryOptInInput = {
  tenant: TenantRecord;
  organisationId: string;
  userId: string;
  permissions: ReadonlySet<TPermission>;
  clientAddress: string;
  directoryOptIn: boolean;
};

/**
 * SPEC G8 after joining: the member lists itself in, or takes itself out of, the council's public
 * directory from マイページ (◆会員情報). Other information in the sense of SPEC D5, so it applies at
 * once without review; guarded like every change after joining (active membership, `edit`), and
 * audited with before and after. A direct toggle rather than a D5 change request, because the
 * choice is the member's own consent to publication and taking it back must not wait for anything.
 */
export async function setDirectoryOptIn(tx: TenantTx, input: SetDirectoryOptInInput): Promise<{ directoryOptIn: boolean }> {
  const o = schema.organisations;
  const [organisation] = await tx
    .select({ membershipState: o.membershipState, directoryOptIn: o.directoryOptIn })
    .from(o)
    .where(eq(o.id, input.organisationId))
    .for('update');
  if (!organisation) throw notFound('organisation.notFound');
  const allowed = checkMemberCanChange(organisation.membershipState, applicantActor(input.permissions));
  if (!allowed.ok) throw transitionAppError(allowed.error);
  if (organisation.directoryOptIn === input.directoryOptIn) return { directoryOptIn: input.directoryOptIn };
  await tx.update(o).set({ directoryOptIn: input.directoryOptIn }).where(eq(o.id, input.organisationId));
  await recordAudit(tx, {
    tenantId: input.tenant.id,
    actorUserId: input.userId,
    action: 'organisation.directory_opt_in_changed',
    targetType: 'organisation',
    targetId: input.organisationId,
    before: { directoryOptIn: organisation.directoryOptIn },
    after: { directoryOptIn: input.directoryOptIn },
    ip: input.clientAddress,
  });
  return { directoryOptIn: input.directoryOptIn };
}
