import { ZReissueRequestInput } from '@kyogikai/domain';
import { z } from 'zod';

export const ZGetCertificateOutput = z.object({
  certificate: z
    .object({
      membershipNumber: z.string(),
      issueNumber: z.number().int(),
      issuedAt: z.date(),
      stage: z.enum(['preparing', 'ready', 'downloaded']),
      downloadedAt: z.date().nullable(),
      downloadedByName: z.string().nullable(),
      isDownloadInProgress: z.boolean(),
    })
    .nullable(),
  openReissueRequest: z.object({ reason: z.string(), requestedAt: z.date() }).nullable(),
  declinedReissueRequest: z.object({ reason: z.string(), decisionReason: z.string(), decidedAt: z.date() }).nullable(),
  canDownload: z.boolean(),
  canRequestReissue: z.boolean(),
  canCancelReissue: z.boolean(),
});

/** The reason of 「入会証明書再発行申請」: the machine's own rule (required, at most 4,000 characters). */
export const ZRequestReissueInput = ZReissueRequestInput;
export const ZRequestReissueOutput = z.object({ requestedAt: z.date() });
export const ZCancelReissueOutput = z.object({ ok: z.literal(true) });

/**
 * Anything a person may paste or a QR reader may pass; checked by the service, which answers a
 * malformed code exactly like an unknown one. The bound only keeps absurd bodies out.
 */
export const ZVerifyCertificateInput = z.object({ code: z.string().max(512) });
export const ZVerifyCertificateOutput = z.discriminatedUnion('status', [
  z.object({ status: z.literal('unknown') }),
  z.object({
    status: z.enum(['valid', 'superseded', 'revoked']),
    councilName: z.object({ ja: z.string(), en: z.string() }),
    corporateName: z.string(),
    issueNumber: z.number().int(),
    issuedAt: z.date(),
  }),
]);
