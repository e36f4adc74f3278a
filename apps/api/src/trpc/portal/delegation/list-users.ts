import { listOrganisationUsers } from '../../../delegation/list-organisation-users';
import { memberProcedure } from '../../procedures';
import { ZListUsersOutput } from './delegation.schema';

/** 「利用者の管理」: who acts for the acting organisation, and its open invitations. */
export const listUsers = memberProcedure('manage_users')
  .output(ZListUsersOutput)
  .query(async ({ ctx }) => {
    const allowSupportOrganisations = ctx.tenant.config.allowSupportOrganisations;
    const result = await ctx.inOrganisation((tx) =>
      listOrganisationUsers(tx, {
        organisationId: ctx.organisation.id,
        currentUserId: ctx.session.user.id,
        allowSupportOrganisations,
        now: ctx.clock.now(),
      }),
    );
    return { ...result, supportOrganisationsAllowed: allowSupportOrganisations };
  });
