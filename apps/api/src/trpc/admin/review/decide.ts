import type { TApplicationEvent, TStaffRole } from '@kyogikai/domain';
import { applyApplicationTransition } from '../../../application/apply-transition';
import type { ApiContext } from '../../context';
import { inTenant } from '../../context';
import type { ValidSession } from '../../../auth/sessions';
import { staffProcedure } from '../../procedures';
import { REVIEWER_ROLES } from './reviewer-roles';
import { ZDecisionInput, ZDecisionOutput, ZRejectInput, ZReturnInput } from './review.schema';

/**
 * A staff decision on an application (issue 6 item 3): one event of the application machine, fired
 * with the staff member's role in one tenant transaction, with the version their page shows. The
 * machine decides who may do what (secretariat: start, return, complete; ministry: approve or reject
 * a forwarded application; the secretariat decides alone where the tenant has no ministry step).
 */
async function decide(
  ctx: ApiContext & { session: ValidSession },
  input: { applicationId: string; version: number },
  event: TApplicationEvent,
) {
  const applied = await inTenant(ctx, (tx) =>
    applyApplicationTransition(tx, {
      tenant: ctx.tenant,
      actor: { kind: 'staff', userId: ctx.session.user.id, role: ctx.session.user.role as TStaffRole },
      clientAddress: ctx.clientAddress,
      now: ctx.clock.now(),
      tenantUrl: ctx.tenantUrl,
      applicationId: input.applicationId,
      version: input.version,
      event,
    }),
  );
  return { state: applied.to, version: applied.version, membershipNumber: applied.membershipNumber };
}

const decision = staffProcedure(REVIEWER_ROLES).output(ZDecisionOutput);

export const startReview = decision.input(ZDecisionInput).mutation(({ ctx, input }) => decide(ctx, input, { type: 'start_review' }));

export const returnForCorrection = decision
  .input(ZReturnInput)
  .mutation(({ ctx, input }) => decide(ctx, input, { type: 'return_for_correction', message: input.message }));

/** Forwards to the ministry, or approves where the tenant's approvalSteps is 'secretariat'. */
export const completeReview = decision.input(ZDecisionInput).mutation(({ ctx, input }) => decide(ctx, input, { type: 'complete_review' }));

export const approve = decision.input(ZDecisionInput).mutation(({ ctx, input }) => decide(ctx, input, { type: 'approve' }));

export const reject = decision
  .input(ZRejectInput)
  .mutation(({ ctx, input }) => decide(ctx, input, { type: 'reject', reason: input.reason }));
