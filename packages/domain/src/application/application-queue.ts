import type { TApplicationState } from './application-states';

/**
 * The staff queue (SPEC G1, issue 6). Applications enter it when first submitted; drafts never do.
 * "Open" is everything not yet decided: what the secretariat and the ministry still have to handle,
 * including applications returned to the applicant for correction.
 */
export const APPLICATION_QUEUE_STATES = [
  'submitted',
  'under_review',
  'returned',
  'resubmitted',
  'forwarded',
  'approved',
  'rejected',
  'withdrawn',
] as const satisfies readonly TApplicationState[];
export type TApplicationQueueState = (typeof APPLICATION_QUEUE_STATES)[number];

export const APPLICATION_OPEN_STATES = [
  'submitted',
  'under_review',
  'returned',
  'resubmitted',
  'forwarded',
] as const satisfies readonly TApplicationQueueState[];

/**
 * States in which staff owe the next step, so the working days since (re)submission count against
 * the tenant's review target (SPEC C2). A returned application waits for the applicant instead.
 */
export const APPLICATION_AWAITING_STAFF_STATES = [
  'submitted',
  'under_review',
  'resubmitted',
  'forwarded',
] as const satisfies readonly TApplicationQueueState[];

export function isAwaitingStaff(state: TApplicationState): boolean {
  return (APPLICATION_AWAITING_STAFF_STATES as readonly TApplicationState[]).includes(state);
}
