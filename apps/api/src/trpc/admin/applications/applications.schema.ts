import { APPLICATION_QUEUE_STATES, normaliseText } from '@kyogikai/domain';
import { z } from 'zod';

/** Who works with the queue: the secretariat reviews, the ministry decides forwarded applications. */
export const QUEUE_ROLES = ['secretariat', 'ministry'] as const;

export const ZQueueState = z.enum(APPLICATION_QUEUE_STATES);

/** One state, or 'open' (everything not yet decided, the default tab); absent: every submitted application. */
export const ZQueueStateFilter = z.union([ZQueueState, z.literal('open')]);

export const ZQueueFilter = z.object({
  state: ZQueueStateFilter.optional(),
  /** Corporation name or フリガナ (partial), 法人番号, ユーザーID or 受付番号 (exact). */
  q: z
    .string()
    .max(200, { message: 'validation.tooLong' })
    .transform((value) => normaliseText(value))
    .optional(),
});
export type TQueueFilter = z.infer<typeof ZQueueFilter>;

export const QUEUE_PAGE_SIZES = [20, 50, 100] as const;

export const ZListApplicationsInput = ZQueueFilter.extend({
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: z.string().max(200).optional(),
  pageSize: z
    .number()
    .int()
    .refine((size) => (QUEUE_PAGE_SIZES as readonly number[]).includes(size), { message: 'validation.invalid' })
    .default(50),
});

export const ZQueueRow = z.object({
  id: z.uuid(),
  referenceNumber: z.string().nullable(),
  corporateName: z.string().nullable(),
  corporateNameKana: z.string().nullable(),
  corporateNumber: z.string().nullable(),
  state: ZQueueState,
  /** Latest (re)submission: coalesce(resubmitted_at, submitted_at). */
  waitingSince: z.date(),
  /** Working days since waitingSince (SPEC C2); null when staff owe nothing (returned or decided). */
  workingDaysWaiting: z.number().int().nullable(),
  /** Waiting longer than the tenant's reviewTargetWorkingDays. */
  isOverTarget: z.boolean(),
  workerCount: z.number().int(),
  /** SPEC F1: the member withdrew (shown as 退会 with the date beside an approved application). */
  withdrawnAt: z.date().nullable(),
});
export type TQueueRow = z.infer<typeof ZQueueRow>;

export const ZListApplicationsOutput = z.object({
  rows: z.array(ZQueueRow),
  /** How many applications match the filter (all pages). */
  total: z.number().int(),
  nextCursor: z.string().nullable(),
  reviewTargetWorkingDays: z.number().int(),
});

export const ZApplicationCountsOutput = z.object({
  byState: z.record(ZQueueState, z.number().int()),
  open: z.number().int(),
  all: z.number().int(),
});

export const ZApplicationStatsOutput = z.object({
  byState: z.record(ZQueueState, z.number().int()),
  /** The last 12 weeks (Monday to Sunday, Japan time), oldest first; the last one is the current week. */
  receivedPerWeek: z.array(z.object({ weekStart: z.string(), count: z.number().int() })),
  decisionTime: z.object({
    /** Decisions (approved or rejected) counted: those of the last `windowDays` days. */
    windowDays: z.number().int(),
    decided: z.number().int(),
    medianWorkingDays: z.number().nullable(),
    p90WorkingDays: z.number().nullable(),
    targetWorkingDays: z.number().int(),
    overTarget: z.number().int(),
  }),
});
export type TApplicationStats = z.infer<typeof ZApplicationStatsOutput>;
