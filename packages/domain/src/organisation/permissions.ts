import { z } from 'zod';
import { ORGANISATION_ROLES, PERMISSIONS, type TOrganisationRole, type TPermission } from './organisation-roles';

export const ZPermission = z.enum(PERMISSIONS);
export const ZOrganisationRole = z.enum(ORGANISATION_ROLES);

/**
 * Each role is a named set of permissions (ADR 008). Checks always ask for a permission, never
 * for a role, so a new role is one line here.
 * - org_admin: the organisation's own administrator, everything including its users.
 * - applicant_editor: staff who prepare, submit and handle the certificate, but neither leave the
 *   council nor manage users.
 * - support_organisation: a registered support organisation (登録支援機関, SPEC G7) prepares and
 *   submits for the employer; the certificate, withdrawal and users stay with the employer.
 * - viewer: read only.
 */
const ROLE_PERMISSIONS: { readonly [R in TOrganisationRole]: readonly TPermission[] } = {
  org_admin: ['view', 'edit', 'submit', 'download_certificate', 'request_reissue', 'withdraw', 'manage_users'],
  applicant_editor: ['view', 'edit', 'submit', 'download_certificate', 'request_reissue'],
  support_organisation: ['view', 'edit', 'submit'],
  viewer: ['view'],
};

/** A fresh set each call, so no caller can change what a role means for another. */
export function permissionsOf(role: TOrganisationRole): ReadonlySet<TPermission> {
  return new Set(ROLE_PERMISSIONS[role]);
}

export function hasPermission(role: TOrganisationRole, permission: TPermission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/**
 * What a membership of this role may do in a tenant today. Where the tenant does not allow
 * support organisations (SPEC G7, `allowSupportOrganisations`), a support_organisation membership
 * grants nothing: switching the setting off suspends existing delegations at once, without
 * deleting them, because the permissions are worked out on every request.
 */
export function effectivePermissions(role: TOrganisationRole, tenantAllowsSupportOrganisations: boolean): ReadonlySet<TPermission> {
  if (role === 'support_organisation' && !tenantAllowsSupportOrganisations) return new Set();
  return permissionsOf(role);
}

/**
 * Whether a user holding `granterRole` may give someone `role` in the same organisation. Only
 * roles with `manage_users` grant (any role, including another org_admin, so an organisation can
 * hand its administration over); support_organisation only where the tenant allows it.
 */
export function canGrantRole(granterRole: TOrganisationRole, role: TOrganisationRole, tenantAllowsSupportOrganisations: boolean): boolean {
  if (!hasPermission(granterRole, 'manage_users')) return false;
  if (role === 'support_organisation' && !tenantAllowsSupportOrganisations) return false;
  return true;
}
