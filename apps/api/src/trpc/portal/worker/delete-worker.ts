import { deleteObjects } from '../../../documents/document-files';
import { deleteWorker } from '../../../registered-data/workers';
import { memberProcedure } from '../../procedures';
import { editActor } from '../edit-actor';
import { ZDeleteWorkerInput, ZOkOutput } from './worker.schema';

/** Removes a worker and its documents; the files leave the bucket once the removal has committed. */
export const remove = memberProcedure('edit')
  .input(ZDeleteWorkerInput)
  .output(ZOkOutput)
  .mutation(async ({ ctx, input }) => {
    const { objectKeys } = await ctx.inOrganisation((tx) => deleteWorker(tx, editActor(ctx), input));
    await deleteObjects(ctx.storage, objectKeys);
    return { ok: true as const };
  });
