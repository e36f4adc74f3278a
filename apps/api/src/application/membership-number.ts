import { pgConstraintName, pgErrorCode, recordAudit, schema, type TenantRecord, type TenantTx } from '@kyogikai/db';
import { SYSTEM_ACTOR, transitionMembership } from '@kyogikai/domain';
import { and, eq, like } from 'drizzle-orm';
import { transitionAppError } from '../trpc/transition-error';

const japanYear = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric' });

/**
 * 会員番号: the tenant's slug in capitals, `M`, the year of joining (Japan time) and a six-digit
 * serial counted per tenant and year, e.g. KAIGO-M2026-000001. The `M` keeps it apart from the
 * reference number (KAIGO-2026-048213) in the same console. Printed on every certificate and never
 * changed (a reissue keeps it); unique per tenant by constraint.
 */
export function formatMembershipNumber(tenantSlug: string, year: number, serial: number): string {
  return `${tenantSlug.toUpperCase()}-M${year}-${String(serial).padStart(6, '0')}`;
}

/**
 * The effect `activate-membership` of an approval (ADR 012): fires the membership machine's
 * `activate` as the system, assigns the next membership number and the joining date, and carries
 * out that machine's own effects. Runs in the staff (tenant-wide) transaction that approves, so the
 * highest serial of the year is visible; two approvals at once collide on the unique constraint and
 * the loser takes the next serial inside a savepoint.
 */
export async function activateMembership(
  tx: TenantTx,
  input: { tenant: TenantRecord; organisationId: string; actorUserId: string; clientAddress: string; now: Date },
): Promise<{ membershipNumber: string; joinedAt: Date }> {
  const o = schema.organisations;
  const [organisation] = await tx
    .select({ membershipState: o.membershipState })
    .from(o)
    .where(and(eq(o.tenantId, input.tenant.id), eq(o.id, input.organisationId)))
    .for('update');
  if (!organisation) throw new Error(`activateMembership: organisation ${input.organisationId} not found`);
  const transition = transitionMembership(organisation.membershipState, { type: 'activate' }, SYSTEM_ACTOR);
  if (!transition.ok) throw transitionAppError(transition.error);

  const year = Number(japanYear.format(input.now));
  const prefix = formatMembershipNumber(input.tenant.slug, year, 0).slice(0, -6);
  let membershipNumber = '';
  for (let attempt = 0; ; attempt += 1) {
    const taken = await tx
      .select({ number: o.membershipNumber })
      .from(o)
      .where(and(eq(o.tenantId, input.tenant.id), like(o.membershipNumber, `${prefix}%`)));
    const highest = Math.max(0, ...taken.map((row) => Number((row.number ?? '').slice(prefix.length)) || 0));
    membershipNumber = formatMembershipNumber(input.tenant.slug, year, highest + 1);
    try {
      await tx.transaction((savepoint) =>
        savepoint
          .update(o)
          .set({ membershipState: transition.to, membershipNumber, joinedAt: input.now })
          .where(eq(o.id, input.organisationId)),
      );
      break;
    } catch (error) {
      const isCollision = pgErrorCode(error) === '23505' && pgConstraintName(error) === 'organisations_tenant_id_membership_number_unique';
      if (!isCollision || attempt >= 5) throw error;
    }
  }

  for (const effect of transition.effects) {
    if (effect.type !== 'audit') throw new Error(`activateMembership: no executor for effect ${effect.type}`);
    await recordAudit(tx, {
      tenantId: input.tenant.id,
      actorUserId: input.actorUserId,
      action: effect.action,
      targetType: 'organisation',
      targetId: input.organisationId,
      before: { membershipState: organisation.membershipState },
      after: { membershipState: transition.to, membershipNumber, joinedAt: input.now.toISOString() },
      ip: input.clientAddress,
    });
  }
  return { membershipNumber, joinedAt: input.now };
}
