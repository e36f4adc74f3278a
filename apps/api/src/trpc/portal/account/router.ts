import { router } from '../../init';
import { activate } from './activate-account';
import { changePassword } from './change-password';
import { checkLink } from './check-account-link';
import { requestPasswordReset } from './request-password-reset';
import { requestProvisional } from './request-provisional-account';
import { resendActivation } from './resend-activation';
import { resetPassword } from './reset-password';

export const accountRouter = router({
  requestProvisional,
  checkLink,
  activate,
  resendActivation,
  requestPasswordReset,
  resetPassword,
  changePassword,
});
