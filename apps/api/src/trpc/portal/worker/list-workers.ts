import { listWorkers } from '../../../registered-data/workers';
import { memberProcedure } from '../../procedures';
import { ZListWorkersInput, ZListWorkersOutput } from './worker.schema';

/** STEP2's registered workers, a page at a time (SPEC B4; issue 5 item 8). */
export const list = memberProcedure('view')
  .input(ZListWorkersInput)
  .output(ZListWorkersOutput)
  .query(({ ctx, input }) => ctx.inOrganisation((tx) => listWorkers(tx, ctx.tenant.config, input ?? {})));
