import { router } from '../../init';
import { decideChangeRequest } from './decide-change-request';
import { getChangeRequest } from './get-change-request';
import { listChangeRequests } from './list-change-requests';

export const changeRequestsRouter = router({ list: listChangeRequests, get: getChangeRequest, decide: decideChangeRequest });
