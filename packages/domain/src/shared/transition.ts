import { z } from 'zod';
import type { TStaffRole } from '../auth/roles';
import { CHANGE_ITEM_KINDS } from '../change-request/change-request-states';
import type { TPermission } from '../organisation/organisation-roles';
import { CERTIFICATE_ISSUE_REASONS } from '../certificate/certificate-snapshot';

/**
 * The common shape of every state machine in this package (application, change request,
 * certificate, reissue request, membership): who fires an event, what a transition returns, the
 * side effects as data, and the typed errors. The machines are pure: the API loads the current
 * state, calls the machine, and in ONE database transaction writes the new state (checking the
 * version column) and carries out the effects, in array order.
 */

export const MACHINE_NAMES = ['application', 'change_request', 'certificate', 'reissue', 'membership'] as const;
export type TMachineName = (typeof MACHINE_NAMES)[number];

// ---------------------------------------------------------------------------------------------
// Actors

/**
 * Who fires an event. An applicant carries the permissions of its role in the organisation it
 * is acting for (see organisation/permissions.ts, effectivePermissions); staff carry their staff
 * role; `system` is the platform itself: cascades of another transition (e.g. a withdrawal
 * cancelling pending change requests) and jobs (a new certificate superseding the old one).
 */
export type TActor =
  | { kind: 'applicant'; permissions: ReadonlySet<TPermission> }
  | { kind: 'staff'; role: TStaffRole }
  | { kind: 'system' };

export const SYSTEM_ACTOR: TActor = Object.freeze({ kind: 'system' });

export function applicantActor(permissions: Iterable<TPermission>): TActor {
  return { kind: 'applicant', permissions: new Set(permissions) };
}

export function staffActor(role: TStaffRole): TActor {
  return { kind: 'staff', role };
}

/**
 * One entry of a transition's "who may fire it" list: an applicant holding a permission, a
 * staff role, or the system. Data rather than a predicate, so tests and ADR tables can list it.
 */
export type TFirer = { kind: 'applicant'; permission: TPermission } | { kind: 'staff'; role: TStaffRole } | { kind: 'system' };

export function isActorAllowed(actor: TActor, firers: readonly TFirer[]): boolean {
  return firers.some((firer) => firerMatches(actor, firer));
}

function firerMatches(actor: TActor, firer: TFirer): boolean {
  if (firer.kind === 'applicant') return actor.kind === 'applicant' && actor.permissions.has(firer.permission);
  if (firer.kind === 'staff') return actor.kind === 'staff' && actor.role === firer.role;
  return actor.kind === 'system';
}

// ---------------------------------------------------------------------------------------------
// Effects: data the API turns into rows (outbox, audit) or cascaded transitions, in the same
// transaction as the state change. Zod schemas so the outbox can store and re-read them.

/**
 * Every mail template a transition can ask for. The email package must provide each one (a test
 * there can check `TRANSITION_MAIL_TEMPLATES` against its catalogue). Props (names, links, the
 * return message or reason) are put together by the API from the record, not carried here.
 */
export const TRANSITION_MAIL_TEMPLATES = [
  'application-received',
  'application-submitted-notice',
  'application-resubmitted',
  'application-resubmitted-notice',
  'application-returned',
  'application-forwarded-notice',
  'application-approved',
  'application-rejected',
  'application-withdrawn-notice',
  'change-request-applied',
  'change-request-received',
  'change-request-submitted-notice',
  'change-request-forwarded-notice',
  'change-request-approved',
  'change-request-rejected',
  'reissue-request-received',
  'reissue-requested-notice',
  'reissue-approved',
  'reissue-declined',
  'membership-withdrawn',
  'membership-withdrawn-notice',
] as const;
export const ZTransitionMailTemplate = z.enum(TRANSITION_MAIL_TEMPLATES);
export type TTransitionMailTemplate = z.infer<typeof ZTransitionMailTemplate>;

/** `applicant`: the member organisation's users and contact; the others: the tenant's staff of that role. */
export const ZMailRecipient = z.enum(['applicant', 'secretariat', 'ministry']);
export type TMailRecipient = z.infer<typeof ZMailRecipient>;

export const ZMailEffect = z.strictObject({ type: z.literal('mail'), template: ZTransitionMailTemplate, to: ZMailRecipient });

/**
 * Why a certificate is generated: printed nowhere, but recorded with the certificate. The same
 * words as the certificate's own record (`CERTIFICATE_ISSUE_REASONS`), so the executors pass the
 * machine's reason through instead of translating one vocabulary into another.
 */
export const ZCertificateIssueReason = z.enum(CERTIFICATE_ISSUE_REASONS);
export type TCertificateIssueReason = z.infer<typeof ZCertificateIssueReason>;

/**
 * A background job. `generate-certificate` makes the PDF from the currently approved values and,
 * once stored, supersedes the organisation's previous certificate (certificate machine, event
 * `supersede`, fired as the system).
 */
export const ZJobEffect = z.strictObject({
  type: z.literal('job'),
  name: z.literal('generate-certificate'),
  reason: ZCertificateIssueReason,
});

/** An audit-log entry; the API adds who, when, the record and the before/after state. */
export const ZAuditEffect = z.strictObject({ type: z.literal('audit'), action: z.string().regex(/^[a-z_]+\.[a-z_]+$/) });

/** Application approved: fire the membership machine's `activate` as the system. */
export const ZActivateMembershipEffect = z.strictObject({ type: z.literal('activate-membership') });

const ZChangeItemKinds = z.array(z.enum(CHANGE_ITEM_KINDS)).min(1);
/** Write the proposed values of this change request's items of these kinds over the current ones. */
export const ZApplyChangeItemsEffect = z.strictObject({ type: z.literal('apply-change-items'), kinds: ZChangeItemKinds });
/** Drop the proposed values of this change request's items of these kinds; current values stay untouched. */
export const ZDiscardChangeItemsEffect = z.strictObject({ type: z.literal('discard-change-items'), kinds: ZChangeItemKinds });

/** Withdrawal: fire `cancel` as the system on each of the organisation's pending change requests. */
export const ZCancelPendingChangeRequestsEffect = z.strictObject({ type: z.literal('cancel-pending-change-requests') });
/** Withdrawal: fire `cancel` as the system on the organisation's open reissue request, if any. */
export const ZCancelPendingReissueRequestsEffect = z.strictObject({ type: z.literal('cancel-pending-reissue-requests') });
/** Withdrawal: fire `revoke` as the system on the organisation's current certificate, if any. */
export const ZRevokeCertificateEffect = z.strictObject({ type: z.literal('revoke-certificate') });

export const ZEffect = z.discriminatedUnion('type', [
  ZMailEffect,
  ZJobEffect,
  ZAuditEffect,
  ZActivateMembershipEffect,
  ZApplyChangeItemsEffect,
  ZDiscardChangeItemsEffect,
  ZCancelPendingChangeRequestsEffect,
  ZCancelPendingReissueRequestsEffect,
  ZRevokeCertificateEffect,
]);
export type TEffect = z.infer<typeof ZEffect>;
export type TEffectType = TEffect['type'];
export const ZEffects = z.array(ZEffect);

export const mailEffect = (template: TTransitionMailTemplate, to: TMailRecipient): TEffect => ({ type: 'mail', template, to });
export const auditEffect = (action: string): TEffect => ({ type: 'audit', action });
export const generateCertificateEffect = (reason: TCertificateIssueReason): TEffect => ({
  type: 'job',
  name: 'generate-certificate',
  reason,
});

// ---------------------------------------------------------------------------------------------
// Errors: returned (not thrown) by the machines; they extend Error so the API can throw one to
// roll its transaction back (see unwrapTransition).

/**
 * Stable keys the clients translate. The generic three, plus more precise keys where the UI has
 * something better to say than "not possible now" (e.g. SPEC C4: ask for a reissue instead).
 */
export const TRANSITION_MESSAGE_KEYS = [
  'transition.illegal',
  'transition.forbidden',
  'transition.invalidInput',
  'application.lockedUnderReview',
  'certificate.alreadyDownloaded',
  'reissue.certificateNotDownloaded',
  'reissue.alreadyRequested',
  'membership.notActive',
] as const;
export type TTransitionMessageKey = (typeof TRANSITION_MESSAGE_KEYS)[number];

abstract class TransitionErrorBase extends Error {
  abstract readonly code: 'illegal' | 'forbidden' | 'invalid_input';
  constructor(
    readonly machine: TMachineName,
    readonly state: string,
    readonly event: string,
    readonly messageKey: TTransitionMessageKey,
    message: string,
  ) {
    super(message);
  }
}

/** The event is not possible in this state (or not under this tenant's approval steps). Map to CONFLICT. */
export class IllegalTransitionError extends TransitionErrorBase {
  override readonly name = 'IllegalTransitionError';
  readonly code = 'illegal';
  constructor(machine: TMachineName, state: string, event: string, messageKey: TTransitionMessageKey = 'transition.illegal') {
    super(machine, state, event, messageKey, `${machine}: event "${event}" is not allowed in state "${state}"`);
  }
}

/** The event is possible in this state, but not for this actor. Map to FORBIDDEN. */
export class ForbiddenTransitionError extends TransitionErrorBase {
  override readonly name = 'ForbiddenTransitionError';
  readonly code = 'forbidden';
  constructor(
    machine: TMachineName,
    state: string,
    event: string,
    readonly actorKind: TActor['kind'],
    messageKey: TTransitionMessageKey = 'transition.forbidden',
  ) {
    super(machine, state, event, messageKey, `${machine}: a ${actorKind} may not fire "${event}" in state "${state}"`);
  }
}

export type TTransitionInputIssue = { path: string; messageKey: string };

/** The event is possible and allowed, but its payload is wrong (e.g. a rejection without a reason). Map to BAD_REQUEST. */
export class InvalidTransitionInputError extends TransitionErrorBase {
  override readonly name = 'InvalidTransitionInputError';
  readonly code = 'invalid_input';
  constructor(
    machine: TMachineName,
    state: string,
    event: string,
    readonly issues: readonly TTransitionInputIssue[],
  ) {
    super(
      machine,
      state,
      event,
      'transition.invalidInput',
      `${machine}: invalid input for "${event}": ${issues.map((i) => `${i.path} ${i.messageKey}`).join(', ')}`,
    );
  }
}

export type TTransitionError = IllegalTransitionError | ForbiddenTransitionError | InvalidTransitionInputError;

export function isTransitionError(value: unknown): value is TTransitionError {
  return (
    value instanceof IllegalTransitionError || value instanceof ForbiddenTransitionError || value instanceof InvalidTransitionInputError
  );
}

// ---------------------------------------------------------------------------------------------
// Results

export type TTransitionResult<S extends string> = { ok: true; from: S; to: S; effects: TEffect[] } | { ok: false; error: TTransitionError };

/** For records that come into being in their first state (a reissue request): no `from`. */
export type TCreationResult<S extends string> = { ok: true; to: S; effects: TEffect[] } | { ok: false; error: TTransitionError };

/** A precondition (e.g. "may the applicant edit this now?") that is not itself a transition. */
export type TCheckResult = { ok: true } | { ok: false; error: TTransitionError };

/**
 * The success value, or throw the typed error: handy inside a database transaction, where the
 * throw rolls everything back and the API's error mapper turns the error into a tRPC code.
 */
export function unwrapTransition<S extends string>(result: TTransitionResult<S>): { from: S; to: S; effects: TEffect[] } {
  if (!result.ok) throw result.error;
  return { from: result.from, to: result.to, effects: result.effects };
}

// ---------------------------------------------------------------------------------------------
// The engine shared by the machines

/** Free text an event must carry (a return message, a rejection reason). */
export const ZTransitionText = z.string().trim().min(1, 'transition.textRequired').max(4000, 'transition.textTooLong');

export type TEventBase = { type: string };

export type TTransitionRule<S extends string, E extends TEventBase, C> = {
  readonly from: S;
  readonly event: E['type'];
  /** Availability that depends on the tenant or the record (approval steps, kinds of items); when false the event is illegal. */
  readonly when?: (context: C) => boolean;
  readonly to: S | ((context: C) => S);
  readonly who: readonly TFirer[];
  /** Payload checks beyond the event schema that need the context (e.g. a change request with no items). */
  readonly validate?: (context: C) => TTransitionInputIssue[];
  readonly effects: (context: C) => TEffect[];
};

export type TMachine<S extends string, E extends TEventBase, C> = {
  readonly name: TMachineName;
  readonly states: readonly S[];
  readonly eventTypes: readonly E['type'][];
  readonly eventSchema: z.ZodType<E>;
  readonly rules: readonly TTransitionRule<S, E, C>[];
  /** A more precise message for some illegal (state, event) pairs. */
  readonly illegalMessageKey?: (state: S, event: E['type']) => TTransitionMessageKey | undefined;
};

function findRule<S extends string, E extends TEventBase, C>(machine: TMachine<S, E, C>, state: S, eventType: string, context: C) {
  return machine.rules.find((rule) => rule.from === state && rule.event === eventType && (rule.when === undefined || rule.when(context)));
}

/**
 * Fire an event. Checks, in this order: is the event possible in this state (else Illegal), may
 * this actor fire it (else Forbidden), is the payload valid (else InvalidInput).
 */
export function fireEvent<S extends string, E extends TEventBase, C>(
  machine: TMachine<S, E, C>,
  state: S,
  event: E,
  actor: TActor,
  context: C,
): TTransitionResult<S> {
  const rule = findRule(machine, state, event.type, context);
  if (rule === undefined) {
    return {
      ok: false,
      error: new IllegalTransitionError(machine.name, state, event.type, machine.illegalMessageKey?.(state, event.type)),
    };
  }
  if (!isActorAllowed(actor, rule.who)) {
    return { ok: false, error: new ForbiddenTransitionError(machine.name, state, event.type, actor.kind) };
  }
  const parsed = machine.eventSchema.safeParse(event);
  const issues: TTransitionInputIssue[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), messageKey: issue.message }));
  issues.push(...(rule.validate?.(context) ?? []));
  if (issues.length > 0) {
    return { ok: false, error: new InvalidTransitionInputError(machine.name, state, event.type, issues) };
  }
  const to = typeof rule.to === 'function' ? rule.to(context) : rule.to;
  return { ok: true, from: state, to, effects: rule.effects(context) };
}

/** The events this actor could fire now (payload aside): what the UI offers as buttons. */
export function availableEvents<S extends string, E extends TEventBase, C>(
  machine: TMachine<S, E, C>,
  state: S,
  actor: TActor,
  context: C,
): E['type'][] {
  return machine.eventTypes.filter((eventType) => {
    const rule = findRule(machine, state, eventType, context);
    return rule !== undefined && isActorAllowed(actor, rule.who);
  });
}
