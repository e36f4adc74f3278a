import { pendingWorkerDocumentSlotsView, workerDocumentSlotsView } from '../../../documents/document-slots-view';
import { memberProcedure } from '../../procedures';
import { ZDocumentSlotsInput, ZDocumentSlotsOutput } from './document.schema';

/**
 * The worker's upload slots (the tenant's worker documents) and other documents (SPEC B4c); for a
 * worker being added after joining (SPEC D2), those pending on its change item.
 */
export const slots = memberProcedure('view')
  .input(ZDocumentSlotsInput)
  .output(ZDocumentSlotsOutput)
  .query(({ ctx, input }) =>
    ctx.inOrganisation((tx) =>
      'changeItemId' in input
        ? pendingWorkerDocumentSlotsView(tx, ctx.tenant.config, input.changeItemId)
        : workerDocumentSlotsView(tx, ctx.tenant.config, input.workerId),
    ),
  );
