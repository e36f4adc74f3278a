import { z } from 'zod';
import {
  type TActor,
  type TCreationResult,
  type TMachine,
  type TTransitionResult,
  type TTransitionRule,
  auditEffect,
  availableEvents,
  fireEvent,
  ForbiddenTransitionError,
  generateCertificateEffect,
  IllegalTransitionError,
  InvalidTransitionInputError,
  isActorAllowed,
  mailEffect,
  ZTransitionText,
} from '../shared/transition';
import { REISSUE_REQUEST_STATES, type TCertificateState, type TReissueRequestState } from './certificate-states';

/**
 * A request for a new certificate after the current one was downloaded (SPEC C4, E1; ADR 011).
 * The member asks with a reason; the secretariat approves (a new certificate is generated and the
 * old one superseded) or declines with a reason; the member may cancel while it is open.
 */

/** SPEC C4/E1: a reissue is what follows a download; before that the member simply downloads. */
export function isReissueRequestable(certificateState: TCertificateState): boolean {
  return certificateState === 'downloaded';
}

export const ZReissueRequestInput = z.object({ reason: ZTransitionText });
export type TReissueRequestInput = z.infer<typeof ZReissueRequestInput>;

/** What the API reads before creating a request: the current certificate's state and whether a request is already open. */
export type TReissueRequestPreconditions = { certificateState: TCertificateState; hasOpenRequest: boolean };

/**
 * 「入会証明書再発行申請」 → 「申請を行う」: create a request in state `requested`. Same order of checks as
 * a transition: the state of things (certificate downloaded, no request open), then the actor
 * (`request_reissue`), then the reason.
 */
export function requestReissue(
  actor: TActor,
  preconditions: TReissueRequestPreconditions,
  input: TReissueRequestInput,
): TCreationResult<TReissueRequestState> {
  if (!isReissueRequestable(preconditions.certificateState)) {
    return {
      ok: false,
      error: new IllegalTransitionError(
        'certificate',
        preconditions.certificateState,
        'request_reissue',
        'reissue.certificateNotDownloaded',
      ),
    };
  }
  if (preconditions.hasOpenRequest) {
    return { ok: false, error: new IllegalTransitionError('reissue', 'requested', 'request_reissue', 'reissue.alreadyRequested') };
  }
  if (!isActorAllowed(actor, [{ kind: 'applicant', permission: 'request_reissue' }])) {
    return { ok: false, error: new ForbiddenTransitionError('reissue', preconditions.certificateState, 'request_reissue', actor.kind) };
  }
  const parsed = ZReissueRequestInput.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), messageKey: issue.message }));
    return { ok: false, error: new InvalidTransitionInputError('reissue', preconditions.certificateState, 'request_reissue', issues) };
  }
  return {
    ok: true,
    to: 'requested',
    effects: [
      mailEffect('reissue-request-received', 'applicant'),
      mailEffect('reissue-requested-notice', 'secretariat'),
      auditEffect('reissue.requested'),
    ],
  };
}

export const REISSUE_EVENTS = ['approve', 'decline', 'cancel'] as const;
export type TReissueEventType = (typeof REISSUE_EVENTS)[number];

export const ZReissueEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('approve') }),
  z.object({ type: z.literal('decline'), reason: ZTransitionText }),
  z.object({ type: z.literal('cancel') }),
]);
export type TReissueEvent = z.infer<typeof ZReissueEvent>;

export function isReissueRequestOpen(state: TReissueRequestState): boolean {
  return state === 'requested';
}

type TRule = TTransitionRule<TReissueRequestState, TReissueEvent, undefined>;

const SECRETARIAT = [{ kind: 'staff', role: 'secretariat' }] as const;

export const REISSUE_TRANSITIONS: readonly TRule[] = [
  {
    from: 'requested',
    event: 'approve',
    to: 'approved',
    who: SECRETARIAT,
    effects: () => [generateCertificateEffect('reissue'), mailEffect('reissue-approved', 'applicant'), auditEffect('reissue.approved')],
  },
  {
    from: 'requested',
    event: 'decline',
    to: 'declined',
    who: SECRETARIAT,
    effects: () => [mailEffect('reissue-declined', 'applicant'), auditEffect('reissue.declined')],
  },
  {
    // The member takes it back, or a withdrawal does (effect cancel-pending-reissue-requests).
    from: 'requested',
    event: 'cancel',
    to: 'cancelled',
    who: [{ kind: 'applicant', permission: 'request_reissue' }, { kind: 'system' }],
    effects: () => [auditEffect('reissue.cancelled')],
  },
];

export const reissueMachine: TMachine<TReissueRequestState, TReissueEvent, undefined> = {
  name: 'reissue',
  states: REISSUE_REQUEST_STATES,
  eventTypes: REISSUE_EVENTS,
  eventSchema: ZReissueEvent,
  rules: REISSUE_TRANSITIONS,
};

export function transitionReissue(
  state: TReissueRequestState,
  event: TReissueEvent,
  actor: TActor,
): TTransitionResult<TReissueRequestState> {
  return fireEvent(reissueMachine, state, event, actor, undefined);
}

export function availableReissueEvents(state: TReissueRequestState, actor: TActor): TReissueEventType[] {
  return availableEvents(reissueMachine, state, actor, undefined);
}
