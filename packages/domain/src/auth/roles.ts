import { z } from 'zod';

/** Staff roles work in the admin app; applicants work in the portal. */
export const STAFF_ROLES = ['secretariat', 'ministry', 'tenant_admin'] as const;
export const USER_ROLES = [...STAFF_ROLES, 'applicant'] as const;

export const ZStaffRole = z.enum(STAFF_ROLES);
export const ZUserRole = z.enum(USER_ROLES);
export type TStaffRole = z.infer<typeof ZStaffRole>;
export type TUserRole = z.infer<typeof ZUserRole>;

/** Which app a session belongs to; the two apps use different cookies and routers. */
export const ZSessionApp = z.enum(['portal', 'admin']);
export type TSessionApp = z.infer<typeof ZSessionApp>;

export function isStaffRole(role: TUserRole): role is TStaffRole {
  return (STAFF_ROLES as readonly string[]).includes(role);
}
