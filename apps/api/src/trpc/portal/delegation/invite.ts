import { inviteUser } from '../../../delegation/invite-user';
import { memberProcedure } from '../../procedures';
import { ZInviteInput, ZInviteOutput } from './delegation.schema';

/** 「利用者を招待する」 (SPEC G7): for the acting organisation only, by users with manage_users. */
export const invite = memberProcedure('manage_users')
  .input(ZInviteInput)
  .output(ZInviteOutput)
  .mutation(({ ctx, input }) =>
    ctx.inOrganisation((tx) =>
      inviteUser(tx, {
        tenant: ctx.tenant,
        organisationId: ctx.organisation.id,
        inviter: { userId: ctx.session.user.id, displayName: ctx.session.user.displayName, role: ctx.organisation.role },
        request: input,
        now: ctx.clock.now(),
        clientAddress: ctx.clientAddress,
        tenantUrl: ctx.tenantUrl,
      }),
    ),
  );
