import { publicProcedure } from '../../init';
import { signInWith } from '../../shared/session/sign-in-with';
import { ZPortalSignInInput, ZPortalSignInOutput } from './sign-in.schema';

export const signIn = publicProcedure
  .input(ZPortalSignInInput)
  .output(ZPortalSignInOutput)
  .mutation(({ ctx, input }) => signInWith(ctx, input.loginId, input.password));
