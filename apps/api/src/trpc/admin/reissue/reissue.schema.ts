import { ZTransitionText } from '@kyogikai/domain';
import { z } from 'zod';

export const ZListReissueRequestsOutput = z.array(
  z.object({
    id: z.uuid(),
    version: z.number().int(),
    corporateName: z.string(),
    membershipNumber: z.string(),
    issueNumber: z.number().int(),
    downloadedAt: z.date().nullable(),
    reason: z.string(),
    requestedAt: z.date(),
    requestedByName: z.string(),
  }),
);

export const ZDecideReissueInput = z.object({ id: z.uuid(), version: z.number().int().min(1) });
export const ZApproveReissueOutput = z.object({ issueNumber: z.number().int(), membershipNumber: z.string() });
export const ZDeclineReissueInput = ZDecideReissueInput.extend({ reason: ZTransitionText });
export const ZDeclineReissueOutput = z.object({ ok: z.literal(true) });
