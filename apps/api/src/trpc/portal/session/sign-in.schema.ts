import { z } from 'zod';
import { ZSignInOutput } from '../../shared/session/session.schema';

/** Only presence and size are checked here: the password rule applies when a password is set. */
export const ZPortalSignInInput = z.object({
  loginId: z.string().trim().min(1, { message: 'auth.loginIdRequired' }).max(64),
  password: z.string().min(1, { message: 'auth.passwordRequired' }).max(128),
});
export const ZPortalSignInOutput = ZSignInOutput;
