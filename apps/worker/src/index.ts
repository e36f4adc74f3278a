// Production entry point: `tsx apps/worker/src/index.ts`. Loads the environment, refuses to start
// on a database role that would bypass row-level security, then relays the outbox, generates
// certificates and sends mail until SIGTERM.
import { assertSafeAppRole, createPostgresDatabase } from '@kyogikai/db';
import nodemailer from 'nodemailer';
import { parseWorkerEnv, WorkerEnvError } from './env';
import { startQueuedCertificateGeneration } from './certificate/certificate-generation';
import { createS3CertificateStore } from './certificate/s3-certificate-store';
import { startQueuedMailDelivery } from './mail-delivery';

function log(level: 'info' | 'error', message: string, details: object = {}) {
  console[level](JSON.stringify({ level, time: new Date().toISOString(), service: 'worker', message, ...details }));
}

async function main() {
  let env: ReturnType<typeof parseWorkerEnv>;
  try {
    env = parseWorkerEnv(process.env);
  } catch (error) {
    if (error instanceof WorkerEnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const database = createPostgresDatabase(env.DATABASE_APP_URL, { max: 4 });
  try {
    await assertSafeAppRole(database);
  } catch (error) {
    log('error', 'refusing to start: unsafe database role', { error: error instanceof Error ? error.message : String(error) });
    await database.close();
    process.exit(1);
  }

  const transport = nodemailer.createTransport(env.SMTP_URL);
  const logger = {
    info: (details: object, message: string) => log('info', message, details),
    warn: (details: object, message: string) => log('error', message, details),
    error: (details: object, message: string) => log('error', message, details),
  };
  const prefix = env.MAIL_QUEUE_PREFIX === undefined ? {} : { prefix: env.MAIL_QUEUE_PREFIX };
  // Certificates (ADR 018): certificate queue → render → object store, the member's mail into the outbox.
  const store = createS3CertificateStore({
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    bucket: env.S3_BUCKET,
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
  });
  const certificates = startQueuedCertificateGeneration({ database, store, logger, connection: env.REDIS_URL, ...prefix });
  // The outbox relay (both kinds) and the mail worker: committed outbox rows → queue → SMTP.
  const delivery = startQueuedMailDelivery({
    database,
    transport,
    logger,
    connection: env.REDIS_URL,
    certificates: certificates.queue,
    ...prefix,
  });
  await Promise.all([delivery.worker.waitUntilReady(), certificates.worker.waitUntilReady()]);
  log('info', 'mail worker, certificate worker and outbox relay started');

  let isStopping = false;
  const stop = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    log('info', 'stopping', { signal });
    await delivery.close();
    await certificates.close();
    store.close();
    transport.close();
    await database.close();
    log('info', 'stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  log('error', 'worker crashed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
