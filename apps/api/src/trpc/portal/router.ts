import { router } from '../init';
import { getTenant } from '../shared/tenant/get-tenant';
import { organisationRouter } from './organisation/router';
import { sessionRouter } from './session/router';

/** Everything the applicant portal may call. The admin router is a separate tree (admin/router.ts). */
export const portalRouter = router({
  tenant: router({ get: getTenant }),
  session: sessionRouter,
  organisation: organisationRouter,
});
export type PortalRouter = typeof portalRouter;
