import { idleExpiresAt } from '../../../auth/sessions';
import { sessionProcedure } from '../../procedures';
import { ZExtendSessionOutput } from './session.schema';

/** The warning dialog's 「ログインを延長する」: a mutation, so the session procedure records activity. */
export const extendSession = sessionProcedure
  .output(ZExtendSessionOutput)
  .mutation(({ ctx }) => ({ idleExpiresAt: idleExpiresAt(ctx.session, ctx.sessionPolicy) }));
