import { findActiveMembership, recordAudit } from '@kyogikai/db';
import { setActingOrganisation } from '../../../auth/sessions';
import { notFound } from '../../app-error';
import { inTenant } from '../../context';
import { applicantProcedure } from '../../procedures';
import { ZSwitchOrganisationInput, ZSwitchOrganisationOutput } from './organisation.schema';

/**
 * Makes the session act for another organisation the user belongs to. The id comes from the
 * client, so it is checked against the user's active memberships; any other id is simply not
 * found (whether it exists elsewhere is not revealed).
 */
export const switchOrganisation = applicantProcedure
  .input(ZSwitchOrganisationInput)
  .output(ZSwitchOrganisationOutput)
  .mutation(async ({ ctx, input }) => {
    await inTenant(ctx, async (tx) => {
      const membership = await findActiveMembership(tx, ctx.session.user.id, input.organisationId);
      if (!membership) throw notFound('organisation.notFound');
      await setActingOrganisation(tx, ctx.session.id, input.organisationId);
      await recordAudit(tx, {
        tenantId: ctx.tenant.id,
        actorUserId: ctx.session.user.id,
        action: 'session.organisation_switched',
        targetType: 'organisation',
        targetId: input.organisationId,
        before: { organisationId: ctx.session.actingOrganisationId },
        after: { organisationId: input.organisationId },
        ip: ctx.clientAddress,
      });
    });
    return { organisationId: input.organisationId };
  });
