import { router } from '../../init';
import { extendSession } from '../../shared/session/extend-session';
import { getCurrentUser } from '../../shared/session/get-current-user';
import { getSessionStatus } from '../../shared/session/get-session-status';
import { signOut } from '../../shared/session/sign-out';
import { signIn } from './sign-in';

export const sessionRouter = router({
  signIn,
  signOut,
  me: getCurrentUser,
  status: getSessionStatus,
  extend: extendSession,
});
