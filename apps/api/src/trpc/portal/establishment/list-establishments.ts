import { listEstablishments } from '../../../registered-data/establishments';
import { memberProcedure } from '../../procedures';
import { ZListEstablishmentsOutput } from './establishment.schema';

/** The organisation's establishments for the dropdown and the list (SPEC B4a). */
export const list = memberProcedure('view')
  .output(ZListEstablishmentsOutput)
  .query(({ ctx }) => ctx.inOrganisation((tx) => listEstablishments(tx)));
