import {
  APPLICATION_EVENTS,
  APPLICATION_STATES,
  CERTIFICATE_STATES,
  MEMBERSHIP_STATES,
  ZCustomField,
  ZTransitionText,
} from '@kyogikai/domain';
import { z } from 'zod';
import { ZRegisteredSnapshot, ZSnapshotDocument, ZSnapshotEstablishment, ZSnapshotWorker } from '../../../application/registered-snapshot';

const ZId = z.uuid({ message: 'validation.invalid' });
const ZVersion = z.number().int().min(1);

export const ZReviewTarget = z.object({ applicationId: ZId });
/** Every decision names the application and the version the reviewer's page shows (optimistic concurrency). */
export const ZDecisionInput = z.object({ applicationId: ZId, version: ZVersion });
export const ZReturnInput = ZDecisionInput.extend({ message: ZTransitionText });
export const ZRejectInput = ZDecisionInput.extend({ reason: ZTransitionText });
export const ZDecisionOutput = z.object({
  state: z.enum(APPLICATION_STATES),
  version: z.number().int(),
  membershipNumber: z.string().nullable(),
});

export const ZAddNoteInput = z.object({
  applicationId: ZId,
  body: z.string().trim().min(1, { message: 'validation.required' }).max(4000, { message: 'validation.tooLong' }),
});
export const ZNote = z.object({ id: z.uuid(), body: z.string(), authorName: z.string(), createdAt: z.date() });

export const DOCUMENT_CHECK_RESULTS = ['ok', 'needs_correction'] as const;
export const ZSetDocumentCheckInput = z
  .object({
    applicationId: ZId,
    documentId: ZId,
    result: z.enum(DOCUMENT_CHECK_RESULTS),
    reason: z.string().trim().max(1000, { message: 'validation.tooLong' }).optional(),
  })
  .refine((input) => input.result === 'ok' || (input.reason ?? '') !== '', {
    path: ['reason'],
    message: 'review.checkReasonRequired',
  });
export const ZDocumentCheck = z.object({
  result: z.enum(DOCUMENT_CHECK_RESULTS),
  reason: z.string().nullable(),
  checkedAt: z.date(),
  checkedByName: z.string(),
});

export const ZReviewDocument = ZSnapshotDocument.extend({
  nameJa: z.string(),
  nameEn: z.string(),
  check: ZDocumentCheck.nullable(),
});

const ZFieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
const recordChange = <T extends z.ZodType>(row: T) =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('added'), id: z.string(), after: row }),
    z.object({ kind: z.literal('removed'), id: z.string(), before: row }),
    z.object({ kind: z.literal('changed'), id: z.string(), before: row, after: row, fields: z.array(ZFieldChange) }),
  ]);
export const ZSnapshotDiff = z.object({
  organisation: z.array(ZFieldChange),
  establishments: z.array(recordChange(ZSnapshotEstablishment)),
  workers: z.array(recordChange(ZSnapshotWorker)),
  documents: z.array(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('added'), after: ZSnapshotDocument }),
      z.object({ kind: z.literal('removed'), before: ZSnapshotDocument }),
      z.object({ kind: z.literal('replaced'), before: ZSnapshotDocument, after: ZSnapshotDocument }),
    ]),
  ),
  isEmpty: z.boolean(),
});

export const ZTimelineEntry = z.object({
  at: z.date(),
  action: z.string(),
  actorName: z.string().nullable(),
  /** The message of a return, the reason of a rejection, the membership number of an approval. */
  message: z.string().nullable(),
  reason: z.string().nullable(),
  membershipNumber: z.string().nullable(),
});

export const ZReviewOutput = z.object({
  application: z.object({
    id: z.uuid(),
    state: z.enum(APPLICATION_STATES),
    version: z.number().int(),
    referenceNumber: z.string().nullable(),
    submittedAt: z.date().nullable(),
    resubmittedAt: z.date().nullable(),
    returnedAt: z.date().nullable(),
    returnedMessage: z.string().nullable(),
    forwardedAt: z.date().nullable(),
    decidedAt: z.date().nullable(),
    decisionReason: z.string().nullable(),
  }),
  organisation: ZRegisteredSnapshot.shape.organisation.extend({
    id: z.uuid(),
    membershipState: z.enum(MEMBERSHIP_STATES),
    membershipNumber: z.string().nullable(),
    joinedAt: z.date().nullable(),
    /** SPEC F1: set when the member withdrew; its data is kept read-only until retentionUntil (YYYY-MM-DD). */
    withdrawnAt: z.date().nullable(),
    retentionUntil: z.string().nullable(),
  }),
  establishments: z.array(ZSnapshotEstablishment),
  workers: z.array(ZSnapshotWorker.extend({ documents: z.array(ZReviewDocument) })),
  /** Documents of the organisation or of one establishment (not of a worker). */
  otherDocuments: z.array(ZReviewDocument),
  timeline: z.array(ZTimelineEntry),
  notes: z.array(ZNote),
  certificate: z
    .object({
      id: z.uuid(),
      state: z.enum(CERTIFICATE_STATES),
      issueNumber: z.number().int(),
      membershipNumber: z.string(),
      issuedAt: z.date(),
      isGenerated: z.boolean(),
      failureReason: z.string().nullable(),
    })
    .nullable(),
  /** After a resubmission: what changed since the secretariat returned the application. */
  changesSinceReturn: ZSnapshotDiff.nullable(),
  /** The events this staff member may fire now (the machine's answer for their role). */
  availableEvents: z.array(z.enum(APPLICATION_EVENTS)),
  approvalSteps: z.enum(['secretariat', 'secretariat-then-ministry']),
  /** The council's extra fields, so the values in `extra` are shown with their labels and choices. */
  customFields: z.object({ establishment: z.array(ZCustomField), worker: z.array(ZCustomField) }),
});
