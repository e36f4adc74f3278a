import { cancelInvitation as cancel } from '../../../delegation/invite-user';
import { memberProcedure } from '../../procedures';
import { ZCancelInvitationInput, ZOkOutput } from './delegation.schema';

/** 「招待を取り消す」: a pending invitation's link stops working. */
export const cancelInvitation = memberProcedure('manage_users')
  .input(ZCancelInvitationInput)
  .output(ZOkOutput)
  .mutation(async ({ ctx, input }) => {
    await ctx.inOrganisation((tx) =>
      cancel(tx, {
        tenantId: ctx.tenant.id,
        organisationId: ctx.organisation.id,
        invitationId: input.invitationId,
        actorUserId: ctx.session.user.id,
        now: ctx.clock.now(),
        clientAddress: ctx.clientAddress,
      }),
    );
    return { ok: true as const };
  });
