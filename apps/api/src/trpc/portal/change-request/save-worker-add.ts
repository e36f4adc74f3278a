import { saveWorkerAdd as saveWorkerAddition } from '../../../change-requests/registered-data-changes';
import { memberProcedure } from '../../procedures';
import { draftSaveContext } from './draft-save-context';
import { ZSavedDraftItem, ZSaveWorkerAddInput } from './registered-data-changes.schema';

/** D2 「特定技能外国人の追加」 → 「申請登録情報を変更する」: the new worker as an item of the draft. */
export const saveWorkerAdd = memberProcedure('edit')
  .input(ZSaveWorkerAddInput)
  .output(ZSavedDraftItem)
  .mutation(({ ctx, input }) =>
    ctx.inOrganisation((tx) =>
      saveWorkerAddition(tx, draftSaveContext(ctx, input.draftVersion), { itemId: input.itemId, values: input.values }),
    ),
  );
