import { requestCertificateReissue } from '../../../certificates/reissue-request';
import { memberProcedure } from '../../procedures';
import { memberAction } from '../member-action';
import { ZRequestReissueInput, ZRequestReissueOutput } from './certificate.schema';

/** 「入会証明書再発行申請」 → reason → 「申請を行う」 (SPEC E1). */
export const requestReissue = memberProcedure('request_reissue')
  .input(ZRequestReissueInput)
  .output(ZRequestReissueOutput)
  .mutation(async ({ ctx, input }) => {
    const created = await ctx.inOrganisation((tx) =>
      requestCertificateReissue(tx, {
        ...memberAction(ctx),
        tenantUrl: ctx.tenantUrl,
        reason: input.reason,
      }),
    );
    return { requestedAt: created.requestedAt };
  });
