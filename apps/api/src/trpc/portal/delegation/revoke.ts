import { revokeAccess } from '../../../delegation/revoke-access';
import { memberProcedure } from '../../procedures';
import { ZRevokeInput, ZRevokeOutput } from './delegation.schema';

/** 「アクセス権を取り消す」: ends the user's access and their sessions for this organisation at once. */
export const revoke = memberProcedure('manage_users')
  .input(ZRevokeInput)
  .output(ZRevokeOutput)
  .mutation(({ ctx, input }) =>
    ctx.inOrganisation((tx) =>
      revokeAccess(tx, {
        tenantId: ctx.tenant.id,
        organisationId: ctx.organisation.id,
        membershipId: input.membershipId,
        actorUserId: ctx.session.user.id,
        now: ctx.clock.now(),
        clientAddress: ctx.clientAddress,
      }),
    ),
  );
