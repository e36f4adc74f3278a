import { requestProvisionalAccount } from '../../../account/request-provisional-account';
import { publicProcedure } from '../../init';
import { ZOkOutput, ZRequestProvisionalAccountInput } from './account.schema';

/** 「上記内容で仮アカウント発行申請する」 (SPEC A1-A4): the same answer whether or not the address has an account. */
export const requestProvisional = publicProcedure
  .input(ZRequestProvisionalAccountInput)
  .output(ZOkOutput)
  .mutation(async ({ ctx, input }) => {
    await requestProvisionalAccount(ctx, input);
    return { ok: true as const };
  });
