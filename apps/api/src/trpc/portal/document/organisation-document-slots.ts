import { organisationDocumentSlotsView } from '../../../documents/document-slots-view';
import { memberProcedure } from '../../procedures';
import { ZOrganisationSlotsOutput } from './document.schema';

/** The organisation's and each establishment's upload slots with their files (法人・事業所の書類, SPEC B4c). */
export const organisationSlots = memberProcedure('view')
  .output(ZOrganisationSlotsOutput)
  .query(({ ctx }) => ctx.inOrganisation((tx) => organisationDocumentSlotsView(tx, ctx.tenant.config, ctx.organisation.id)));
