import { activateAccount } from '../../../account/activate-account';
import { publicProcedure } from '../../init';
import { ZActivateAccountInput, ZActivateAccountOutput } from './account.schema';

/** First login through the mailed URL (SPEC A5): the account becomes a full one and is signed in. */
export const activate = publicProcedure
  .input(ZActivateAccountInput)
  .output(ZActivateAccountOutput)
  .mutation(async ({ ctx, input }) => {
    const result = await activateAccount(ctx, input);
    ctx.cookies.setSession(result.token, result.expiresAt);
    return { user: result.user };
  });
