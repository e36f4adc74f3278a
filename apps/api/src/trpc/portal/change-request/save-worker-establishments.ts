import { saveWorkerEstablishments as saveLinks } from '../../../change-requests/registered-data-changes';
import { memberProcedure } from '../../procedures';
import { draftSaveContext } from './draft-save-context';
import { ZSavedDraftItem, ZSaveWorkerEstablishmentsInput } from './registered-data-changes.schema';

/** D3: the establishments a registered worker moves to, as an item of the draft. */
export const saveWorkerEstablishments = memberProcedure('edit')
  .input(ZSaveWorkerEstablishmentsInput)
  .output(ZSavedDraftItem)
  .mutation(({ ctx, input }) =>
    ctx.inOrganisation((tx) =>
      saveLinks(tx, draftSaveContext(ctx, input.draftVersion), { workerId: input.workerId, establishmentIds: input.establishmentIds }),
    ),
  );
