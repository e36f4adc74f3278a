import { describe, expect, it } from 'vitest';
import { ACTOR_NAMES, ACTORS, applicantsWith, type TExpectedTransition, walkMachine } from '../../test/machine-walk';
import { ForbiddenTransitionError, IllegalTransitionError, InvalidTransitionInputError, type TEffect } from '../shared/transition';
import {
  APPLICATION_EVENTS,
  applicationMachine,
  availableApplicationEvents,
  checkApplicantCanEdit,
  isApplicationFinal,
  isEditableByApplicant,
  type TApplicationEvent,
  type TApplicationEventType,
  transitionApplication,
} from './application-machine';
import { APPLICATION_STATES, type TApplicationState } from './application-states';

const eventOf = (type: TApplicationEventType): TApplicationEvent => {
  switch (type) {
    case 'return_for_correction':
      return { type, message: '雇用条件書の写しが不鮮明です。再度アップロードしてください。' };
    case 'reject':
      return { type, reason: '介護分野の事業所が確認できないため' };
    default:
      return { type };
  }
};

const SUBMITTERS = applicantsWith('submit');

const approval: TEffect[] = [
  { type: 'activate-membership' },
  { type: 'job', name: 'generate-certificate', reason: 'application_approved' },
  { type: 'mail', template: 'application-approved', to: 'applicant' },
  { type: 'audit', action: 'application.approved' },
];
const rejection: TEffect[] = [
  { type: 'mail', template: 'application-rejected', to: 'applicant' },
  { type: 'audit', action: 'application.rejected' },
];

type TRow = TExpectedTransition<TApplicationState, TApplicationEvent>;

/** Identical under both approval steps. */
const common: TRow[] = [
  {
    spec: 'B5',
    from: 'draft',
    event: 'submit',
    to: 'submitted',
    allowed: SUBMITTERS,
    effects: [
      { type: 'mail', template: 'application-received', to: 'applicant' },
      { type: 'mail', template: 'application-submitted-notice', to: 'secretariat' },
      { type: 'audit', action: 'application.submitted' },
    ],
  },
  {
    spec: 'B3',
    from: 'draft',
    event: 'withdraw',
    to: 'withdrawn',
    allowed: SUBMITTERS,
    effects: [{ type: 'audit', action: 'application.withdrawn' }],
  },
  {
    spec: 'C1',
    from: 'submitted',
    event: 'start_review',
    to: 'under_review',
    allowed: ['secretariat'],
    effects: [{ type: 'audit', action: 'application.review_started' }],
  },
  {
    spec: 'C1',
    from: 'resubmitted',
    event: 'start_review',
    to: 'under_review',
    allowed: ['secretariat'],
    effects: [{ type: 'audit', action: 'application.review_started' }],
  },
  {
    spec: 'C1 G3',
    from: 'under_review',
    event: 'return_for_correction',
    to: 'returned',
    allowed: ['secretariat'],
    effects: [
      { type: 'mail', template: 'application-returned', to: 'applicant' },
      { type: 'audit', action: 'application.returned' },
    ],
  },
  {
    spec: 'C1',
    from: 'returned',
    event: 'resubmit',
    to: 'resubmitted',
    allowed: SUBMITTERS,
    effects: [
      { type: 'mail', template: 'application-resubmitted', to: 'applicant' },
      { type: 'mail', template: 'application-resubmitted-notice', to: 'secretariat' },
      { type: 'audit', action: 'application.resubmitted' },
    ],
  },
  {
    spec: 'C1',
    from: 'returned',
    event: 'withdraw',
    to: 'withdrawn',
    allowed: SUBMITTERS,
    effects: [
      { type: 'mail', template: 'application-withdrawn-notice', to: 'secretariat' },
      { type: 'audit', action: 'application.withdrawn' },
    ],
  },
];

/** The forwarded state stays decidable by the ministry under both settings (a tenant may change its steps). */
const ministryDecisions: TRow[] = [
  { spec: 'C3', from: 'forwarded', event: 'approve', to: 'approved', allowed: ['ministry'], effects: approval },
  { spec: 'C3 G3', from: 'forwarded', event: 'reject', to: 'rejected', allowed: ['ministry'], effects: rejection },
];

walkMachine({
  machine: applicationMachine,
  label: 'tenant with secretariat then ministry (care)',
  context: { approvalSteps: 'secretariat-then-ministry' },
  eventOf,
  spec: 'B5 C1-C3',
  legal: [
    ...common,
    {
      spec: 'C3',
      from: 'under_review',
      event: 'complete_review',
      to: 'forwarded',
      allowed: ['secretariat'],
      effects: [
        { type: 'mail', template: 'application-forwarded-notice', to: 'ministry' },
        { type: 'audit', action: 'application.forwarded' },
      ],
    },
    ...ministryDecisions,
  ],
});

walkMachine({
  machine: applicationMachine,
  label: 'tenant with the secretariat as the only step',
  context: { approvalSteps: 'secretariat' },
  eventOf,
  spec: 'B5 C1-C3 G2',
  legal: [
    ...common,
    { spec: 'C3 G2', from: 'under_review', event: 'complete_review', to: 'approved', allowed: ['secretariat'], effects: approval },
    { spec: 'C3 G2', from: 'under_review', event: 'reject', to: 'rejected', allowed: ['secretariat'], effects: rejection },
    ...ministryDecisions,
  ],
});

describe('application: SPEC rules beyond the table', () => {
  const care = { approvalSteps: 'secretariat-then-ministry' } as const;

  it('C1 the applicant edits only a draft or a returned application', () => {
    const editable = APPLICATION_STATES.filter(isEditableByApplicant);
    expect(editable).toEqual(['draft', 'returned']);
  });

  it.each(['submitted', 'under_review', 'resubmitted', 'forwarded'] as const)(
    'C1 an application %s cannot be edited by the applicant (locked, contact the secretariat)',
    (state) => {
      const result = checkApplicantCanEdit(state, ACTORS.org_admin);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error).toBeInstanceOf(IllegalTransitionError);
      expect(result.error).toMatchObject({ machine: 'application', state, event: 'edit', messageKey: 'application.lockedUnderReview' });
    },
  );

  it.each(['approved', 'rejected', 'withdrawn'] as const)('C1 a decided application (%s) cannot be edited', (state) => {
    const result = checkApplicantCanEdit(state, ACTORS.org_admin);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'illegal', messageKey: 'transition.illegal' });
  });

  it.each(['draft', 'returned'] as const)('C1 an application %s is editable by users with edit, and only by them', (state) => {
    for (const name of ACTOR_NAMES) {
      const result = checkApplicantCanEdit(state, ACTORS[name]);
      const hasEdit = applicantsWith('edit').includes(name);
      expect(result.ok, name).toBe(hasEdit);
      if (!result.ok) expect(result.error, name).toBeInstanceOf(ForbiddenTransitionError);
    }
  });

  it('C1 returning for correction unlocks the application; resubmitting locks it again', () => {
    const returned = transitionApplication('under_review', eventOf('return_for_correction'), ACTORS.secretariat, care);
    expect(returned.ok && isEditableByApplicant(returned.to)).toBe(true);
    const resubmitted = transitionApplication('returned', { type: 'resubmit' }, ACTORS.applicant_editor, care);
    expect(resubmitted.ok && isEditableByApplicant(resubmitted.to)).toBe(false);
  });

  it.each(['', '   ', '\n'])('C1 a return for correction needs a message (%j is refused)', (message) => {
    const result = transitionApplication('under_review', { type: 'return_for_correction', message }, ACTORS.secretariat, care);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(InvalidTransitionInputError);
    expect(result.error).toMatchObject({
      messageKey: 'transition.invalidInput',
      issues: [{ path: 'message', messageKey: 'transition.textRequired' }],
    });
  });

  it('C3 a rejection needs a reason', () => {
    const result = transitionApplication('forwarded', { type: 'reject', reason: ' ' }, ACTORS.ministry, care);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'invalid_input', issues: [{ path: 'reason', messageKey: 'transition.textRequired' }] });
  });

  it('C1 an overlong message is refused rather than cut', () => {
    const result = transitionApplication(
      'under_review',
      { type: 'return_for_correction', message: 'あ'.repeat(4001) },
      ACTORS.secretariat,
      care,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ issues: [{ path: 'message', messageKey: 'transition.textTooLong' }] });
  });

  it('C3 where the ministry approves, the secretariat cannot reject an application under review (ADR 009)', () => {
    const result = transitionApplication('under_review', eventOf('reject'), ACTORS.secretariat, care);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(IllegalTransitionError);
  });

  it('C3 a forbidden actor is told so before a missing reason is reported', () => {
    const result = transitionApplication('forwarded', { type: 'reject', reason: '' }, ACTORS.secretariat, care);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(ForbiddenTransitionError);
  });

  it('B5 a concurrent second submit finds the application submitted and is illegal', () => {
    const first = transitionApplication('draft', { type: 'submit' }, ACTORS.org_admin, care);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const second = transitionApplication(first.to, { type: 'submit' }, ACTORS.org_admin, care);
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.error).toMatchObject({ code: 'illegal', state: 'submitted', event: 'submit' });
  });

  it('G1 the admin offers the secretariat the review buttons that fit the tenant', () => {
    expect(availableApplicationEvents('under_review', ACTORS.secretariat, care)).toEqual(['return_for_correction', 'complete_review']);
    expect(availableApplicationEvents('under_review', ACTORS.secretariat, { approvalSteps: 'secretariat' })).toEqual([
      'return_for_correction',
      'complete_review',
      'reject',
    ]);
    expect(availableApplicationEvents('forwarded', ACTORS.ministry, care)).toEqual(['approve', 'reject']);
  });

  it('final states are exactly those with no way out', () => {
    for (const state of APPLICATION_STATES) {
      const anyWayOut = APPLICATION_EVENTS.some((type) =>
        ACTOR_NAMES.some(
          (name) =>
            transitionApplication(state, eventOf(type), ACTORS[name], care).ok ||
            transitionApplication(state, eventOf(type), ACTORS[name], { approvalSteps: 'secretariat' }).ok,
        ),
      );
      expect(isApplicationFinal(state), state).toBe(!anyWayOut);
    }
  });
});
