import { z } from 'zod';
import {
  type TActor,
  type TEffect,
  type TFirer,
  type TMachine,
  type TTransitionInputIssue,
  type TTransitionResult,
  type TTransitionRule,
  auditEffect,
  availableEvents,
  fireEvent,
  generateCertificateEffect,
  mailEffect,
  ZTransitionText,
} from '../shared/transition';
import type { TApprovalSteps } from '../tenant/tenant-config';
import { CHANGE_ITEM_KINDS, CHANGE_REQUEST_STATES, type TChangeItemKind, type TChangeRequestState } from './change-request-states';

/**
 * A member's request to change registered information (SPEC D1-D6; ADR 010). One request holds
 * items of one or more kinds; each kind either applies at once or waits for the decision on the
 * request. The request is decided as a whole: one review, one decision, one mail.
 */

export const ZChangeItemKind = z.enum(CHANGE_ITEM_KINDS);

export type TChangeItemClass = { needsReview: boolean; needsMinistry: boolean; issuesCertificate: boolean };

/**
 * SPEC D1: certificate items (法人名, 法人所在地, 代表者役職, 代表者名) are reviewed, approved by the ministry
 * where the tenant has that step, and produce a new certificate. D2-D4 (workers, their
 * establishments, establishments) are reviewed by the secretariat and end with a "review complete"
 * mail. D5 (everything else) applies at once, and is still recorded in the change history.
 */
export function classifyChangeItem(kind: TChangeItemKind, approvalSteps: TApprovalSteps): TChangeItemClass {
  switch (kind) {
    case 'certificate_items':
      return { needsReview: true, needsMinistry: approvalSteps === 'secretariat-then-ministry', issuesCertificate: true };
    case 'worker_add':
    case 'worker_establishments':
    case 'establishment_edit':
    case 'establishment_add':
      return { needsReview: true, needsMinistry: false, issuesCertificate: false };
    case 'other':
      return { needsReview: false, needsMinistry: false, issuesCertificate: false };
  }
}

export type TChangeSubmissionPlan = {
  /** Kinds applied when the request is submitted (D5). */
  applyImmediately: TChangeItemKind[];
  /** Kinds that wait for the decision on the request and are applied on approval. */
  applyAfterReview: TChangeItemKind[];
  needsReview: boolean;
  needsMinistry: boolean;
  issuesCertificate: boolean;
};

/**
 * SPEC D6: one submission may hold several kinds. Kinds come out once each, in the order of
 * CHANGE_ITEM_KINDS, whatever order or repetition they came in.
 */
export function planChangeSubmission(kinds: readonly TChangeItemKind[], approvalSteps: TApprovalSteps): TChangeSubmissionPlan {
  const present = CHANGE_ITEM_KINDS.filter((kind) => kinds.includes(kind));
  const classes = present.map((kind) => ({ kind, ...classifyChangeItem(kind, approvalSteps) }));
  return {
    applyImmediately: classes.filter((c) => !c.needsReview).map((c) => c.kind),
    applyAfterReview: classes.filter((c) => c.needsReview).map((c) => c.kind),
    needsReview: classes.some((c) => c.needsReview),
    needsMinistry: classes.some((c) => c.needsMinistry),
    issuesCertificate: classes.some((c) => c.issuesCertificate),
  };
}

export const CHANGE_REQUEST_EVENTS = ['submit', 'start_review', 'complete_review', 'approve', 'reject', 'cancel'] as const;
export type TChangeRequestEventType = (typeof CHANGE_REQUEST_EVENTS)[number];

export const ZChangeRequestEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('submit') }),
  z.object({ type: z.literal('start_review') }),
  z.object({ type: z.literal('complete_review') }),
  z.object({ type: z.literal('approve') }),
  z.object({ type: z.literal('reject'), reason: ZTransitionText }),
  z.object({ type: z.literal('cancel') }),
]);
export type TChangeRequestEvent = z.infer<typeof ZChangeRequestEvent>;

/** The tenant's approval steps and the kinds of the items this request holds. */
export type TChangeRequestContext = { approvalSteps: TApprovalSteps; kinds: readonly TChangeItemKind[] };

/** Not yet decided: what a withdrawal cancels (SPEC D6, F1). */
export const CHANGE_REQUEST_PENDING_STATES = [
  'draft',
  'submitted',
  'under_review',
  'forwarded',
] as const satisfies readonly TChangeRequestState[];

export function isChangeRequestPending(state: TChangeRequestState): boolean {
  return (CHANGE_REQUEST_PENDING_STATES as readonly TChangeRequestState[]).includes(state);
}

/** Items are added, edited and removed only while the request is a draft. */
export function isChangeRequestEditable(state: TChangeRequestState): boolean {
  return state === 'draft';
}

const plan = (context: TChangeRequestContext) => planChangeSubmission(context.kinds, context.approvalSteps);

const apply = (kinds: TChangeItemKind[]): TEffect[] => (kinds.length > 0 ? [{ type: 'apply-change-items', kinds }] : []);
const discard = (kinds: TChangeItemKind[]): TEffect[] => (kinds.length > 0 ? [{ type: 'discard-change-items', kinds }] : []);

const approvalEffects = (context: TChangeRequestContext): TEffect[] => {
  const p = plan(context);
  return [
    ...apply(p.applyAfterReview),
    ...(p.issuesCertificate ? [generateCertificateEffect('certificate_item_change')] : []),
    mailEffect('change-request-approved', 'applicant'),
    auditEffect('change_request.approved'),
  ];
};

const rejectionEffects = (context: TChangeRequestContext): TEffect[] => [
  ...discard(plan(context).applyAfterReview),
  mailEffect('change-request-rejected', 'applicant'),
  auditEffect('change_request.rejected'),
];

/** After submission the D5 items are already applied: only the ones waiting for review are dropped. */
const cancelAfterSubmitEffects = (context: TChangeRequestContext): TEffect[] => [
  ...discard(plan(context).applyAfterReview),
  auditEffect('change_request.cancelled'),
];

const requireItems = (context: TChangeRequestContext): TTransitionInputIssue[] =>
  context.kinds.length === 0 ? [{ path: 'items', messageKey: 'changeRequest.noItems' }] : [];

const SYSTEM: TFirer = { kind: 'system' };
const SECRETARIAT: TFirer[] = [{ kind: 'staff', role: 'secretariat' }];
const MINISTRY: TFirer[] = [{ kind: 'staff', role: 'ministry' }];
/** 「変更を取り消す」 after submission: whoever may submit may take it back; the system cancels on withdrawal. */
const CANCEL_SUBMITTED: TFirer[] = [{ kind: 'applicant', permission: 'submit' }, SYSTEM];

type TRule = TTransitionRule<TChangeRequestState, TChangeRequestEvent, TChangeRequestContext>;

export const CHANGE_REQUEST_TRANSITIONS: readonly TRule[] = [
  {
    from: 'draft',
    event: 'submit',
    when: (context) => plan(context).needsReview,
    to: 'submitted',
    who: [{ kind: 'applicant', permission: 'submit' }],
    validate: requireItems,
    effects: (context) => [
      ...apply(plan(context).applyImmediately),
      mailEffect('change-request-received', 'applicant'),
      mailEffect('change-request-submitted-notice', 'secretariat'),
      auditEffect('change_request.submitted'),
    ],
  },
  {
    // Only D5 items: applied at once and done. The mail tells every user of the member that its
    // registration changed (a changed contact address must not go unnoticed).
    from: 'draft',
    event: 'submit',
    when: (context) => !plan(context).needsReview,
    to: 'approved',
    who: [{ kind: 'applicant', permission: 'submit' }],
    validate: requireItems,
    effects: (context) => [
      ...apply(plan(context).applyImmediately),
      mailEffect('change-request-applied', 'applicant'),
      auditEffect('change_request.applied'),
    ],
  },
  {
    // Nothing of a draft has been applied, so every item is dropped.
    from: 'draft',
    event: 'cancel',
    to: 'cancelled',
    who: [{ kind: 'applicant', permission: 'edit' }, SYSTEM],
    effects: (context) => [
      ...discard(CHANGE_ITEM_KINDS.filter((kind) => context.kinds.includes(kind))),
      auditEffect('change_request.cancelled'),
    ],
  },
  {
    from: 'submitted',
    event: 'start_review',
    to: 'under_review',
    who: SECRETARIAT,
    effects: () => [auditEffect('change_request.review_started')],
  },
  { from: 'submitted', event: 'cancel', to: 'cancelled', who: CANCEL_SUBMITTED, effects: cancelAfterSubmitEffects },
  {
    from: 'under_review',
    event: 'complete_review',
    when: (context) => plan(context).needsMinistry,
    to: 'forwarded',
    who: SECRETARIAT,
    effects: () => [mailEffect('change-request-forwarded-notice', 'ministry'), auditEffect('change_request.forwarded')],
  },
  {
    from: 'under_review',
    event: 'complete_review',
    when: (context) => !plan(context).needsMinistry,
    to: 'approved',
    who: SECRETARIAT,
    effects: approvalEffects,
  },
  // Unlike an application, a change request has no "returned" state: rejecting (with a reason) is
  // how the secretariat sends a wrong change back, whatever the kinds (ADR 010).
  { from: 'under_review', event: 'reject', to: 'rejected', who: SECRETARIAT, effects: rejectionEffects },
  { from: 'under_review', event: 'cancel', to: 'cancelled', who: CANCEL_SUBMITTED, effects: cancelAfterSubmitEffects },
  { from: 'forwarded', event: 'approve', to: 'approved', who: MINISTRY, effects: approvalEffects },
  { from: 'forwarded', event: 'reject', to: 'rejected', who: MINISTRY, effects: rejectionEffects },
  // While the ministry decides, only a withdrawal takes the request back (ADR 010).
  { from: 'forwarded', event: 'cancel', to: 'cancelled', who: [SYSTEM], effects: cancelAfterSubmitEffects },
];

export const changeRequestMachine: TMachine<TChangeRequestState, TChangeRequestEvent, TChangeRequestContext> = {
  name: 'change_request',
  states: CHANGE_REQUEST_STATES,
  eventTypes: CHANGE_REQUEST_EVENTS,
  eventSchema: ZChangeRequestEvent,
  rules: CHANGE_REQUEST_TRANSITIONS,
};

export function transitionChangeRequest(
  state: TChangeRequestState,
  event: TChangeRequestEvent,
  actor: TActor,
  context: TChangeRequestContext,
): TTransitionResult<TChangeRequestState> {
  return fireEvent(changeRequestMachine, state, event, actor, context);
}

export function availableChangeRequestEvents(
  state: TChangeRequestState,
  actor: TActor,
  context: TChangeRequestContext,
): TChangeRequestEventType[] {
  return availableEvents(changeRequestMachine, state, actor, context);
}
