import { declineReissueRequest } from '../../../certificates/reissue-decision';
import { inTenant } from '../../context';
import { staffProcedure } from '../../procedures';
import { ZDeclineReissueInput, ZDeclineReissueOutput } from './reissue.schema';

/** The secretariat declines with a reason; the member is mailed it (SPEC E1, G3). */
export const declineReissue = staffProcedure(['secretariat'])
  .input(ZDeclineReissueInput)
  .output(ZDeclineReissueOutput)
  .mutation(async ({ ctx, input }) => {
    await inTenant(ctx, (tx) =>
      declineReissueRequest(tx, {
        tenant: ctx.tenant,
        staffUserId: ctx.session.user.id,
        staffRole: 'secretariat',
        clientAddress: ctx.clientAddress,
        now: ctx.clock.now(),
        tenantUrl: ctx.tenantUrl,
        requestId: input.id,
        version: input.version,
        reason: input.reason,
      }),
    );
    return { ok: true as const };
  });
