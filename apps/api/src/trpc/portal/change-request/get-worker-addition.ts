import { loadWorkerAddition } from '../../../change-requests/registered-data-view';
import { memberProcedure } from '../../procedures';
import { ZWorkerAdditionInput, ZWorkerAdditionOutput } from './registered-data-changes.schema';

/** One worker being added (D2): its values, where it waits, and the draft's version. */
export const getWorkerAddition = memberProcedure('view')
  .input(ZWorkerAdditionInput)
  .output(ZWorkerAdditionOutput)
  .query(({ ctx, input }) =>
    ctx.inOrganisation((tx) => loadWorkerAddition(tx, { organisationId: ctx.organisation.id, itemId: input.itemId })),
  );
