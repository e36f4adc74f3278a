import { z } from 'zod';
import { InvalidJobPayloadError } from './job-errors';
import { ZMessageId } from './mail-job';

export const CERTIFICATE_QUEUE_NAME = 'certificate';
export const CERTIFICATE_JOB_NAME = 'generate-certificate';
/** Shape version of the data stored in Redis (see MAIL_JOB_VERSION). */
export const CERTIFICATE_JOB_VERSION = 1;

/**
 * Render and store one certificate's PDF, then mail the member (ADR 018). Written to the outbox
 * (kind `certificate`) by the transaction that issued the certificate; the relay enqueues it with
 * `jobId = messageId` (`certificate.<certificateId>`), so one job per certificate.
 */
export const ZCertificateJob = z.strictObject({
  tenantId: z.uuid(),
  messageId: ZMessageId,
  certificateId: z.uuid(),
  /** The mail sent once the PDF is stored. */
  notifyTemplate: z.enum(['application-approved', 'certificate-reissued']),
});
export type TCertificateJob = z.infer<typeof ZCertificateJob>;

export const ZCertificateJobData = ZCertificateJob.extend({ version: z.literal(CERTIFICATE_JOB_VERSION) });
export type TCertificateJobData = z.infer<typeof ZCertificateJobData>;

/** Validates a certificate job; throws `InvalidJobPayloadError`. */
export function parseCertificateJob(input: unknown): TCertificateJob {
  const result = ZCertificateJob.safeParse(input);
  if (!result.success) {
    throw new InvalidJobPayloadError(`invalid certificate job: ${z.prettifyError(result.error)}`, { cause: result.error });
  }
  return result.data;
}

export function toCertificateJobData(job: TCertificateJob): TCertificateJobData {
  return { ...job, version: CERTIFICATE_JOB_VERSION };
}

/** Reads a stored job back; throws `InvalidJobPayloadError` (retrying cannot help) when it does not fit. */
export function fromCertificateJobData(data: unknown): TCertificateJob {
  const result = ZCertificateJobData.safeParse(data);
  if (!result.success) {
    throw new InvalidJobPayloadError(`unreadable certificate job data: ${z.prettifyError(result.error)}`, { cause: result.error });
  }
  const { version: _version, ...job } = result.data;
  return job;
}
