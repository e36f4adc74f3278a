import type { TStaffRole } from '@kyogikai/domain';
import { listQueuedChangeRequests } from '../../../change-requests/staff-change-requests';
import { inTenant } from '../../context';
import { staffProcedure } from '../../procedures';
import { ZListChangeRequestsOutput } from './change-requests.schema';

/** 変更申請一覧: requests waiting for staff, oldest first; the ministry sees those forwarded to it (SPEC D1, G1). */
export const listChangeRequests = staffProcedure(['secretariat', 'ministry', 'tenant_admin'])
  .output(ZListChangeRequestsOutput)
  .query(({ ctx }) => inTenant(ctx, (tx) => listQueuedChangeRequests(tx, ctx.session.user.role as TStaffRole, ctx.tenant.config)));
