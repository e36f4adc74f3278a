import { router } from '../init';
import { getTenant } from '../shared/tenant/get-tenant';
import { accountRouter } from './account/router';
import { applicationRouter } from './application/router';
import { certificateRouter } from './certificate/router';
import { changeRequestRouter } from './change-request/router';
import { delegationRouter } from './delegation/router';
import { directoryRouter } from './directory/router';
import { documentRouter } from './document/router';
import { establishmentRouter } from './establishment/router';
import { membershipRouter } from './membership/router';
import { mypageRouter } from './mypage/router';
import { organisationRouter } from './organisation/router';
import { postalRouter } from './postal/router';
import { sessionRouter } from './session/router';
import { workerRouter } from './worker/router';
import { consentDocuments } from './tenant/list-consent-documents';
import { formFields } from './tenant/list-form-fields';

/** Everything the applicant portal may call. The admin router is a separate tree (admin/router.ts). */
export const portalRouter = router({
  tenant: router({ get: getTenant, consentDocuments, formFields }),
  session: sessionRouter,
  account: accountRouter,
  mypage: mypageRouter,
  organisation: organisationRouter,
  postal: postalRouter,
  establishment: establishmentRouter,
  worker: workerRouter,
  document: documentRouter,
  application: applicationRouter,
  certificate: certificateRouter,
  changeRequest: changeRequestRouter,
  membership: membershipRouter,
  directory: directoryRouter,
  delegation: delegationRouter,
});
export type PortalRouter = typeof portalRouter;
