import { loadCertificateStatus } from '../../../certificates/certificate-status';
import { memberProcedure } from '../../procedures';
import { ZGetCertificateOutput } from './certificate.schema';

/** マイページ's certificate section (SPEC C3, C4, E1): what there is, who downloaded it when, what may be done. */
export const getCertificate = memberProcedure('view')
  .output(ZGetCertificateOutput)
  .query(({ ctx }) =>
    ctx.inOrganisation((tx) => loadCertificateStatus(tx, ctx.organisation.id, ctx.organisation.permissions, ctx.clock.now())),
  );
