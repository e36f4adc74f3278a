import { SignInRefusedError, signIn } from '../../../auth/sign-in';
import { AppError } from '../../app-error';
import type { ApiContext } from '../../context';

/** Shared by the portal (ユーザーID) and admin (email) sign-in procedures. */
export async function signInWith(ctx: ApiContext, identifier: string, password: string) {
  try {
    const result = await signIn({
      database: ctx.database,
      tenantId: ctx.tenant.id,
      app: ctx.app,
      identifier,
      password,
      previousToken: ctx.sessionToken,
      clientAddress: ctx.clientAddress,
      now: ctx.clock.now(),
      sessionPolicy: ctx.sessionPolicy,
      throttlePolicy: ctx.throttlePolicy,
      sleep: ctx.sleep,
    });
    ctx.cookies.setSession(result.token, result.expiresAt);
    return { user: result.user };
  } catch (error) {
    if (error instanceof SignInRefusedError) {
      if (error.reason === 'throttled') {
        throw new AppError('TOO_MANY_REQUESTS', 'auth.throttled', { minutes: Math.max(1, Math.ceil(error.retryAfterMs / 60_000)) });
      }
      if (error.reason === 'not-activated') throw new AppError('UNAUTHORIZED', 'account.notActivated');
      throw new AppError('UNAUTHORIZED', 'auth.invalidCredentials');
    }
    throw error;
  }
}
