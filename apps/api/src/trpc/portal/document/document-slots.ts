import { workerDocumentSlotsView } from '../../../documents/document-slots-view';
import { memberProcedure } from '../../procedures';
import { ZDocumentSlotsInput, ZDocumentSlotsOutput } from './document.schema';

/** The worker's upload slots (the tenant's worker documents) and other documents (SPEC B4c). */
export const slots = memberProcedure('view')
  .input(ZDocumentSlotsInput)
  .output(ZDocumentSlotsOutput)
  .query(({ ctx, input }) => ctx.inOrganisation((tx) => workerDocumentSlotsView(tx, ctx.tenant.config, input.workerId)));
