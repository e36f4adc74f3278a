import { requestPasswordReset as request } from '../../../account/account-mails';
import { publicProcedure } from '../../init';
import { ZEmailOnlyInput, ZOkOutput } from './account.schema';

/** SPEC G4: mails a reset link to an active applicant with this address; always ok. */
export const requestPasswordReset = publicProcedure
  .input(ZEmailOnlyInput)
  .output(ZOkOutput)
  .mutation(async ({ ctx, input }) => {
    await request(ctx, input.email);
    return { ok: true as const };
  });
