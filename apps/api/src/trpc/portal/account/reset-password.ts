import { resetPassword as reset } from '../../../account/passwords';
import { publicProcedure } from '../../init';
import { ZOkOutput, ZResetPasswordInput } from './account.schema';

/** SPEC G4: a new password through a reset link; every session of the user ends. */
export const resetPassword = publicProcedure
  .input(ZResetPasswordInput)
  .output(ZOkOutput)
  .mutation(async ({ ctx, input }) => {
    await reset(ctx, { token: input.token, password: input.password });
    return { ok: true as const };
  });
