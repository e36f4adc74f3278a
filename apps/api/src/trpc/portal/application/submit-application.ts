import { submitApplication } from '../../../application/submit-application';
import { memberProcedure } from '../../procedures';
import { memberAction } from '../member-action';
import { ZSubmitApplicationInput, ZSubmitApplicationOutput } from './application.schema';

/** 「上記内容で申請を行う」 (SPEC B5, C1): submits a draft or resubmits a returned application; locked from then on. */
export const submit = memberProcedure('submit')
  .input(ZSubmitApplicationInput)
  .output(ZSubmitApplicationOutput)
  .mutation(({ ctx, input }) =>
    ctx.inOrganisation((tx) =>
      submitApplication(tx, {
        ...memberAction(ctx),
        tenantUrl: ctx.tenantUrl,
        applicationId: input.applicationId,
        version: input.version,
      }),
    ),
  );
