import { CHANGE_ITEM_KINDS, CHANGE_REQUEST_STATES, MEMBERSHIP_STATES, ZTransitionText } from '@kyogikai/domain';
import { z } from 'zod';

export const ZListChangeRequestsOutput = z.array(
  z.object({
    id: z.uuid(),
    version: z.number().int(),
    state: z.enum(CHANGE_REQUEST_STATES),
    corporateName: z.string(),
    membershipNumber: z.string(),
    submittedAt: z.date().nullable(),
    submittedByName: z.string(),
    kinds: z.array(z.enum(CHANGE_ITEM_KINDS)),
    issuesCertificate: z.boolean(),
  }),
);

export const ZGetChangeRequestInput = z.object({ id: z.uuid() });
export const ZGetChangeRequestOutput = z.object({
  id: z.uuid(),
  version: z.number().int(),
  state: z.enum(CHANGE_REQUEST_STATES),
  corporateName: z.string(),
  membershipNumber: z.string(),
  membershipState: z.enum(MEMBERSHIP_STATES),
  content: z.string(),
  reason: z.string(),
  submittedAt: z.date().nullable(),
  submittedByName: z.string(),
  forwardedAt: z.date().nullable(),
  decidedAt: z.date().nullable(),
  decidedByName: z.string().nullable(),
  decisionReason: z.string().nullable(),
  issuesCertificate: z.boolean(),
  needsMinistry: z.boolean(),
  changes: z.array(
    z.object({ field: z.string(), kind: z.enum(CHANGE_ITEM_KINDS), before: z.string(), after: z.string(), isApplied: z.boolean() }),
  ),
  /**
   * Every item (SPEC D1-D6) with its subject (the worker's Latin name, the establishment's name; ''
   * for the organisation's own fields) and its fields before → after (an addition: before empty).
   */
  items: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(CHANGE_ITEM_KINDS),
      subject: z.string(),
      isApplied: z.boolean(),
      changes: z.array(z.object({ field: z.string(), labelJa: z.string(), labelEn: z.string(), before: z.string(), after: z.string() })),
      /** establishment_edit: the registered workers the edit reaches (SPEC D3); null for other kinds. */
      workerCount: z.number().int().nullable(),
      /** worker_add: the worker's files (SPEC D2); null for other kinds. */
      documents: z
        .array(
          z.object({
            id: z.uuid(),
            documentKey: z.string(),
            nameJa: z.string(),
            nameEn: z.string(),
            fileName: z.string(),
            byteSize: z.number().int(),
            uploadedAt: z.date(),
          }),
        )
        .nullable(),
    }),
  ),
  /** Whether this staff member may open files through the audited file route (reviewers only). */
  canOpenDocuments: z.boolean(),
  events: z.array(z.enum(['start_review', 'complete_review', 'approve', 'reject'])),
});

/** A staff decision on a change request: the events of ADR 010 staff may fire. */
export const ZDecideChangeRequestInput = z.object({
  id: z.uuid(),
  version: z.number().int().min(1),
  event: z.discriminatedUnion('type', [
    z.object({ type: z.literal('start_review') }),
    z.object({ type: z.literal('complete_review') }),
    z.object({ type: z.literal('approve') }),
    z.object({ type: z.literal('reject'), reason: ZTransitionText }),
  ]),
});
export const ZDecideChangeRequestOutput = z.object({
  id: z.uuid(),
  state: z.enum(CHANGE_REQUEST_STATES),
  version: z.number().int(),
  certificateIssued: z.boolean(),
});
