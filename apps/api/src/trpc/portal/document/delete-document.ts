import { deleteDocument } from '../../../documents/document-files';
import { memberProcedure } from '../../procedures';
import { editActor } from '../edit-actor';
import { ZDeleteDocumentInput, ZDeleteDocumentOutput } from './document.schema';

/** Removes one file; its object is deleted after the removal commits. */
export const remove = memberProcedure('edit')
  .input(ZDeleteDocumentInput)
  .output(ZDeleteDocumentOutput)
  .mutation(async ({ ctx, input }) => {
    await deleteDocument({ database: ctx.database, storage: ctx.storage, clock: ctx.clock }, editActor(ctx), input.id);
    return { ok: true as const };
  });
