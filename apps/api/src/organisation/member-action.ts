import type { TenantRecord } from '@kyogikai/db';
import type { TPermission } from '@kyogikai/domain';

/**
 * A member's user acting for its organisation, as a member procedure hands it to a use case
 * (trpc/portal/member-action.ts): the tenant, the organisation, the user and the permissions it
 * holds there, and for the audit trail the client's address and the time.
 */
export type MemberAction = {
  tenant: TenantRecord;
  organisationId: string;
  userId: string;
  permissions: ReadonlySet<TPermission>;
  clientAddress: string;
  now: Date;
};
