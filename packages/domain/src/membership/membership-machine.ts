import { z } from 'zod';
import {
  type TActor,
  type TCheckResult,
  type TMachine,
  type TTransitionResult,
  type TTransitionRule,
  auditEffect,
  availableEvents,
  fireEvent,
  ForbiddenTransitionError,
  IllegalTransitionError,
  isActorAllowed,
  mailEffect,
} from '../shared/transition';
import { MEMBERSHIP_STATES, type TMembershipState } from './membership-states';

/**
 * A member organisation's standing in the council (ADR 012): `none` until its application is
 * approved, `active` from then, `withdrawn` after SPEC F1. Not to be confused with a user's
 * organisation membership (ADR 008), which is about access, not about the council.
 */

export const MEMBERSHIP_EVENTS = ['activate', 'withdraw'] as const;
export type TMembershipEventType = (typeof MEMBERSHIP_EVENTS)[number];

export const ZMembershipEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('activate') }),
  /** SPEC F1: the checkbox 「退会に関する注意事項を読みました」 must be ticked; the API cannot skip it. */
  z.object({ type: z.literal('withdraw'), notesAcknowledged: z.literal(true, { error: 'membership.notesNotAcknowledged' }) }),
]);
export type TMembershipEvent = z.infer<typeof ZMembershipEvent>;

type TRule = TTransitionRule<TMembershipState, TMembershipEvent, undefined>;

export const MEMBERSHIP_TRANSITIONS: readonly TRule[] = [
  // Only as the cascade of an application approval (effect activate-membership), never by hand,
  // so there is no member without an approved application (ADR 012).
  { from: 'none', event: 'activate', to: 'active', who: [{ kind: 'system' }], effects: () => [auditEffect('membership.activated')] },
  {
    from: 'active',
    event: 'withdraw',
    to: 'withdrawn',
    who: [{ kind: 'applicant', permission: 'withdraw' }],
    effects: () => [
      { type: 'cancel-pending-change-requests' },
      { type: 'cancel-pending-reissue-requests' },
      { type: 'revoke-certificate' },
      mailEffect('membership-withdrawn', 'applicant'),
      mailEffect('membership-withdrawn-notice', 'secretariat'),
      auditEffect('membership.withdrawn'),
    ],
  },
];

export const membershipMachine: TMachine<TMembershipState, TMembershipEvent, undefined> = {
  name: 'membership',
  states: MEMBERSHIP_STATES,
  eventTypes: MEMBERSHIP_EVENTS,
  eventSchema: ZMembershipEvent,
  rules: MEMBERSHIP_TRANSITIONS,
  // Withdrawing twice, or before joining: the member is told it is not (or no longer) a member.
  illegalMessageKey: (_state, event) => (event === 'withdraw' ? 'membership.notActive' : undefined),
};

export function transitionMembership(state: TMembershipState, event: TMembershipEvent, actor: TActor): TTransitionResult<TMembershipState> {
  return fireEvent(membershipMachine, state, event, actor, undefined);
}

export function availableMembershipEvents(state: TMembershipState, actor: TActor): TMembershipEventType[] {
  return availableEvents(membershipMachine, state, actor, undefined);
}

/**
 * Whether a member's registration may be changed (change requests, SPEC D). Only while active: a
 * withdrawn member's data is kept read-only for the retention period; before approval the
 * application's own rule applies (isEditableByApplicant).
 */
export function isMembershipEditable(state: TMembershipState): boolean {
  return state === 'active';
}

/** Guard for every change path after joining: an active membership, then `edit` permission. */
export function checkMemberCanChange(state: TMembershipState, actor: TActor): TCheckResult {
  if (!isMembershipEditable(state)) {
    return { ok: false, error: new IllegalTransitionError('membership', state, 'edit', 'membership.notActive') };
  }
  if (!isActorAllowed(actor, [{ kind: 'applicant', permission: 'edit' }])) {
    return { ok: false, error: new ForbiddenTransitionError('membership', state, 'edit', actor.kind) };
  }
  return { ok: true };
}
