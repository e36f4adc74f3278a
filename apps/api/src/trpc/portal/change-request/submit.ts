import { applyChangeRequestTransition } from '../../../change-requests/apply-transition';
import { memberProcedure } from '../../procedures';
import { ZChangeRequestTransitionOutput, ZSubmitChangeRequestInput } from './change-request.schema';

/**
 * 「申請を行う」 (SPEC D1, D5, D6): submits the draft with its 変更内容 and 理由. D5 items apply at
 * once; the rest wait for the secretariat (and the ministry where the tenant has that step).
 */
export const submit = memberProcedure('submit')
  .input(ZSubmitChangeRequestInput)
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
        event: { type: 'submit' },
        submission: { content: input.content, reason: input.reason },
      }),
    );
    return { id: done.changeRequestId, state: done.to, version: done.version };
  });
