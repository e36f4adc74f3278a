/** States of a change request (SPEC D1-D6); the machine is in change-request-machine.ts. */
export const CHANGE_REQUEST_STATES = ['draft', 'submitted', 'under_review', 'forwarded', 'approved', 'rejected', 'cancelled'] as const;
export type TChangeRequestState = (typeof CHANGE_REQUEST_STATES)[number];

/**
 * What one item of a change request changes (SPEC D1-D5). Certificate items need review (and
 * the ministry where the tenant says so) and produce a new certificate; workers and
 * establishments need review; everything else applies at once.
 */
export const CHANGE_ITEM_KINDS = [
  'certificate_items',
  'worker_add',
  'worker_establishments',
  'establishment_edit',
  'establishment_add',
  'other',
] as const;
export type TChangeItemKind = (typeof CHANGE_ITEM_KINDS)[number];
