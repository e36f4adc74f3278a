import {
  INVITATION_STATUSES,
  ORGANISATION_ROLES,
  ZAccountLinkToken,
  ZInvitationNewAccount,
  ZOrganisationInvitationRequest,
} from '@kyogikai/domain';
import { z } from 'zod';

export const ZInviteInput = ZOrganisationInvitationRequest;
export const ZInviteOutput = z.object({ invitationId: z.uuid(), expiresAt: z.date() });

export const ZOrganisationUser = z.object({
  membershipId: z.uuid(),
  displayName: z.string(),
  email: z.string(),
  role: z.enum(ORGANISATION_ROLES),
  status: z.enum(['active', 'revoked']),
  suspended: z.boolean(),
  grantedAt: z.date(),
  revokedAt: z.date().nullable(),
  isMe: z.boolean(),
});
export const ZPendingInvitation = z.object({
  invitationId: z.uuid(),
  email: z.string(),
  role: z.enum(ORGANISATION_ROLES),
  invitedAt: z.date(),
  expiresAt: z.date(),
  status: z.enum(['pending', 'expired']),
});
export const ZListUsersOutput = z.object({
  users: z.array(ZOrganisationUser),
  invitations: z.array(ZPendingInvitation),
  /** Whether the role picker offers 登録支援機関 (tenant setting allowSupportOrganisations). */
  supportOrganisationsAllowed: z.boolean(),
});

export const ZRevokeInput = z.object({ membershipId: z.uuid({ message: 'validation.invalid' }) });
export const ZRevokeOutput = z.object({ sessionsEnded: z.number().int() });

export const ZCancelInvitationInput = z.object({ invitationId: z.uuid({ message: 'validation.invalid' }) });
export const ZOkOutput = z.object({ ok: z.literal(true) });

export const ZCheckInvitationInput = z.object({ token: z.string().max(4000) });
export const ZCheckInvitationOutput = z.object({
  status: z.enum([...INVITATION_STATUSES, 'invalid']),
  corporateName: z.string().nullable(),
  role: z.enum(ORGANISATION_ROLES).nullable(),
  email: z.string().nullable(),
  accountExists: z.boolean(),
});

export const ZAcceptWithNewAccountInput = ZInvitationNewAccount.extend({ token: ZAccountLinkToken });
export const ZAcceptWithNewAccountOutput = z.object({
  loginId: z.string(),
  user: z.object({ id: z.uuid(), displayName: z.string() }),
});

export const ZAcceptSignedInInput = z.object({ token: ZAccountLinkToken });
export const ZAcceptSignedInOutput = z.object({ organisationId: z.uuid() });
