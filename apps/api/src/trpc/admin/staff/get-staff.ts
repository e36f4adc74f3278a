import { schema } from '@kyogikai/db';
import { eq } from 'drizzle-orm';
import { notFound } from '../../app-error';
import { inTenant } from '../../context';
import { staffProcedure } from '../../procedures';
import { ZGetStaffInput, ZGetStaffOutput } from './staff.schema';
import { selectStaff } from './staff-queries';

/** A staff member of this tenant; an id from another tenant is simply not found. */
export const getStaff = staffProcedure(['tenant_admin', 'secretariat'])
  .input(ZGetStaffInput)
  .output(ZGetStaffOutput)
  .query(async ({ ctx, input }) => {
    const [member] = await inTenant(ctx, (tx) => selectStaff(tx, eq(schema.users.id, input.id)));
    if (!member) throw notFound();
    return member;
  });
