import { describe, expect, it } from 'vitest';
import { ACTOR_NAMES, ACTORS, applicantsWith, walkMachine } from '../../test/machine-walk';
import { ForbiddenTransitionError, IllegalTransitionError } from '../shared/transition';
import {
  checkMemberCanChange,
  isMembershipEditable,
  membershipMachine,
  type TMembershipEvent,
  type TMembershipEventType,
  transitionMembership,
} from './membership-machine';
import { MEMBERSHIP_STATES } from './membership-states';

const eventOf = (type: TMembershipEventType): TMembershipEvent => (type === 'withdraw' ? { type, notesAcknowledged: true } : { type });

walkMachine({
  machine: membershipMachine,
  label: 'any tenant',
  context: undefined,
  eventOf,
  spec: 'C3 F1',
  legal: [
    {
      spec: 'C3',
      from: 'none',
      event: 'activate',
      to: 'active',
      allowed: ['system'],
      effects: [{ type: 'audit', action: 'membership.activated' }],
    },
    {
      spec: 'F1 D6',
      from: 'active',
      event: 'withdraw',
      to: 'withdrawn',
      allowed: applicantsWith('withdraw'),
      effects: [
        { type: 'cancel-pending-change-requests' },
        { type: 'cancel-pending-reissue-requests' },
        { type: 'revoke-certificate' },
        { type: 'mail', template: 'membership-withdrawn', to: 'applicant' },
        { type: 'mail', template: 'membership-withdrawn-notice', to: 'secretariat' },
        { type: 'audit', action: 'membership.withdrawn' },
      ],
    },
  ],
});

describe('membership: SPEC rules beyond the table', () => {
  it('F1 withdrawal needs the notes to have been read (退会に関する注意事項を読みました)', () => {
    const result = transitionMembership(
      'active',
      { type: 'withdraw', notesAcknowledged: false } as unknown as TMembershipEvent,
      ACTORS.org_admin,
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'notesAcknowledged', messageKey: 'membership.notesNotAcknowledged' }] },
    });
  });

  it('F1 only the organisation administrator role may withdraw (applicant_editor and support organisation may not)', () => {
    expect(transitionMembership('active', eventOf('withdraw'), ACTORS.applicant_editor)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(transitionMembership('active', eventOf('withdraw'), ACTORS.support_organisation)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('F1 a withdrawn membership allows no edits', () => {
    expect(MEMBERSHIP_STATES.filter(isMembershipEditable)).toEqual(['active']);
    for (const name of ACTOR_NAMES) {
      const result = checkMemberCanChange('withdrawn', ACTORS[name]);
      expect(result.ok, name).toBe(false);
      if (!result.ok) expect(result.error, name).toMatchObject({ code: 'illegal', messageKey: 'membership.notActive' });
    }
  });

  it('D1 an active member changes its registration only with edit permission', () => {
    for (const name of ACTOR_NAMES) {
      const result = checkMemberCanChange('active', ACTORS[name]);
      expect(result.ok, name).toBe(applicantsWith('edit').includes(name));
      if (!result.ok) expect(result.error, name).toBeInstanceOf(ForbiddenTransitionError);
    }
  });

  it('C3 before approval there is no member to change (none is not editable)', () => {
    expect(checkMemberCanChange('none', ACTORS.org_admin)).toMatchObject({ ok: false, error: { messageKey: 'membership.notActive' } });
  });

  it('F1 a second withdrawal is illegal', () => {
    const result = transitionMembership('withdrawn', eventOf('withdraw'), ACTORS.org_admin);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toBeInstanceOf(IllegalTransitionError);
    if (!result.ok) expect(result.error.messageKey).toBe('membership.notActive');
  });

  it('F1 withdrawing before joining is illegal with membership.notActive (not the generic message)', () => {
    expect(transitionMembership('none', eventOf('withdraw'), ACTORS.org_admin)).toMatchObject({
      ok: false,
      error: { messageKey: 'membership.notActive' },
    });
  });
});
