import { approveReissueRequest } from '../../../certificates/reissue-decision';
import { inTenant } from '../../context';
import { staffProcedure } from '../../procedures';
import { ZApproveReissueOutput, ZDecideReissueInput } from './reissue.schema';

/** The secretariat approves: a new certificate (same membership number, next issue number) is issued (SPEC E1). */
export const approveReissue = staffProcedure(['secretariat'])
  .input(ZDecideReissueInput)
  .output(ZApproveReissueOutput)
  .mutation(({ ctx, input }) =>
    inTenant(ctx, (tx) =>
      approveReissueRequest(tx, {
        tenant: ctx.tenant,
        staffUserId: ctx.session.user.id,
        staffRole: 'secretariat',
        clientAddress: ctx.clientAddress,
        now: ctx.clock.now(),
        tenantUrl: ctx.tenantUrl,
        requestId: input.id,
        version: input.version,
      }),
    ),
  );
