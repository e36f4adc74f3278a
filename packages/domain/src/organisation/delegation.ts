import { z } from 'zod';
import { ZConsentVersion, ZEmailAddress } from '../account/account-forms';
import { ZPassword } from '../auth/password-policy';
import { normaliseText } from '../input/japanese-input';
import type { TOrganisationRole } from './organisation-roles';
import { canGrantRole, ZOrganisationRole } from './permissions';

/**
 * Delegated access (SPEC G7, ADR 022): a member invites someone to act for it with a role; the
 * invitee accepts through a mailed link. Pure rules shared by the API and the portal.
 */

/** 「利用者の招待」: the invitee's address and the role they will hold. */
export const ZOrganisationInvitationRequest = z.object({
  email: ZEmailAddress,
  role: ZOrganisationRole,
});
export type TOrganisationInvitationRequest = z.infer<typeof ZOrganisationInvitationRequest>;

/** Accepting with a new account: the name shown to the organisation and a password (A2 rule). */
export const ZInvitationNewAccount = z.object({
  displayName: z
    .string()
    .max(2000)
    .transform(normaliseText)
    .pipe(z.string().min(1, { message: 'validation.required' }).max(100)),
  password: ZPassword,
  /**
   * SPEC A3 for an account made from an invitation: the version of the privacy policy the person
   * read and ticked. The charter and membership rules bind the member organisation, which agreed
   * to them when it applied; the person acting for it agrees to how their own data is handled.
   */
  consents: z.strictObject({ 'privacy-policy': ZConsentVersion }),
});
export type TInvitationNewAccount = z.infer<typeof ZInvitationNewAccount>;

export const INVITATION_STATUSES = ['pending', 'accepted', 'expired', 'cancelled'] as const;
export type TInvitationStatus = (typeof INVITATION_STATUSES)[number];

/**
 * What an invitation is at `now`. Accepted wins over expired (the invitee needs to know it already
 * worked); a cancelled invitation (by the member, or superseded by a newer one to the same
 * address) never works again.
 */
export function invitationStatus(
  invitation: { acceptedAt: Date | null; cancelledAt: Date | null; expiresAt: Date },
  now: Date,
): TInvitationStatus {
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.cancelledAt) return 'cancelled';
  return invitation.expiresAt.getTime() <= now.getTime() ? 'expired' : 'pending';
}

export type TInvitationRefusal = 'delegation.permissionMissing' | 'delegation.supportOrganisationsDisabled';

/**
 * Whether a user holding `inviterRole` may invite someone as `role`: only with manage_users, and
 * support organisations only where the tenant allows them (ADR 008). Null when allowed.
 */
export function invitationRefusal(
  inviterRole: TOrganisationRole,
  role: TOrganisationRole,
  tenantAllowsSupportOrganisations: boolean,
): TInvitationRefusal | null {
  if (canGrantRole(inviterRole, role, true)) {
    return canGrantRole(inviterRole, role, tenantAllowsSupportOrganisations) ? null : 'delegation.supportOrganisationsDisabled';
  }
  return 'delegation.permissionMissing';
}

export type TRevocationRefusal = 'delegation.cannotRevokeSelf' | 'delegation.lastAdministrator' | 'delegation.alreadyRevoked';

/**
 * Whether an active membership may be revoked. Nobody revokes their own access (another
 * administrator does, so an organisation is never left without one by a slip), and the last
 * org_admin of an organisation stays (ADR 008: someone must be able to manage its users).
 */
export function revocationRefusal(input: {
  actorUserId: string;
  target: { userId: string; role: TOrganisationRole; status: 'active' | 'revoked' };
  activeAdministrators: number;
}): TRevocationRefusal | null {
  if (input.target.status === 'revoked') return 'delegation.alreadyRevoked';
  if (input.target.userId === input.actorUserId) return 'delegation.cannotRevokeSelf';
  if (input.target.role === 'org_admin' && input.activeAdministrators <= 1) return 'delegation.lastAdministrator';
  return null;
}

/**
 * Whether a membership grants anything in this tenant today: a support organisation's is
 * suspended while the tenant switches support organisations off (shown as such in the list).
 */
export function isMembershipSuspended(role: TOrganisationRole, tenantAllowsSupportOrganisations: boolean): boolean {
  return role === 'support_organisation' && !tenantAllowsSupportOrganisations;
}
