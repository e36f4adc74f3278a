import type { TStaffRole } from '@kyogikai/domain';
import { applyChangeRequestTransition } from '../../../change-requests/apply-transition';
import { inTenant } from '../../context';
import { staffProcedure } from '../../procedures';
import { ZDecideChangeRequestInput, ZDecideChangeRequestOutput } from './change-requests.schema';

/**
 * 審査開始, 審査完了 (forward to the ministry or approve), 承認, 却下 with a reason (SPEC D1; ADR 010).
 * Which role may fire which event is the machine's rule; everything is audited by the executor.
 */
export const decideChangeRequest = staffProcedure(['secretariat', 'ministry'])
  .input(ZDecideChangeRequestInput)
  .output(ZDecideChangeRequestOutput)
  .mutation(async ({ ctx, input }) => {
    const done = await inTenant(ctx, (tx) =>
      applyChangeRequestTransition(tx, {
        tenant: ctx.tenant,
        actor: { kind: 'staff', userId: ctx.session.user.id, role: ctx.session.user.role as TStaffRole },
        clientAddress: ctx.clientAddress,
        now: ctx.clock.now(),
        tenantUrl: ctx.tenantUrl,
        changeRequestId: input.id,
        version: input.version,
        event: input.event,
      }),
    );
    return { id: done.changeRequestId, state: done.to, version: done.version, certificateIssued: done.certificateId !== null };
  });
