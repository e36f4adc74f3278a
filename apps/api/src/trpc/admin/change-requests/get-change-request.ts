import type { TStaffRole } from '@kyogikai/domain';
import { getChangeRequestForStaff } from '../../../change-requests/staff-change-requests';
import { inTenant } from '../../context';
import { staffProcedure } from '../../procedures';
import { ZGetChangeRequestInput, ZGetChangeRequestOutput } from './change-requests.schema';

/** One change request with every change before/after and the steps this staff member may take. */
export const getChangeRequest = staffProcedure(['secretariat', 'ministry', 'tenant_admin'])
  .input(ZGetChangeRequestInput)
  .output(ZGetChangeRequestOutput)
  .query(({ ctx, input }) =>
    inTenant(ctx, (tx) =>
      getChangeRequestForStaff(tx, { id: input.id, role: ctx.session.user.role as TStaffRole, config: ctx.tenant.config }),
    ),
  );
