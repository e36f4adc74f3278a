import { describe, expect, it } from 'vitest';
import { ACTORS, applicantsWith, type TExpectedTransition, walkMachine } from '../../test/machine-walk';
import { InvalidTransitionInputError, type TEffect } from '../shared/transition';
import type { TApprovalSteps } from '../tenant/tenant-config';
import {
  availableChangeRequestEvents,
  CHANGE_REQUEST_PENDING_STATES,
  changeRequestMachine,
  classifyChangeItem,
  isChangeRequestEditable,
  isChangeRequestPending,
  planChangeSubmission,
  type TChangeRequestEvent,
  type TChangeRequestEventType,
  transitionChangeRequest,
} from './change-request-machine';
import { CHANGE_REQUEST_STATES, type TChangeItemKind, type TChangeRequestState } from './change-request-states';

describe('classifyChangeItem: every kind under both approval steps (SPEC D1-D5)', () => {
  const table: [TChangeItemKind, TApprovalSteps, boolean, boolean, boolean][] = [
    // kind, approval steps, needsReview, needsMinistry, issuesCertificate
    ['certificate_items', 'secretariat-then-ministry', true, true, true],
    ['certificate_items', 'secretariat', true, false, true],
    ['worker_add', 'secretariat-then-ministry', true, false, false],
    ['worker_add', 'secretariat', true, false, false],
    ['worker_establishments', 'secretariat-then-ministry', true, false, false],
    ['worker_establishments', 'secretariat', true, false, false],
    ['establishment_edit', 'secretariat-then-ministry', true, false, false],
    ['establishment_edit', 'secretariat', true, false, false],
    ['establishment_add', 'secretariat-then-ministry', true, false, false],
    ['establishment_add', 'secretariat', true, false, false],
    ['other', 'secretariat-then-ministry', false, false, false],
    ['other', 'secretariat', false, false, false],
  ];
  it.each(table)(
    'D1-D5 %s under %s: review %s, ministry %s, new certificate %s',
    (kind, steps, needsReview, needsMinistry, issuesCertificate) => {
      expect(classifyChangeItem(kind, steps)).toEqual({ needsReview, needsMinistry, issuesCertificate });
    },
  );
});

describe('planChangeSubmission (SPEC D6)', () => {
  it('D5 other information alone applies at once, with no review', () => {
    expect(planChangeSubmission(['other'], 'secretariat-then-ministry')).toEqual({
      applyImmediately: ['other'],
      applyAfterReview: [],
      needsReview: false,
      needsMinistry: false,
      issuesCertificate: false,
    });
  });
  it('D1 certificate items go to the ministry where the tenant has that step, and issue a new certificate', () => {
    expect(planChangeSubmission(['certificate_items'], 'secretariat-then-ministry')).toEqual({
      applyImmediately: [],
      applyAfterReview: ['certificate_items'],
      needsReview: true,
      needsMinistry: true,
      issuesCertificate: true,
    });
  });
  it('D1 without a ministry step the secretariat decides, still with a new certificate', () => {
    expect(planChangeSubmission(['certificate_items'], 'secretariat')).toMatchObject({
      needsReview: true,
      needsMinistry: false,
      issuesCertificate: true,
    });
  });
  it('D2-D4 workers and establishments are reviewed by the secretariat only, with no new certificate', () => {
    expect(
      planChangeSubmission(['establishment_add', 'worker_add', 'worker_establishments', 'establishment_edit'], 'secretariat-then-ministry'),
    ).toEqual({
      applyImmediately: [],
      applyAfterReview: ['worker_add', 'worker_establishments', 'establishment_edit', 'establishment_add'],
      needsReview: true,
      needsMinistry: false,
      issuesCertificate: false,
    });
  });
  it('D6 one submission with every kind: other at once, the rest after review, ministry and certificate for the request', () => {
    expect(
      planChangeSubmission(
        ['other', 'worker_add', 'certificate_items', 'other', 'establishment_add', 'worker_establishments', 'establishment_edit'],
        'secretariat-then-ministry',
      ),
    ).toEqual({
      applyImmediately: ['other'],
      applyAfterReview: ['certificate_items', 'worker_add', 'worker_establishments', 'establishment_edit', 'establishment_add'],
      needsReview: true,
      needsMinistry: true,
      issuesCertificate: true,
    });
  });
  it('D6 an empty submission plans nothing', () => {
    expect(planChangeSubmission([], 'secretariat')).toEqual({
      applyImmediately: [],
      applyAfterReview: [],
      needsReview: false,
      needsMinistry: false,
      issuesCertificate: false,
    });
  });
});

const eventOf = (type: TChangeRequestEventType): TChangeRequestEvent =>
  type === 'reject' ? { type, reason: '変更後の所在地を確認できる書類がありません' } : { type };

type TRow = TExpectedTransition<TChangeRequestState, TChangeRequestEvent>;

const SUBMITTERS = applicantsWith('submit');
const audit = (action: string): TEffect => ({ type: 'audit', action });
const mail = (template: string, to: 'applicant' | 'secretariat' | 'ministry') => ({ type: 'mail', template, to }) as TEffect;
const apply = (kinds: TChangeItemKind[]): TEffect[] => (kinds.length ? [{ type: 'apply-change-items', kinds }] : []);
const discard = (kinds: TChangeItemKind[]): TEffect[] => (kinds.length ? [{ type: 'discard-change-items', kinds }] : []);

/**
 * The legal table for a request that needs review, from facts written out by hand for each
 * scenario below (which kinds apply when; ministry or not; certificate or not).
 */
function reviewedRequestTable(facts: {
  spec: string;
  all: TChangeItemKind[];
  immediate: TChangeItemKind[];
  afterReview: TChangeItemKind[];
  ministry: boolean;
  certificate: boolean;
}): TRow[] {
  const { spec, all, immediate, afterReview, ministry, certificate } = facts;
  const approved: TEffect[] = [
    ...apply(afterReview),
    ...(certificate ? [{ type: 'job', name: 'generate-certificate', reason: 'certificate_item_change' } as const] : []),
    mail('change-request-approved', 'applicant'),
    audit('change_request.approved'),
  ];
  const rejected: TEffect[] = [...discard(afterReview), mail('change-request-rejected', 'applicant'), audit('change_request.rejected')];
  const cancelled: TEffect[] = [...discard(afterReview), audit('change_request.cancelled')];
  return [
    {
      spec,
      from: 'draft',
      event: 'submit',
      to: 'submitted',
      allowed: SUBMITTERS,
      effects: [
        ...apply(immediate),
        mail('change-request-received', 'applicant'),
        mail('change-request-submitted-notice', 'secretariat'),
        audit('change_request.submitted'),
      ],
    },
    {
      spec: `${spec} (変更を取り消す)`,
      from: 'draft',
      event: 'cancel',
      to: 'cancelled',
      allowed: [...applicantsWith('edit'), 'system'],
      effects: [...discard(all), audit('change_request.cancelled')],
    },
    {
      spec,
      from: 'submitted',
      event: 'start_review',
      to: 'under_review',
      allowed: ['secretariat'],
      effects: [audit('change_request.review_started')],
    },
    {
      spec: `${spec} (変更を取り消す)`,
      from: 'submitted',
      event: 'cancel',
      to: 'cancelled',
      allowed: [...SUBMITTERS, 'system'],
      effects: cancelled,
    },
    ministry
      ? {
          spec,
          from: 'under_review',
          event: 'complete_review',
          to: 'forwarded',
          allowed: ['secretariat'],
          effects: [mail('change-request-forwarded-notice', 'ministry'), audit('change_request.forwarded')],
        }
      : { spec, from: 'under_review', event: 'complete_review', to: 'approved', allowed: ['secretariat'], effects: approved },
    { spec, from: 'under_review', event: 'reject', to: 'rejected', allowed: ['secretariat'], effects: rejected },
    {
      spec: `${spec} (変更を取り消す)`,
      from: 'under_review',
      event: 'cancel',
      to: 'cancelled',
      allowed: [...SUBMITTERS, 'system'],
      effects: cancelled,
    },
    { spec, from: 'forwarded', event: 'approve', to: 'approved', allowed: ['ministry'], effects: approved },
    { spec, from: 'forwarded', event: 'reject', to: 'rejected', allowed: ['ministry'], effects: rejected },
    { spec: `${spec} F1 (withdrawal)`, from: 'forwarded', event: 'cancel', to: 'cancelled', allowed: ['system'], effects: cancelled },
  ];
}

walkMachine({
  machine: changeRequestMachine,
  label: 'D1 certificate items, care tenant (secretariat then ministry)',
  context: { approvalSteps: 'secretariat-then-ministry', kinds: ['certificate_items'] },
  eventOf,
  spec: 'D1',
  legal: reviewedRequestTable({
    spec: 'D1',
    all: ['certificate_items'],
    immediate: [],
    afterReview: ['certificate_items'],
    ministry: true,
    certificate: true,
  }),
});

walkMachine({
  machine: changeRequestMachine,
  label: 'D1 certificate items, tenant without a ministry step',
  context: { approvalSteps: 'secretariat', kinds: ['certificate_items'] },
  eventOf,
  spec: 'D1 G2',
  legal: reviewedRequestTable({
    spec: 'D1 G2',
    all: ['certificate_items'],
    immediate: [],
    afterReview: ['certificate_items'],
    ministry: false,
    certificate: true,
  }),
});

walkMachine({
  machine: changeRequestMachine,
  label: 'D2-D4 workers and establishments, care tenant',
  context: {
    approvalSteps: 'secretariat-then-ministry',
    kinds: ['worker_add', 'worker_establishments', 'establishment_edit', 'establishment_add'],
  },
  eventOf,
  spec: 'D2-D4',
  legal: reviewedRequestTable({
    spec: 'D2-D4',
    all: ['worker_add', 'worker_establishments', 'establishment_edit', 'establishment_add'],
    immediate: [],
    afterReview: ['worker_add', 'worker_establishments', 'establishment_edit', 'establishment_add'],
    ministry: false,
    certificate: false,
  }),
});

walkMachine({
  machine: changeRequestMachine,
  label: 'D6 mixed request (other + worker + certificate items), care tenant',
  context: { approvalSteps: 'secretariat-then-ministry', kinds: ['worker_add', 'other', 'certificate_items'] },
  eventOf,
  spec: 'D6',
  legal: reviewedRequestTable({
    spec: 'D6',
    all: ['certificate_items', 'worker_add', 'other'],
    immediate: ['other'],
    afterReview: ['certificate_items', 'worker_add'],
    ministry: true,
    certificate: true,
  }),
});

walkMachine({
  machine: changeRequestMachine,
  label: 'D6 mixed request (other + establishment), tenant without a ministry step',
  context: { approvalSteps: 'secretariat', kinds: ['establishment_add', 'other'] },
  eventOf,
  spec: 'D6 G2',
  legal: reviewedRequestTable({
    spec: 'D6 G2',
    all: ['establishment_add', 'other'],
    immediate: ['other'],
    afterReview: ['establishment_add'],
    ministry: false,
    certificate: false,
  }),
});

walkMachine({
  machine: changeRequestMachine,
  label: 'D5 other information only',
  context: { approvalSteps: 'secretariat-then-ministry', kinds: ['other'] },
  eventOf,
  spec: 'D5',
  legal: [
    {
      spec: 'D5',
      from: 'draft',
      event: 'submit',
      to: 'approved',
      allowed: SUBMITTERS,
      effects: [
        { type: 'apply-change-items', kinds: ['other'] },
        mail('change-request-applied', 'applicant'),
        audit('change_request.applied'),
      ],
    },
    {
      spec: 'D5 (変更を取り消す)',
      from: 'draft',
      event: 'cancel',
      to: 'cancelled',
      allowed: [...applicantsWith('edit'), 'system'],
      effects: [{ type: 'discard-change-items', kinds: ['other'] }, audit('change_request.cancelled')],
    },
    // A D5-only request is never in review; if one were found there, it could still be decided or cancelled.
    {
      spec: 'D5',
      from: 'submitted',
      event: 'start_review',
      to: 'under_review',
      allowed: ['secretariat'],
      effects: [audit('change_request.review_started')],
    },
    {
      spec: 'D5',
      from: 'submitted',
      event: 'cancel',
      to: 'cancelled',
      allowed: [...SUBMITTERS, 'system'],
      effects: [audit('change_request.cancelled')],
    },
    {
      spec: 'D5',
      from: 'under_review',
      event: 'complete_review',
      to: 'approved',
      allowed: ['secretariat'],
      effects: [mail('change-request-approved', 'applicant'), audit('change_request.approved')],
    },
    {
      spec: 'D5',
      from: 'under_review',
      event: 'reject',
      to: 'rejected',
      allowed: ['secretariat'],
      effects: [mail('change-request-rejected', 'applicant'), audit('change_request.rejected')],
    },
    {
      spec: 'D5',
      from: 'under_review',
      event: 'cancel',
      to: 'cancelled',
      allowed: [...SUBMITTERS, 'system'],
      effects: [audit('change_request.cancelled')],
    },
    {
      spec: 'D5',
      from: 'forwarded',
      event: 'approve',
      to: 'approved',
      allowed: ['ministry'],
      effects: [mail('change-request-approved', 'applicant'), audit('change_request.approved')],
    },
    {
      spec: 'D5',
      from: 'forwarded',
      event: 'reject',
      to: 'rejected',
      allowed: ['ministry'],
      effects: [mail('change-request-rejected', 'applicant'), audit('change_request.rejected')],
    },
    {
      spec: 'D5 F1',
      from: 'forwarded',
      event: 'cancel',
      to: 'cancelled',
      allowed: ['system'],
      effects: [audit('change_request.cancelled')],
    },
  ],
});

describe('change request: SPEC rules beyond the table', () => {
  const care = { approvalSteps: 'secretariat-then-ministry', kinds: ['certificate_items'] } as const;

  it('D6 a submission with no items is refused with the path of the problem', () => {
    const result = transitionChangeRequest('draft', { type: 'submit' }, ACTORS.org_admin, { approvalSteps: 'secretariat', kinds: [] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(InvalidTransitionInputError);
    expect(result.error).toMatchObject({ issues: [{ path: 'items', messageKey: 'changeRequest.noItems' }] });
  });

  it('D1 a rejection needs a reason', () => {
    const result = transitionChangeRequest('forwarded', { type: 'reject', reason: '' }, ACTORS.ministry, care);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'invalid_input', issues: [{ path: 'reason' }] });
  });

  it('D1 cancelling or rejecting leaves the current values untouched: only proposed values are discarded', () => {
    for (const [state, event, actor] of [
      ['submitted', eventOf('cancel'), ACTORS.org_admin],
      ['under_review', eventOf('reject'), ACTORS.secretariat],
      ['forwarded', eventOf('reject'), ACTORS.ministry],
    ] as const) {
      const result = transitionChangeRequest(state, event, actor, care);
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      expect(result.effects.some((effect) => effect.type === 'apply-change-items')).toBe(false);
      expect(result.effects).toContainEqual({ type: 'discard-change-items', kinds: ['certificate_items'] });
    }
  });

  it('D1 only an approval with certificate items issues a new certificate', () => {
    const withCertificate = transitionChangeRequest('forwarded', { type: 'approve' }, ACTORS.ministry, care);
    const withoutCertificate = transitionChangeRequest('under_review', { type: 'complete_review' }, ACTORS.secretariat, {
      approvalSteps: 'secretariat-then-ministry',
      kinds: ['worker_add'],
    });
    const jobs = (r: typeof withCertificate) => (r.ok ? r.effects.filter((effect) => effect.type === 'job') : []);
    expect(jobs(withCertificate)).toEqual([{ type: 'job', name: 'generate-certificate', reason: 'certificate_item_change' }]);
    expect(jobs(withoutCertificate)).toEqual([]);
  });

  it('D2-D4 a reviewed change ends with the review-complete mail to the member', () => {
    const result = transitionChangeRequest('under_review', { type: 'complete_review' }, ACTORS.secretariat, {
      approvalSteps: 'secretariat-then-ministry',
      kinds: ['establishment_edit'],
    });
    expect(result.ok && result.to).toBe('approved');
    expect(result.ok && result.effects).toContainEqual({ type: 'mail', template: 'change-request-approved', to: 'applicant' });
  });

  it('D1 (変更を取り消す) once forwarded to the ministry the member can no longer cancel; a withdrawal still can', () => {
    expect(transitionChangeRequest('forwarded', { type: 'cancel' }, ACTORS.org_admin, care)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(transitionChangeRequest('forwarded', { type: 'cancel' }, ACTORS.system, care)).toMatchObject({ ok: true, to: 'cancelled' });
  });

  it('D6 F1 pending states are exactly those a withdrawal can cancel', () => {
    const cancellableBySystem = CHANGE_REQUEST_STATES.filter(
      (state) => transitionChangeRequest(state, { type: 'cancel' }, ACTORS.system, care).ok,
    );
    expect(cancellableBySystem).toEqual([...CHANGE_REQUEST_PENDING_STATES]);
    expect(CHANGE_REQUEST_STATES.filter(isChangeRequestPending)).toEqual(['draft', 'submitted', 'under_review', 'forwarded']);
  });

  it('D1 items are edited only while the request is a draft', () => {
    expect(CHANGE_REQUEST_STATES.filter(isChangeRequestEditable)).toEqual(['draft']);
  });

  it('D1 a later change of approval steps: a forwarded request stays with the ministry', () => {
    const result = transitionChangeRequest('forwarded', { type: 'approve' }, ACTORS.ministry, {
      approvalSteps: 'secretariat',
      kinds: ['certificate_items'],
    });
    expect(result).toMatchObject({ ok: true, to: 'approved' });
  });

  it('G1 the admin offers the secretariat the decisions that fit the request', () => {
    expect(availableChangeRequestEvents('under_review', ACTORS.secretariat, care)).toEqual(['complete_review', 'reject']);
    expect(availableChangeRequestEvents('forwarded', ACTORS.ministry, care)).toEqual(['approve', 'reject']);
    expect(availableChangeRequestEvents('forwarded', ACTORS.org_admin, care)).toEqual([]);
  });
});
