import { router } from '../init';
import { getTenant } from '../shared/tenant/get-tenant';
import { sessionRouter } from './session/router';

/** Everything the applicant portal may call. The admin router is a separate tree (admin/router.ts). */
export const portalRouter = router({
  tenant: router({ get: getTenant }),
  session: sessionRouter,
});
export type PortalRouter = typeof portalRouter;
