import { describe, expect, it } from 'vitest';
import { ACTOR_NAMES, ACTORS, applicantsWith, walkMachine } from '../../test/machine-walk';
import { ForbiddenTransitionError, IllegalTransitionError, InvalidTransitionInputError } from '../shared/transition';
import { CERTIFICATE_STATES, REISSUE_REQUEST_STATES } from './certificate-states';
import {
  isReissueRequestable,
  isReissueRequestOpen,
  reissueMachine,
  requestReissue,
  type TReissueEvent,
  type TReissueEventType,
  transitionReissue,
} from './reissue-machine';

const eventOf = (type: TReissueEventType): TReissueEvent =>
  type === 'decline' ? { type, reason: '前回の発行から変更がないため' } : { type };

walkMachine({
  machine: reissueMachine,
  label: 'any tenant',
  context: undefined,
  eventOf,
  spec: 'E1',
  legal: [
    {
      spec: 'E1',
      from: 'requested',
      event: 'approve',
      to: 'approved',
      allowed: ['secretariat'],
      effects: [
        { type: 'job', name: 'generate-certificate', reason: 'reissue' },
        { type: 'mail', template: 'reissue-approved', to: 'applicant' },
        { type: 'audit', action: 'reissue.approved' },
      ],
    },
    {
      spec: 'E1 G3',
      from: 'requested',
      event: 'decline',
      to: 'declined',
      allowed: ['secretariat'],
      effects: [
        { type: 'mail', template: 'reissue-declined', to: 'applicant' },
        { type: 'audit', action: 'reissue.declined' },
      ],
    },
    {
      spec: 'E1 F1',
      from: 'requested',
      event: 'cancel',
      to: 'cancelled',
      allowed: [...applicantsWith('request_reissue'), 'system'],
      effects: [{ type: 'audit', action: 'reissue.cancelled' }],
    },
  ],
});

describe('requestReissue (SPEC C4, E1)', () => {
  const reason = { reason: '紛失したため' };
  const downloaded = { certificateState: 'downloaded', hasOpenRequest: false } as const;

  it('E1 a member with request_reissue asks for a reissue of a downloaded certificate, with a reason', () => {
    for (const name of applicantsWith('request_reissue')) {
      expect(requestReissue(ACTORS[name], downloaded, reason), name).toEqual({
        ok: true,
        to: 'requested',
        effects: [
          { type: 'mail', template: 'reissue-request-received', to: 'applicant' },
          { type: 'mail', template: 'reissue-requested-notice', to: 'secretariat' },
          { type: 'audit', action: 'reissue.requested' },
        ],
      });
    }
  });

  it('E1 everyone without request_reissue is refused with ForbiddenTransitionError', () => {
    for (const name of ACTOR_NAMES.filter((n) => !applicantsWith('request_reissue').includes(n))) {
      const result = requestReissue(ACTORS[name], downloaded, reason);
      expect(result.ok, name).toBe(false);
      if (!result.ok) expect(result.error, name).toBeInstanceOf(ForbiddenTransitionError);
    }
  });

  it.each(['issued', 'superseded', 'revoked'] as const)('C4 E1 no reissue while the certificate is %s', (certificateState) => {
    const result = requestReissue(ACTORS.org_admin, { certificateState, hasOpenRequest: false }, reason);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(IllegalTransitionError);
    expect(result.error).toMatchObject({
      machine: 'certificate',
      state: certificateState,
      event: 'request_reissue',
      messageKey: 'reissue.certificateNotDownloaded',
    });
  });

  it('C4 the state check helper allows a reissue only after the download', () => {
    expect(CERTIFICATE_STATES.filter(isReissueRequestable)).toEqual(['downloaded']);
  });

  it('E1 a second request while one is open is refused', () => {
    const result = requestReissue(ACTORS.org_admin, { certificateState: 'downloaded', hasOpenRequest: true }, reason);
    expect(result).toMatchObject({ ok: false, error: { code: 'illegal', messageKey: 'reissue.alreadyRequested' } });
  });

  it('E1 the reason is required', () => {
    const result = requestReissue(ACTORS.org_admin, downloaded, { reason: '  ' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(InvalidTransitionInputError);
    expect(result.error).toMatchObject({ issues: [{ path: 'reason', messageKey: 'transition.textRequired' }] });
  });

  it('E1 a decline needs a reason', () => {
    const result = transitionReissue('requested', { type: 'decline', reason: '' }, ACTORS.secretariat);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'reason', messageKey: 'transition.textRequired' }] },
    });
  });

  it('C4 the certificate state is checked first, whoever asks and whatever the reason', () => {
    const result = requestReissue(ACTORS.viewer, { certificateState: 'issued', hasOpenRequest: true }, { reason: '' });
    expect(result).toMatchObject({ ok: false, error: { code: 'illegal', messageKey: 'reissue.certificateNotDownloaded' } });
  });

  it('E1 only a requested reissue is open', () => {
    expect(REISSUE_REQUEST_STATES.filter(isReissueRequestOpen)).toEqual(['requested']);
  });
});
