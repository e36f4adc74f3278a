import { publicProcedure } from '../../init';
import { signInWith } from '../../shared/session/sign-in-with';
import { ZAdminSignInInput, ZAdminSignInOutput } from './sign-in.schema';

export const signIn = publicProcedure
  .input(ZAdminSignInInput)
  .output(ZAdminSignInOutput)
  .mutation(({ ctx, input }) => signInWith(ctx, input.email, input.password));
