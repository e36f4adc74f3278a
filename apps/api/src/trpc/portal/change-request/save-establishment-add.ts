import { saveEstablishmentAdd as saveAddition } from '../../../change-requests/registered-data-changes';
import { memberProcedure } from '../../procedures';
import { draftSaveContext } from './draft-save-context';
import { ZSaveEstablishmentAddInput, ZSavedDraftItem } from './registered-data-changes.schema';

/** D4 「受入れ事業所の追加」: the new establishment as an item of the draft. */
export const saveEstablishmentAdd = memberProcedure('edit')
  .input(ZSaveEstablishmentAddInput)
  .output(ZSavedDraftItem)
  .mutation(({ ctx, input }) =>
    ctx.inOrganisation((tx) => saveAddition(tx, draftSaveContext(ctx, input.draftVersion), { itemId: input.itemId, values: input.values })),
  );
