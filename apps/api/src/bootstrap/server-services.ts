import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { assertSafeAppRole, createPostgresDatabase, type Database } from '@kyogikai/db';
import { emailTemplateCatalog } from '@kyogikai/email';
import { createBullMqJobQueue, type JobQueue } from '@kyogikai/jobs';
import { startQueuedCertificateGeneration, startQueuedMailDelivery } from '@kyogikai/worker/mail';
import nodemailer from 'nodemailer';
import { certificateFileStoreOf } from '../certificates/certificate-file-store';
import type { TApiEnv } from '../env';
import { resolveDataDir } from '../env';
import { startMailCatcher } from '../mail/mail-catcher';
import { startEmbeddedS3 } from '../storage/embedded-s3';
import { createObjectStorage, type ObjectStorage } from '../storage/object-storage';
import { startEmbeddedServices } from './embedded-services';

/** The services one API process runs on; `close()` releases all of them, in reverse order. */
export interface ServerServices {
  database: Database;
  storage: ObjectStorage;
  jobs: JobQueue;
  mailboxDirectory?: string;
  devIndex?: { slug: string; nameJa: string }[];
  /** Lines for the start banner (demo accounts and where things are). */
  bannerLines: string[];
  close(): Promise<void>;
}

/** Closes in reverse order of opening, and keeps going if one fails. */
export function closer() {
  const steps: (() => Promise<unknown> | unknown)[] = [];
  return {
    add(step: () => Promise<unknown> | unknown) {
      steps.push(step);
    },
    async close() {
      for (const step of steps.reverse()) {
        await Promise.resolve()
          .then(step)
          .catch((error: unknown) => console.error('shutdown step failed:', error));
      }
    },
  };
}

/** Connects as the app role and refuses to go on if that role could bypass row-level security. */
export async function connectAppDatabase(url: string): Promise<Database> {
  const database = createPostgresDatabase(url);
  try {
    await assertSafeAppRole(database);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

export async function createServerServices(env: TApiEnv): Promise<ServerServices> {
  if (env.KYOGIKAI_MODE === 'embedded') return startEmbeddedServices(env);
  const shutdown = closer();
  try {
    const database = await connectAppDatabase(env.DATABASE_APP_URL);
    shutdown.add(() => database.close());

    if (env.KYOGIKAI_MODE === 'production') {
      const storage = createObjectStorage({
        endpoint: env.S3_ENDPOINT,
        region: env.S3_REGION,
        bucket: env.S3_BUCKET,
        accessKeyId: env.S3_ACCESS_KEY_ID,
        secretAccessKey: env.S3_SECRET_ACCESS_KEY,
      });
      shutdown.add(() => storage.close());
      // Mail leaves through the outbox: the worker process (apps/worker) relays and sends it. The
      // API keeps a queue handle only so /health can report whether Redis answers.
      const jobs = createBullMqJobQueue({
        connection: env.REDIS_URL,
        templates: emailTemplateCatalog,
        ...(env.MAIL_QUEUE_PREFIX ? { prefix: env.MAIL_QUEUE_PREFIX } : {}),
      });
      shutdown.add(() => jobs.close());
      return { database, storage, jobs, bannerLines: [], close: () => shutdown.close() };
    }

    // Test mode: real PostgreSQL and Redis; S3 and SMTP in-process so a test can read what was
    // stored and sent. The BullMQ prefix is unique per process so parallel runs never share jobs.
    const dataDir = env.DATA_DIR ? resolveDataDir(env.DATA_DIR) : await mkdtemp(path.join(os.tmpdir(), 'kyogikai-test-'));
    const s3 = await startEmbeddedS3({ directory: path.join(dataDir, 's3') });
    shutdown.add(() => s3.close());
    const storage = createObjectStorage(s3.settings);
    shutdown.add(() => storage.close());
    const catcher = await startMailCatcher(path.join(dataDir, 'mail'));
    shutdown.add(() => catcher.close());
    const prefix = `kyogikai-test-${process.pid}-${Date.now()}`;
    // This process plays the worker too: outbox relay, queues, certificate and mail processors.
    const certificates = startQueuedCertificateGeneration({
      database,
      store: certificateFileStoreOf(storage),
      connection: env.REDIS_URL,
      prefix,
    });
    shutdown.add(() => certificates.close());
    const transport = nodemailer.createTransport(catcher.smtpUrl);
    const delivery = startQueuedMailDelivery({
      database,
      transport,
      connection: env.REDIS_URL,
      prefix,
      relayIdleMs: 200,
      certificates: certificates.queue,
    });
    shutdown.add(() => delivery.close());
    const { jobs } = delivery;
    return { database, storage, jobs, mailboxDirectory: catcher.directory, bannerLines: [], close: () => shutdown.close() };
  } catch (error) {
    await shutdown.close();
    throw error;
  }
}
