import { listPendingReissueRequests } from '../../../certificates/reissue-decision';
import { inTenant } from '../../context';
import { staffProcedure } from '../../procedures';
import { ZListReissueRequestsOutput } from './reissue.schema';

/** Open 入会証明書再発行申請 of the tenant, oldest first (SPEC E1, G1). */
export const listReissueRequests = staffProcedure(['secretariat', 'tenant_admin'])
  .output(ZListReissueRequestsOutput)
  .query(({ ctx }) => inTenant(ctx, (tx) => listPendingReissueRequests(tx)));
