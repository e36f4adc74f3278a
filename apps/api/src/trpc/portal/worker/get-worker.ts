import { getWorker } from '../../../registered-data/workers';
import { memberProcedure } from '../../procedures';
import { ZGetWorkerInput, ZWorker } from './worker.schema';

export const get = memberProcedure('view')
  .input(ZGetWorkerInput)
  .output(ZWorker)
  .query(({ ctx, input }) => ctx.inOrganisation((tx) => getWorker(tx, input.id)));
