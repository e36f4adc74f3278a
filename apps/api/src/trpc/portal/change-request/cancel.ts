import { applyChangeRequestTransition } from '../../../change-requests/apply-transition';
import { memberProcedure } from '../../procedures';
import { ZCancelChangeRequestInput, ZChangeRequestTransitionOutput } from './change-request.schema';

/**
 * 「変更を取り消す」 (SPEC D1): a draft needs `edit`, a submitted request `submit` — the machine
 * decides (ADR 010); once forwarded to the ministry only a withdrawal cancels it. Registered
 * values stay untouched.
 */
export const cancel = memberProcedure('edit')
  .input(ZCancelChangeRequestInput)
  .output(ZChangeRequestTransitionOutput)
  .mutation(async ({ ctx, input }) => {
    const done = await ctx.inOrganisation((tx) =>
      applyChangeRequestTransition(tx, {
        tenant: ctx.tenant,
        actor: {
          kind: 'applicant',
          userId: ctx.session.user.id,
          organisationId: ctx.organisation.id,
          permissions: ctx.organisation.permissions,
        },
        clientAddress: ctx.clientAddress,
        now: ctx.clock.now(),
        tenantUrl: ctx.tenantUrl,
        changeRequestId: input.id,
        version: input.version,
        event: { type: 'cancel' },
      }),
    );
    return { id: done.changeRequestId, state: done.to, version: done.version };
  });
