import type { TenantRecord } from '@kyogikai/db';
import type { ValidSession } from '../auth/sessions';

/** What the tenant middleware puts on every tenant-scoped request (see app.ts). */
export type TenantEnv = { Variables: { tenant: TenantRecord; tenantPrefix: string } };

/** Plus the session, for plain HTTP routes behind `requireSession`. */
export type SessionEnv = { Variables: TenantEnv['Variables'] & { session: ValidSession } };

export const USER_ACTIVITY_HEADER = 'x-user-activity';

/** Plus the acting organisation, for plain HTTP routes behind `requireMember`. */
export type MemberEnv = { Variables: SessionEnv['Variables'] & { organisationId: string } };
