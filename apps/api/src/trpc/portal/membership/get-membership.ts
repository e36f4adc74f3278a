import { getMembership } from '../../../membership/get-membership';
import { memberProcedure } from '../../procedures';
import { ZGetMembershipOutput } from './membership.schema';

/** マイページ's membership card and the withdrawal page (SPEC F1, G8). */
export const getMembershipProcedure = memberProcedure('view')
  .output(ZGetMembershipOutput)
  .query(({ ctx }) =>
    ctx.inOrganisation((tx) =>
      getMembership(tx, { tenant: ctx.tenant, organisationId: ctx.organisation.id, permissions: ctx.organisation.permissions }),
    ),
  );
