import { acceptAsSignedInUser, acceptWithNewAccount, checkInvitation } from '../../../delegation/accept-invitation';
import { publicProcedure } from '../../init';
import { applicantProcedure } from '../../procedures';
import {
  ZAcceptSignedInInput,
  ZAcceptSignedInOutput,
  ZAcceptWithNewAccountInput,
  ZAcceptWithNewAccountOutput,
  ZCheckInvitationInput,
  ZCheckInvitationOutput,
} from './delegation.schema';

/** What a mailed invitation is now (the acceptance page decides what to show); never uses it. */
export const checkInvitationProcedure = publicProcedure
  .input(ZCheckInvitationInput)
  .output(ZCheckInvitationOutput)
  .query(({ ctx, input }) => {
    const token = input.token.trim();
    if (token === '' || token.length > 200) {
      return { status: 'invalid' as const, corporateName: null, role: null, email: null, accountExists: false };
    }
    return checkInvitation(ctx, token);
  });

/** Accepting with a new account: signed in at once, acting for the inviting organisation. */
export const acceptWithNewAccountProcedure = publicProcedure
  .input(ZAcceptWithNewAccountInput)
  .output(ZAcceptWithNewAccountOutput)
  .mutation(async ({ ctx, input }) => {
    const result = await acceptWithNewAccount(ctx, input);
    ctx.cookies.setSession(result.token, result.expiresAt);
    return { loginId: result.loginId, user: result.user };
  });

/** Accepting with the account the invitee is signed in to: the session now acts for the organisation. */
export const acceptSignedInProcedure = applicantProcedure
  .input(ZAcceptSignedInInput)
  .output(ZAcceptSignedInOutput)
  .mutation(({ ctx, input }) => acceptAsSignedInUser(ctx, { token: input.token, userId: ctx.session.user.id, sessionId: ctx.session.id }));
