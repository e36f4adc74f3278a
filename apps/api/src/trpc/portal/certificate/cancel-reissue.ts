import { cancelCertificateReissue } from '../../../certificates/reissue-request';
import { memberProcedure } from '../../procedures';
import { ZCancelReissueOutput } from './certificate.schema';

/** 「再発行申請を取り消す」: the member takes its open reissue request back (ADR 011). */
export const cancelReissue = memberProcedure('request_reissue')
  .output(ZCancelReissueOutput)
  .mutation(async ({ ctx }) => {
    await ctx.inOrganisation((tx) =>
      cancelCertificateReissue(tx, {
        tenant: ctx.tenant,
        organisationId: ctx.organisation.id,
        userId: ctx.session.user.id,
        permissions: ctx.organisation.permissions,
        clientAddress: ctx.clientAddress,
        now: ctx.clock.now(),
      }),
    );
    return { ok: true as const };
  });
