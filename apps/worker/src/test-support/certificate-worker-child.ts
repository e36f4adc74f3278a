// A certificate worker in a process of its own, for the fault test that kills a worker while it
// generates (apps/api/test/certificate-faults.test.ts): the production parts (BullMQ worker,
// processor, S3 store) with a short job lock, so the test need not wait 30 s for the takeover.
// Reads CHILD_CONFIG (JSON) from the environment; prints "ready" once it takes jobs.
import { createPostgresDatabase } from '@kyogikai/db';
import { CERTIFICATE_QUEUE_CONFIG } from '@kyogikai/jobs';
import { startQueuedCertificateGeneration } from '../certificate/certificate-generation';
import { createS3CertificateStore, type S3CertificateStoreSettings } from '../certificate/s3-certificate-store';

type ChildConfig = { databaseUrl: string; redisUrl: string; prefix: string; s3: S3CertificateStoreSettings; lockMs: number };

const config = JSON.parse(process.env.CHILD_CONFIG ?? '{}') as ChildConfig;
const database = createPostgresDatabase(config.databaseUrl, { max: 2 });
const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const generation = startQueuedCertificateGeneration({
  database,
  store: createS3CertificateStore(config.s3),
  connection: config.redisUrl,
  prefix: config.prefix,
  logger: quiet,
  config: { ...CERTIFICATE_QUEUE_CONFIG, lockDurationMs: config.lockMs, stalledIntervalMs: config.lockMs },
});
await generation.worker.waitUntilReady();
console.log('ready');
