// What other apps may use of the worker (the API runs these in-process in embedded mode).
// `src/index.ts` is the production entry point, not a library.
export {
  createMailProcessor,
  mailMessageIdHeader,
  type TMailProcessor,
  type TMailProcessorOptions,
} from './processors/mail/send-mail';
export { createTenantBrandingLoader } from './processors/mail/load-tenant-branding';
export { startMailWorker, type TMailWorker, type TStartMailWorkerOptions } from './start-mail-worker';
export { type MailDelivery, startInlineMailDelivery, startQueuedMailDelivery } from './mail-delivery';
export { createOutboxMailProcessor } from './outbox/outbox-mail-processor';
export { createOutboxRelay, type OutboxRelay } from './outbox/relay-outbox';
export {
  type CertificateGeneration,
  startInlineCertificateGeneration,
  startQueuedCertificateGeneration,
} from './certificate/certificate-generation';
export {
  type CertificateFileStore,
  certificateObjectKey,
  createCertificateProcessor,
} from './certificate/generate-certificate';
