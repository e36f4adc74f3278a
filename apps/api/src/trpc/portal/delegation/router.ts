import { router } from '../../init';
import { acceptSignedInProcedure, acceptWithNewAccountProcedure, checkInvitationProcedure } from './accept';
import { cancelInvitation } from './cancel-invitation';
import { invite } from './invite';
import { listUsers } from './list-users';
import { revoke } from './revoke';

/**
 * Delegated access (SPEC G7, ADR 022). Listing the user's organisations and switching the acting
 * one are organisation.listMine / organisation.switch.
 */
export const delegationRouter = router({
  invite,
  listUsers,
  revoke,
  cancelInvitation,
  checkInvitation: checkInvitationProcedure,
  acceptWithNewAccount: acceptWithNewAccountProcedure,
  acceptSignedIn: acceptSignedInProcedure,
});
