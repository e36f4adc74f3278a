import { inTenant } from '../../context';
import { staffProcedure } from '../../procedures';
import { ZListStaffOutput } from './staff.schema';
import { selectStaff } from './staff-queries';

export const listStaff = staffProcedure(['tenant_admin', 'secretariat'])
  .output(ZListStaffOutput)
  .query(({ ctx }) => inTenant(ctx, (tx) => selectStaff(tx)));
