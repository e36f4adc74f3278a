/**
 * A member organisation's standing in the council: `none` until its application is approved,
 * `active` while a member, `withdrawn` after SPEC F1. The machine is in membership-machine.ts.
 */
export const MEMBERSHIP_STATES = ['none', 'active', 'withdrawn'] as const;
export type TMembershipState = (typeof MEMBERSHIP_STATES)[number];
