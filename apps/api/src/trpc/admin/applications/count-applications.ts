import { inTenant } from '../../context';
import { staffProcedure } from '../../procedures';
import { QUEUE_ROLES, ZApplicationCountsOutput } from './applications.schema';
import { countOf, selectStateCounts } from './queue-queries';

/** The queue's tabs: submitted applications per state, open ones and all. */
export const countApplications = staffProcedure(QUEUE_ROLES)
  .output(ZApplicationCountsOutput)
  .query(async ({ ctx }) => {
    const byState = await inTenant(ctx, (tx) => selectStateCounts(tx, ctx.tenant.id));
    return { byState, open: countOf(byState, 'open'), all: countOf(byState, undefined) };
  });
