import type { EditActor } from '../../registered-data/establishments';
import type { ActingOrganisation } from '../procedures';
import type { ApiContext } from '../context';
import type { ValidSession } from '../../auth/sessions';

/** Who is editing, for the audit trail: the session's user acting for its organisation. */
export function editActor(ctx: ApiContext & { session: ValidSession; organisation: ActingOrganisation }): EditActor {
  return { tenantId: ctx.tenant.id, organisationId: ctx.organisation.id, userId: ctx.session.user.id, clientAddress: ctx.clientAddress };
}
