import { loadChangeOverview } from '../../../change-requests/change-overview';
import { memberProcedure } from '../../procedures';
import { ZChangeOverviewOutput } from './change-request.schema';

/** ◆会員情報 with the draft and pending changes before/after (SPEC D1; マイページ and the detail screen). */
export const getOverview = memberProcedure('view')
  .output(ZChangeOverviewOutput)
  .query(({ ctx }) =>
    ctx.inOrganisation((tx) =>
      loadChangeOverview(tx, { organisationId: ctx.organisation.id, permissions: ctx.organisation.permissions, config: ctx.tenant.config }),
    ),
  );
