import { listMembershipsOfUser } from '@kyogikai/db';
import { inTenant } from '../../context';
import { applicantProcedure } from '../../procedures';
import { ZListMyOrganisationsOutput } from './organisation.schema';

/** The organisations the user may act for (SPEC G7: a support organisation may serve several). */
export const listMyOrganisations = applicantProcedure.output(ZListMyOrganisationsOutput).query(async ({ ctx }) => {
  const memberships = await inTenant(ctx, (tx) => listMembershipsOfUser(tx, ctx.session.user.id));
  return memberships.map((m) => ({ ...m, isActing: m.organisationId === ctx.session.actingOrganisationId }));
});
