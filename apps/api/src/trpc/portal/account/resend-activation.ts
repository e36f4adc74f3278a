import { resendActivation as resend } from '../../../account/account-mails';
import { publicProcedure } from '../../init';
import { ZEmailOnlyInput, ZOkOutput } from './account.schema';

/** A new activation link for a provisional account (the expired-link page); always ok. */
export const resendActivation = publicProcedure
  .input(ZEmailOnlyInput)
  .output(ZOkOutput)
  .mutation(async ({ ctx, input }) => {
    await resend(ctx, input.email);
    return { ok: true as const };
  });
