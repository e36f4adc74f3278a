import { inTenant } from '../../context';
import { staffProcedure } from '../../procedures';
import { QUEUE_ROLES, ZApplicationStatsOutput } from './applications.schema';
import { selectStateCounts } from './queue-queries';
import { selectApplicationStats } from './stats-queries';

/** The dashboard (issue 6 item 9): by state, received per week, working days to decision vs target. */
export const applicationStats = staffProcedure(QUEUE_ROLES)
  .output(ZApplicationStatsOutput)
  .query(async ({ ctx }) => {
    const now = ctx.clock.now();
    return inTenant(ctx, async (tx) => ({
      byState: await selectStateCounts(tx, ctx.tenant.id),
      ...(await selectApplicationStats(tx, { tenantId: ctx.tenant.id, now, targetWorkingDays: ctx.tenant.config.reviewTargetWorkingDays })),
    }));
  });
