import { router } from '../../init';
import { getMembershipProcedure } from './get-membership';
import { setDirectoryOptInProcedure } from './set-directory-opt-in';
import { withdraw } from './withdraw';

export const membershipRouter = router({ get: getMembershipProcedure, withdraw, setDirectoryOptIn: setDirectoryOptInProcedure });
