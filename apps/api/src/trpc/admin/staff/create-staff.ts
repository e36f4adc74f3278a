import { schema } from '@kyogikai/db';
import { eq } from 'drizzle-orm';
import { createStaffUser, UserExistsError } from '../../../users/create-user';
import { AppError } from '../../app-error';
import { inTenant } from '../../context';
import { staffProcedure } from '../../procedures';
import { ZCreateStaffInput, ZCreateStaffOutput } from './staff.schema';
import { selectStaff } from './staff-queries';

/** A tenant admin adds a staff member; the notice mail commits with the account (outbox). */
export const createStaff = staffProcedure(['tenant_admin'])
  .input(ZCreateStaffInput)
  .output(ZCreateStaffOutput)
  .mutation(async ({ ctx, input }) => {
    try {
      const user = await createStaffUser(ctx.database, ctx.tenant.id, input, {
        actorUserId: ctx.session.user.id,
        adminSignInUrl: ctx.tenantUrl('/admin/'),
      });
      const [member] = await inTenant(ctx, (tx) => selectStaff(tx, eq(schema.users.id, user.id)));
      if (!member) throw new Error('the new staff member is not visible');
      return member;
    } catch (error) {
      if (error instanceof UserExistsError) throw new AppError('CONFLICT', 'staff.emailTaken');
      throw error;
    }
  });
