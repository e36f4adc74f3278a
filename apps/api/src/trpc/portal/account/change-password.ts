import { changePassword as change } from '../../../account/passwords';
import { applicantProcedure } from '../../procedures';
import { ZChangePasswordInput, ZOkOutput } from './account.schema';

/** SPEC G4: changing the password on マイページ; the user's other sessions end, this one stays. */
export const changePassword = applicantProcedure
  .input(ZChangePasswordInput)
  .output(ZOkOutput)
  .mutation(async ({ ctx, input }) => {
    await change(ctx, {
      userId: ctx.session.user.id,
      sessionId: ctx.session.id,
      currentPassword: input.currentPassword,
      newPassword: input.newPassword,
    });
    return { ok: true as const };
  });
