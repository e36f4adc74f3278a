/**
 * What a user may do for a member organisation (法人). Checked per action; a user's role in an
 * organisation is a named set of these (see permissions.ts for the sets).
 */
export const PERMISSIONS = ['view', 'edit', 'submit', 'download_certificate', 'request_reissue', 'withdraw', 'manage_users'] as const;
export type TPermission = (typeof PERMISSIONS)[number];

/**
 * Roles a user can hold in an organisation (SPEC G7): the organisation's own administrator, its
 * staff who prepare and submit, a registered support organisation (登録支援機関) acting for it,
 * and read-only viewers.
 */
export const ORGANISATION_ROLES = ['org_admin', 'applicant_editor', 'support_organisation', 'viewer'] as const;
export type TOrganisationRole = (typeof ORGANISATION_ROLES)[number];
