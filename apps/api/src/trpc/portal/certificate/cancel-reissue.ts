import { cancelCertificateReissue } from '../../../certificates/reissue-request';
import { memberProcedure } from '../../procedures';
import { memberAction } from '../member-action';
import { ZCancelReissueOutput } from './certificate.schema';

/** 「再発行申請を取り消す」: the member takes its open reissue request back (ADR 011). */
export const cancelReissue = memberProcedure('request_reissue')
  .output(ZCancelReissueOutput)
  .mutation(async ({ ctx }) => {
    await ctx.inOrganisation((tx) => cancelCertificateReissue(tx, memberAction(ctx)));
    return { ok: true as const };
  });
