import { MEMBERSHIP_STATES } from '@kyogikai/domain';
import { z } from 'zod';

export const ZGetMembershipOutput = z.object({
  membershipState: z.enum(MEMBERSHIP_STATES),
  membershipNumber: z.string().nullable(),
  joinedAt: z.date().nullable(),
  withdrawnAt: z.date().nullable(),
  /** YYYY-MM-DD: kept read-only until then. */
  retentionUntil: z.string().nullable(),
  directoryOptIn: z.boolean(),
  /** The council's notes on withdrawal (SPEC F1), paragraphs separated by blank lines. */
  withdrawalNotes: z.object({ ja: z.string(), en: z.string() }),
  retentionYears: z.number().int(),
  canWithdraw: z.boolean(),
  canChangeDirectoryOptIn: z.boolean(),
});

/**
 * 「退会する」 after 「退会に関する注意事項を読みました」: the checkbox travels with the request, and the
 * membership machine refuses anything but true (membership.notesNotAcknowledged).
 */
export const ZWithdrawInput = z.object({ notesAcknowledged: z.boolean() });
export const ZWithdrawOutput = z.object({ withdrawnAt: z.date(), retentionUntil: z.string() });

export const ZSetDirectoryOptInInput = z.object({ directoryOptIn: z.boolean() });
export const ZSetDirectoryOptInOutput = z.object({ directoryOptIn: z.boolean() });
