export { createBullMqJobQueue, mailJobOptions, type TBullMqJobQueueOptions } from './bullmq-job-queue';
export { createInlineJobQueue, type InlineJobQueue, type TInlineJobQueueOptions } from './inline-job-queue';
export { InvalidJobPayloadError, isPermanentJobError, PermanentJobError } from './job-errors';
export { consoleJobLogger, type JobQueue, type TJobLogger } from './job-queue';
export {
  fromMailJobData,
  MAIL_JOB_NAME,
  MAIL_JOB_VERSION,
  MAIL_QUEUE_NAME,
  parseMailJob,
  type TMailJob,
  type TMailJobData,
  type TMailTemplateCatalog,
  toMailJobData,
  ZMailJob,
  ZMailJobData,
  ZMessageId,
} from './mail-job';
export { MAIL_QUEUE_CONFIG, mailRetryDelayMs, type TMailQueueConfig } from './mail-queue.config';
export { type TRedisConnection, toBullMqConnection } from './redis-connection';
export { closeOrDisconnect, TimeoutError, withTimeout } from './with-timeout';
export {
  CERTIFICATE_JOB_NAME,
  CERTIFICATE_JOB_VERSION,
  CERTIFICATE_QUEUE_NAME,
  fromCertificateJobData,
  parseCertificateJob,
  type TCertificateJob,
  type TCertificateJobData,
  toCertificateJobData,
  ZCertificateJob,
} from './certificate-job';
export { CERTIFICATE_QUEUE_CONFIG, type TCertificateQueueConfig } from './certificate-queue.config';
export {
  type CertificateQueue,
  createBullMqCertificateQueue,
  createInlineCertificateQueue,
  type InlineCertificateQueue,
  type TBullMqCertificateQueueOptions,
} from './certificate-queue';
export { createInlineQueue, type InlineQueue, type TInlineQueueOptions } from './inline-queue';
