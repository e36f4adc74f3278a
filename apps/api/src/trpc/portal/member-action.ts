import type { ValidSession } from '../../auth/sessions';
import type { MemberAction } from '../../organisation/member-action';
import type { ApiContext } from '../context';
import type { ActingOrganisation } from '../procedures';

/** The session's user acting for its organisation, from the member procedure's context. */
export function memberAction(ctx: ApiContext & { session: ValidSession; organisation: ActingOrganisation }): MemberAction {
  return {
    tenant: ctx.tenant,
    organisationId: ctx.organisation.id,
    userId: ctx.session.user.id,
    permissions: ctx.organisation.permissions,
    clientAddress: ctx.clientAddress,
    now: ctx.clock.now(),
  };
}
