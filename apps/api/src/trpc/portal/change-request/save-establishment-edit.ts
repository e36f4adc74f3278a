import { saveEstablishmentEdit as saveEdit } from '../../../change-requests/registered-data-changes';
import { memberProcedure } from '../../procedures';
import { draftSaveContext } from './draft-save-context';
import { ZSaveEstablishmentEditInput, ZSaveEstablishmentEditOutput } from './registered-data-changes.schema';

/** D3 「受入れ事業所の変更」 → 「上記内容に変更する」: the changed fields of a registered establishment, as an item of the draft. */
export const saveEstablishmentEdit = memberProcedure('edit')
  .input(ZSaveEstablishmentEditInput)
  .output(ZSaveEstablishmentEditOutput)
  .mutation(({ ctx, input }) =>
    ctx.inOrganisation((tx) =>
      saveEdit(tx, draftSaveContext(ctx, input.draftVersion), { establishmentId: input.establishmentId, values: input.values }),
    ),
  );
