import { z } from 'zod';
import { InvalidJobPayloadError } from './job-errors';

export const MAIL_QUEUE_NAME = 'mail';
export const MAIL_JOB_NAME = 'send-mail';
/**
 * Shape version of the data stored in Redis. Jobs outlive deployments (retries, delayed jobs):
 * bump it when the payload changes incompatibly, and keep the worker reading the old version
 * until the queue has drained.
 */
export const MAIL_JOB_VERSION = 1;

/**
 * A stable, globally unique id for one email (e.g. the outbox row's uuid, or
 * `staff-account-created.<userId>`). It is the BullMQ jobId (dedupe) and the left part of the
 * Message-ID header, hence the narrow alphabet; BullMQ also refuses ids that are integers.
 */
export const ZMessageId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'letters, digits, ".", "_" and "-", at most 128')
  .refine((value) => /[^0-9]/.test(value), 'must not be only digits (BullMQ refuses integer job ids)');

export const ZMailJob = z.strictObject({
  tenantId: z.uuid(),
  messageId: ZMessageId,
  to: z.email(),
  /** An email template name; checked against the catalog the queue was given. */
  template: z.string().min(1),
  /** The template's props; checked by the catalog's `parseProps`. Never put secrets here. */
  props: z.record(z.string(), z.unknown()),
});
export type TMailJob = z.infer<typeof ZMailJob>;

/** What is stored in Redis: the job plus the payload version. */
export const ZMailJobData = ZMailJob.extend({ version: z.literal(MAIL_JOB_VERSION) });
export type TMailJobData = z.infer<typeof ZMailJobData>;

/**
 * The templates a mail job may name, and how to check their props. `@kyogikai/email` exports
 * `emailTemplateCatalog` with this shape; it is typed structurally here so `jobs` and `email`
 * stay leaves that do not import each other (the app that uses both passes one to the other).
 */
export type TMailTemplateCatalog = {
  readonly names: readonly string[];
  /** Returns the (possibly normalised) props, or throws when they do not fit the template. */
  parseProps(template: string, props: unknown): Record<string, unknown>;
};

/** Validates a mail job against the contract and the template catalog; throws `InvalidJobPayloadError`. */
export function parseMailJob(input: unknown, templates: TMailTemplateCatalog): TMailJob {
  const result = ZMailJob.safeParse(input);
  if (!result.success) {
    throw new InvalidJobPayloadError(`invalid mail job: ${z.prettifyError(result.error)}`, { cause: result.error });
  }
  const job = result.data;
  if (!templates.names.includes(job.template)) {
    throw new InvalidJobPayloadError(`invalid mail job: unknown template "${job.template}"`);
  }
  try {
    return { ...job, props: templates.parseProps(job.template, job.props) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidJobPayloadError(`invalid mail job ${job.messageId}: ${reason}`, { cause: error });
  }
}

export function toMailJobData(job: TMailJob): TMailJobData {
  return { ...job, version: MAIL_JOB_VERSION };
}

/** Reads a stored job back; throws `InvalidJobPayloadError` (retrying cannot help) when it does not fit. */
export function fromMailJobData(data: unknown): TMailJob {
  const result = ZMailJobData.safeParse(data);
  if (!result.success) {
    throw new InvalidJobPayloadError(`unreadable mail job data: ${z.prettifyError(result.error)}`, { cause: result.error });
  }
  const { version: _version, ...job } = result.data;
  return job;
}
