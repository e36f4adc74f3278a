import { removeDraftItem as removeItem } from '../../../change-requests/registered-data-changes';
import { deleteObjects } from '../../../documents/document-files';
import { memberProcedure } from '../../procedures';
import { draftSaveContext } from './draft-save-context';
import { ZRemoveDraftItemInput, ZRemoveDraftItemOutput } from './registered-data-changes.schema';

/** Takes a worker/establishment change out of the draft; a worker addition's files leave the bucket once that has committed. */
export const removeDraftItem = memberProcedure('edit')
  .input(ZRemoveDraftItemInput)
  .output(ZRemoveDraftItemOutput)
  .mutation(async ({ ctx, input }) => {
    const { objectKeys, ...removed } = await ctx.inOrganisation((tx) =>
      removeItem(tx, draftSaveContext(ctx, input.draftVersion), { itemId: input.itemId }),
    );
    await deleteObjects(ctx.storage, objectKeys);
    return removed;
  });
