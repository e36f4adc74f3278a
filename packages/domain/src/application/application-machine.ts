import { z } from 'zod';
import {
  type TActor,
  type TCheckResult,
  type TEffect,
  type TFirer,
  type TMachine,
  type TTransitionResult,
  type TTransitionRule,
  auditEffect,
  availableEvents,
  fireEvent,
  ForbiddenTransitionError,
  generateCertificateEffect,
  IllegalTransitionError,
  isActorAllowed,
  mailEffect,
  ZTransitionText,
} from '../shared/transition';
import type { TApprovalSteps } from '../tenant/tenant-config';
import { APPLICATION_STATES, type TApplicationState } from './application-states';

/**
 * The membership application (SPEC B5, C1-C3; ADR 009). The applicant submits; the secretariat
 * starts the review, returns it for correction or completes the review; completing it forwards
 * the application to the ministry or, where the tenant has no ministry step, approves it.
 */

export const APPLICATION_EVENTS = [
  'submit',
  'start_review',
  'return_for_correction',
  'resubmit',
  'complete_review',
  'approve',
  'reject',
  'withdraw',
] as const;
export type TApplicationEventType = (typeof APPLICATION_EVENTS)[number];

export const ZApplicationEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('submit') }),
  z.object({ type: z.literal('start_review') }),
  /** The message tells the applicant what to fix (SPEC C1); it is mailed and shown on マイページ. */
  z.object({ type: z.literal('return_for_correction'), message: ZTransitionText }),
  z.object({ type: z.literal('resubmit') }),
  z.object({ type: z.literal('complete_review') }),
  z.object({ type: z.literal('approve') }),
  z.object({ type: z.literal('reject'), reason: ZTransitionText }),
  z.object({ type: z.literal('withdraw') }),
]);
export type TApplicationEvent = z.infer<typeof ZApplicationEvent>;

/** What the machine needs from the tenant configuration (the whole TTenantConfig fits). */
export type TApplicationContext = { approvalSteps: TApprovalSteps };

/** Decided states: nothing can happen to the application any more; a new one may be started after rejected/withdrawn. */
export const APPLICATION_FINAL_STATES = ['approved', 'rejected', 'withdrawn'] as const satisfies readonly TApplicationState[];

export function isApplicationFinal(state: TApplicationState): boolean {
  return (APPLICATION_FINAL_STATES as readonly TApplicationState[]).includes(state);
}

/** SPEC C1: the applicant edits only a draft, or an application returned for correction. */
export function isEditableByApplicant(state: TApplicationState): boolean {
  return state === 'draft' || state === 'returned';
}

const SUBMITTER: TFirer[] = [{ kind: 'applicant', permission: 'submit' }];
const SECRETARIAT: TFirer[] = [{ kind: 'staff', role: 'secretariat' }];
const MINISTRY: TFirer[] = [{ kind: 'staff', role: 'ministry' }];

const hasMinistryStep = (context: TApplicationContext) => context.approvalSteps === 'secretariat-then-ministry';

/** Approval, by the ministry or (without a ministry step) by the secretariat completing the review. */
const approvalEffects = (): TEffect[] => [
  { type: 'activate-membership' },
  generateCertificateEffect('application_approved'),
  mailEffect('application-approved', 'applicant'),
  auditEffect('application.approved'),
];

type TRule = TTransitionRule<TApplicationState, TApplicationEvent, TApplicationContext>;

export const APPLICATION_TRANSITIONS: readonly TRule[] = [
  {
    from: 'draft',
    event: 'submit',
    to: 'submitted',
    who: SUBMITTER,
    effects: () => [
      mailEffect('application-received', 'applicant'),
      mailEffect('application-submitted-notice', 'secretariat'),
      auditEffect('application.submitted'),
    ],
  },
  { from: 'draft', event: 'withdraw', to: 'withdrawn', who: SUBMITTER, effects: () => [auditEffect('application.withdrawn')] },
  {
    from: 'submitted',
    event: 'start_review',
    to: 'under_review',
    who: SECRETARIAT,
    effects: () => [auditEffect('application.review_started')],
  },
  {
    from: 'resubmitted',
    event: 'start_review',
    to: 'under_review',
    who: SECRETARIAT,
    effects: () => [auditEffect('application.review_started')],
  },
  {
    from: 'under_review',
    event: 'return_for_correction',
    to: 'returned',
    who: SECRETARIAT,
    effects: () => [mailEffect('application-returned', 'applicant'), auditEffect('application.returned')],
  },
  {
    from: 'under_review',
    event: 'complete_review',
    when: hasMinistryStep,
    to: 'forwarded',
    who: SECRETARIAT,
    effects: () => [mailEffect('application-forwarded-notice', 'ministry'), auditEffect('application.forwarded')],
  },
  {
    from: 'under_review',
    event: 'complete_review',
    when: (context) => !hasMinistryStep(context),
    to: 'approved',
    who: SECRETARIAT,
    effects: approvalEffects,
  },
  {
    // Where the ministry approves, refusing membership is its decision too; the secretariat returns
    // or forwards (ADR 009). Where the secretariat is the only step, it decides both ways.
    from: 'under_review',
    event: 'reject',
    when: (context) => !hasMinistryStep(context),
    to: 'rejected',
    who: SECRETARIAT,
    effects: () => [mailEffect('application-rejected', 'applicant'), auditEffect('application.rejected')],
  },
  {
    from: 'returned',
    event: 'resubmit',
    to: 'resubmitted',
    who: SUBMITTER,
    effects: () => [
      mailEffect('application-resubmitted', 'applicant'),
      mailEffect('application-resubmitted-notice', 'secretariat'),
      auditEffect('application.resubmitted'),
    ],
  },
  {
    from: 'returned',
    event: 'withdraw',
    to: 'withdrawn',
    who: SUBMITTER,
    effects: () => [mailEffect('application-withdrawn-notice', 'secretariat'), auditEffect('application.withdrawn')],
  },
  // A forwarded application stays with the ministry even if the tenant later drops the ministry step.
  { from: 'forwarded', event: 'approve', to: 'approved', who: MINISTRY, effects: approvalEffects },
  {
    from: 'forwarded',
    event: 'reject',
    to: 'rejected',
    who: MINISTRY,
    effects: () => [mailEffect('application-rejected', 'applicant'), auditEffect('application.rejected')],
  },
];

export const applicationMachine: TMachine<TApplicationState, TApplicationEvent, TApplicationContext> = {
  name: 'application',
  states: APPLICATION_STATES,
  eventTypes: APPLICATION_EVENTS,
  eventSchema: ZApplicationEvent,
  rules: APPLICATION_TRANSITIONS,
};

export function transitionApplication(
  state: TApplicationState,
  event: TApplicationEvent,
  actor: TActor,
  context: TApplicationContext,
): TTransitionResult<TApplicationState> {
  return fireEvent(applicationMachine, state, event, actor, context);
}

export function availableApplicationEvents(state: TApplicationState, actor: TActor, context: TApplicationContext): TApplicationEventType[] {
  return availableEvents(applicationMachine, state, actor, context);
}

/**
 * Guard for every portal edit path of an application (STEP1, workers, establishments, documents):
 * the application must be editable (SPEC C1), and the actor needs `edit` (same order as the
 * machines: state first, then actor). The refusal while submitted, under review or forwarded
 * carries `application.lockedUnderReview`, whose text points to the secretariat.
 */
export function checkApplicantCanEdit(state: TApplicationState, actor: TActor): TCheckResult {
  if (!isEditableByApplicant(state)) {
    return {
      ok: false,
      error: new IllegalTransitionError(
        'application',
        state,
        'edit',
        isApplicationFinal(state) ? 'transition.illegal' : 'application.lockedUnderReview',
      ),
    };
  }
  if (!isActorAllowed(actor, [{ kind: 'applicant', permission: 'edit' }])) {
    return { ok: false, error: new ForbiddenTransitionError('application', state, 'edit', actor.kind) };
  }
  return { ok: true };
}
