import { describe, expect, it } from 'vitest';
import { applicationMachine } from '../application/application-machine';
import { certificateMachine } from '../certificate/certificate-machine';
import { reissueMachine, requestReissue } from '../certificate/reissue-machine';
import { changeRequestMachine } from '../change-request/change-request-machine';
import { CHANGE_ITEM_KINDS, type TChangeItemKind } from '../change-request/change-request-states';
import { membershipMachine } from '../membership/membership-machine';
import {
  applicantActor,
  ForbiddenTransitionError,
  IllegalTransitionError,
  InvalidTransitionInputError,
  isActorAllowed,
  isTransitionError,
  staffActor,
  SYSTEM_ACTOR,
  type TEffect,
  type TMachine,
  TRANSITION_MAIL_TEMPLATES,
  unwrapTransition,
  ZEffect,
} from './transition';

describe('actors', () => {
  it('G7 an applicant is allowed by the permission it holds, staff by role, the system only as the system', () => {
    const submitter = applicantActor(['view', 'submit']);
    expect(isActorAllowed(submitter, [{ kind: 'applicant', permission: 'submit' }])).toBe(true);
    expect(isActorAllowed(submitter, [{ kind: 'applicant', permission: 'edit' }])).toBe(false);
    expect(isActorAllowed(staffActor('secretariat'), [{ kind: 'staff', role: 'secretariat' }])).toBe(true);
    expect(isActorAllowed(staffActor('ministry'), [{ kind: 'staff', role: 'secretariat' }])).toBe(false);
    expect(isActorAllowed(SYSTEM_ACTOR, [{ kind: 'system' }])).toBe(true);
    expect(
      isActorAllowed(SYSTEM_ACTOR, [
        { kind: 'applicant', permission: 'view' },
        { kind: 'staff', role: 'tenant_admin' },
      ]),
    ).toBe(false);
    expect(isActorAllowed(submitter, [])).toBe(false);
  });
});

describe('errors', () => {
  it('carry machine, state, event and a stable message key, and are real Errors', () => {
    const illegal = new IllegalTransitionError('application', 'submitted', 'submit');
    expect(illegal).toBeInstanceOf(Error);
    expect(illegal).toMatchObject({
      name: 'IllegalTransitionError',
      code: 'illegal',
      machine: 'application',
      state: 'submitted',
      event: 'submit',
      messageKey: 'transition.illegal',
    });
    const forbidden = new ForbiddenTransitionError('certificate', 'issued', 'download', 'staff');
    expect(forbidden).toMatchObject({
      name: 'ForbiddenTransitionError',
      code: 'forbidden',
      actorKind: 'staff',
      messageKey: 'transition.forbidden',
    });
    const invalid = new InvalidTransitionInputError('reissue', 'requested', 'decline', [
      { path: 'reason', messageKey: 'transition.textRequired' },
    ]);
    expect(invalid).toMatchObject({ name: 'InvalidTransitionInputError', code: 'invalid_input', messageKey: 'transition.invalidInput' });
    expect([illegal, forbidden, invalid].every(isTransitionError)).toBe(true);
    expect(isTransitionError(new Error('x'))).toBe(false);
  });

  it('unwrapTransition returns the success and throws the typed error (to roll a transaction back)', () => {
    const ok = { ok: true as const, from: 'issued' as const, to: 'downloaded' as const, effects: [] };
    expect(unwrapTransition(ok)).toEqual({ from: 'issued', to: 'downloaded', effects: [] });
    const error = new IllegalTransitionError('certificate', 'downloaded', 'download', 'certificate.alreadyDownloaded');
    expect(() => unwrapTransition({ ok: false, error })).toThrow(error);
  });
});

describe('effects are outbox data', () => {
  it('a valid effect of every type parses', () => {
    const effects: TEffect[] = [
      { type: 'mail', template: 'application-received', to: 'applicant' },
      { type: 'job', name: 'generate-certificate', reason: 'application_approved' },
      { type: 'audit', action: 'application.submitted' },
      { type: 'activate-membership' },
      { type: 'apply-change-items', kinds: ['other'] },
      { type: 'discard-change-items', kinds: ['worker_add'] },
      { type: 'cancel-pending-change-requests' },
      { type: 'cancel-pending-reissue-requests' },
      { type: 'revoke-certificate' },
    ];
    for (const effect of effects) expect(ZEffect.parse(effect)).toEqual(effect);
  });

  it.each([
    { type: 'mail', template: 'no-such-template', to: 'applicant' },
    { type: 'mail', template: 'application-received', to: 'everyone' },
    { type: 'job', name: 'delete-everything', reason: 'application_approved' },
    { type: 'audit', action: 'Not An Action' },
    { type: 'apply-change-items', kinds: [] },
    { type: 'revoke-certificate', extra: true },
    { type: 'unlock-application' },
  ])('a stored effect that is not one of ours is refused: %j', (effect) => {
    expect(ZEffect.safeParse(effect).success).toBe(false);
  });
});

/** Every context worth trying: both approval steps, and each non-empty combination of kinds. */
const kindSets: TChangeItemKind[][] = Array.from({ length: 2 ** CHANGE_ITEM_KINDS.length - 1 }, (_, index) =>
  CHANGE_ITEM_KINDS.filter((_, bit) => ((index + 1) >> bit) & 1),
);
const STEPS = ['secretariat', 'secretariat-then-ministry'] as const;
// biome-ignore lint/suspicious/noExplicitAny: a heterogeneous list of machines, each with its own contexts
const MACHINES: { machine: TMachine<any, any, any>; contexts: unknown[] }[] = [
  { machine: applicationMachine, contexts: STEPS.map((approvalSteps) => ({ approvalSteps })) },
  { machine: changeRequestMachine, contexts: STEPS.flatMap((approvalSteps) => kindSets.map((kinds) => ({ approvalSteps, kinds }))) },
  { machine: certificateMachine, contexts: [undefined] },
  { machine: reissueMachine, contexts: [undefined] },
  { machine: membershipMachine, contexts: [undefined] },
];

describe('machine tables', () => {
  it.each(MACHINES.map(({ machine, contexts }) => ({ name: machine.name, machine, contexts })))(
    '$name: at most one rule applies to any state, event and context (deterministic)',
    ({ machine, contexts }) => {
      for (const context of contexts) {
        for (const state of machine.states) {
          for (const event of machine.eventTypes) {
            const matching = machine.rules.filter(
              (rule) => rule.from === state && rule.event === event && (rule.when === undefined || rule.when(context)),
            );
            expect(matching.length, `${state} ${event} ${JSON.stringify(context)}`).toBeLessThanOrEqual(1);
          }
        }
      }
    },
  );

  it.each(MACHINES.map(({ machine }) => ({ name: machine.name, machine })))(
    '$name: rules name only its own states and events',
    ({ machine }) => {
      for (const rule of machine.rules) {
        expect(machine.eventTypes).toContain(rule.event);
        expect(machine.states).toContain(rule.from);
        if (typeof rule.to === 'string') expect(machine.states).toContain(rule.to);
      }
    },
  );

  it('G3 every mail template the machines can ask for is listed, and every listed one is used', () => {
    const used = new Set<string>();
    for (const { machine, contexts } of MACHINES) {
      for (const context of contexts) {
        for (const rule of machine.rules) {
          if (rule.when !== undefined && !rule.when(context)) continue;
          for (const effect of rule.effects(context)) if (effect.type === 'mail') used.add(effect.template);
        }
      }
    }
    const created = requestReissue(
      applicantActor(['request_reissue']),
      { certificateState: 'downloaded', hasOpenRequest: false },
      { reason: '紛失' },
    );
    if (created.ok) for (const effect of created.effects) if (effect.type === 'mail') used.add(effect.template);
    expect([...used].sort()).toEqual([...TRANSITION_MAIL_TEMPLATES].sort());
  });
});
