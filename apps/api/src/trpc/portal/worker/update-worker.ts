import { updateWorker } from '../../../registered-data/workers';
import { memberProcedure } from '../../procedures';
import { editActor } from '../edit-actor';
import { ZUpdateWorkerInput, ZUpdateWorkerOutput } from './worker.schema';

export const update = memberProcedure('edit')
  .input(ZUpdateWorkerInput)
  .output(ZUpdateWorkerOutput)
  .mutation(({ ctx, input }) => ctx.inOrganisation((tx) => updateWorker(tx, editActor(ctx), ctx.tenant.config, input)));
