import { router } from '../init';
import { getTenant } from '../shared/tenant/get-tenant';
import { applicationsRouter } from './applications/router';
import { changeRequestsRouter } from './change-requests/router';
import { mailRouter } from './mail/router';
import { reissueRouter } from './reissue/router';
import { reviewRouter } from './review/router';
import { sessionRouter } from './session/router';
import { staffRouter } from './staff/router';

/** Everything the staff console may call; mounted at its own path with its own session cookie. */
export const adminRouter = router({
  tenant: router({ get: getTenant }),
  session: sessionRouter,
  staff: staffRouter,
  review: reviewRouter,
  applications: applicationsRouter,
  reissue: reissueRouter,
  changeRequests: changeRequestsRouter,
  mail: mailRouter,
});
export type AdminRouter = typeof adminRouter;
