import { router } from '../../init';
import { approveReissue } from './approve-reissue';
import { declineReissue } from './decline-reissue';
import { listReissueRequests } from './list-reissue-requests';

export const reissueRouter = router({ find: listReissueRequests, approve: approveReissue, decline: declineReissue });
