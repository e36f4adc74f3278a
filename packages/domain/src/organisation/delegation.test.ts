import { describe, expect, it } from 'vitest';
import { ORGANISATION_ROLES } from './organisation-roles';
import {
  invitationRefusal,
  invitationStatus,
  isMembershipSuspended,
  revocationRefusal,
  ZInvitationNewAccount,
  ZOrganisationInvitationRequest,
} from './delegation';

const now = new Date('2026-11-27T03:00:00Z');
const later = new Date('2026-11-28T03:00:00Z');
const earlier = new Date('2026-11-26T03:00:00Z');

describe('G7 invitation status', () => {
  it('G7 an unused invitation before its expiry is pending', () => {
    expect(invitationStatus({ acceptedAt: null, cancelledAt: null, expiresAt: later }, now)).toBe('pending');
  });
  it('G7 at or after its expiry it is expired', () => {
    expect(invitationStatus({ acceptedAt: null, cancelledAt: null, expiresAt: now }, now)).toBe('expired');
  });
  it('G7 accepted wins over expired and cancelled', () => {
    expect(invitationStatus({ acceptedAt: earlier, cancelledAt: earlier, expiresAt: earlier }, now)).toBe('accepted');
  });
  it('G7 a cancelled invitation stays cancelled before its expiry', () => {
    expect(invitationStatus({ acceptedAt: null, cancelledAt: earlier, expiresAt: later }, now)).toBe('cancelled');
  });
});

describe('G7 who may invite whom', () => {
  it.each(ORGANISATION_ROLES)('G7 an org_admin may invite as %s where support organisations are allowed', (role) => {
    expect(invitationRefusal('org_admin', role, true)).toBeNull();
  });
  it.each(['applicant_editor', 'support_organisation', 'viewer'] as const)('G7 %s may not invite anyone', (inviter) => {
    for (const role of ORGANISATION_ROLES) expect(invitationRefusal(inviter, role, true)).toBe('delegation.permissionMissing');
  });
  it('G7 inviting a support organisation is refused where the tenant switches them off; other roles are not', () => {
    expect(invitationRefusal('org_admin', 'support_organisation', false)).toBe('delegation.supportOrganisationsDisabled');
    expect(invitationRefusal('org_admin', 'applicant_editor', false)).toBeNull();
    expect(invitationRefusal('viewer', 'support_organisation', false)).toBe('delegation.permissionMissing');
  });
  it('G7 only support-organisation memberships are suspended by the tenant switch', () => {
    expect(isMembershipSuspended('support_organisation', false)).toBe(true);
    expect(isMembershipSuspended('support_organisation', true)).toBe(false);
    expect(isMembershipSuspended('org_admin', false)).toBe(false);
  });
});

describe('G7 revoking access', () => {
  const actorUserId = 'a';
  it('G7 another user with a non-admin role can be revoked', () => {
    expect(
      revocationRefusal({ actorUserId, target: { userId: 'b', role: 'support_organisation', status: 'active' }, activeAdministrators: 1 }),
    ).toBeNull();
  });
  it('G7 nobody revokes their own access', () => {
    expect(revocationRefusal({ actorUserId, target: { userId: 'a', role: 'org_admin', status: 'active' }, activeAdministrators: 2 })).toBe(
      'delegation.cannotRevokeSelf',
    );
  });
  it('G7 the last org_admin stays; one of two may go', () => {
    expect(revocationRefusal({ actorUserId, target: { userId: 'b', role: 'org_admin', status: 'active' }, activeAdministrators: 1 })).toBe(
      'delegation.lastAdministrator',
    );
    expect(
      revocationRefusal({ actorUserId, target: { userId: 'b', role: 'org_admin', status: 'active' }, activeAdministrators: 2 }),
    ).toBeNull();
  });
  it('G7 a revoked membership cannot be revoked again', () => {
    expect(revocationRefusal({ actorUserId, target: { userId: 'b', role: 'viewer', status: 'revoked' }, activeAdministrators: 1 })).toBe(
      'delegation.alreadyRevoked',
    );
  });
});

describe('G7 invitation forms', () => {
  it('G7 the address is normalised and the role must be one of the domain roles', () => {
    expect(ZOrganisationInvitationRequest.parse({ email: ' ｓｕｐｐｏｒｔ@example.jp ', role: 'support_organisation' })).toEqual({
      email: 'support@example.jp',
      role: 'support_organisation',
    });
    expect(ZOrganisationInvitationRequest.safeParse({ email: 'x@example.jp', role: 'owner' }).success).toBe(false);
  });
  it('G7 A2 A3 a new account needs a name, a password by the A2 rule and the ticked privacy policy', () => {
    const consents = { 'privacy-policy': '2021.5' };
    expect(ZInvitationNewAccount.safeParse({ displayName: '支援 太郎', password: 'abcdefg1', consents }).success).toBe(true);
    expect(ZInvitationNewAccount.safeParse({ displayName: ' ', password: 'abcdefg1', consents }).success).toBe(false);
    expect(ZInvitationNewAccount.safeParse({ displayName: '支援 太郎', password: 'abcdefgh', consents }).success).toBe(false);
    const unticked = ZInvitationNewAccount.safeParse({
      displayName: '支援 太郎',
      password: 'abcdefg1',
      consents: { 'privacy-policy': '' },
    });
    expect(unticked.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['consents.privacy-policy', 'account.consentRequired'],
    ]);
  });
});
