/**
 * States of a membership application (SPEC B5, C1-C3). The database stores one of these with a
 * CHECK constraint built from this list; the machine itself is in application-machine.ts.
 */
export const APPLICATION_STATES = [
  'draft',
  'submitted',
  'under_review',
  'returned',
  'resubmitted',
  'forwarded',
  'approved',
  'rejected',
  'withdrawn',
] as const;
export type TApplicationState = (typeof APPLICATION_STATES)[number];
