import { saveChangeDraft } from '../../../change-requests/save-change-draft';
import { memberProcedure } from '../../procedures';
import { draftSaveContext } from './draft-save-context';
import { ZSaveChangeDraftInput, ZSaveChangeDraftOutput } from './change-request.schema';

/** 「申請登録情報を変更する」: stores the edited ◆会員情報 as the draft change request (SPEC D1, D5, D6). */
export const saveDraft = memberProcedure('edit')
  .input(ZSaveChangeDraftInput)
  .output(ZSaveChangeDraftOutput)
  .mutation(({ ctx, input }) =>
    ctx.inOrganisation((tx) => saveChangeDraft(tx, { ...draftSaveContext(ctx, input.draftVersion), values: input.values })),
  );
