import { loadRegisteredData } from '../../../change-requests/registered-data-view';
import { memberProcedure } from '../../procedures';
import { ZRegisteredDataOutput } from './registered-data-changes.schema';

/** ◆受入れ事業所情報 and the workers, registered and being changed, before → after (SPEC D2-D4). */
export const getRegisteredData = memberProcedure('view')
  .output(ZRegisteredDataOutput)
  .query(({ ctx }) =>
    ctx.inOrganisation((tx) =>
      loadRegisteredData(tx, { organisationId: ctx.organisation.id, permissions: ctx.organisation.permissions, config: ctx.tenant.config }),
    ),
  );
