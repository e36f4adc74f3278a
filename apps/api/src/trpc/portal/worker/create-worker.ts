import { createWorker } from '../../../registered-data/workers';
import { memberProcedure } from '../../procedures';
import { editActor } from '../edit-actor';
import { ZCreateWorkerInput, ZCreateWorkerOutput } from './worker.schema';

/** 「登録する」 (SPEC B4b, B4d): one worker at a time, at one or more of the organisation's establishments. */
export const create = memberProcedure('edit')
  .input(ZCreateWorkerInput)
  .output(ZCreateWorkerOutput)
  .mutation(({ ctx, input }) => ctx.inOrganisation((tx) => createWorker(tx, editActor(ctx), ctx.tenant.config, input)));
