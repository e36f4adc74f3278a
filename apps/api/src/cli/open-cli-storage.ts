import path from 'node:path';
import { resolveDataDir } from '../env';
import { startEmbeddedS3 } from '../storage/embedded-s3';
import { createObjectStorage, type FileStore } from '../storage/object-storage';
import type { TCliEnv } from './cli-env';

export type CliStorage = { storage: FileStore; close(): Promise<void> };

/**
 * The object store for operator commands that delete files, in the CLI's run mode: in embedded
 * mode the in-process S3 over DATA_DIR/s3 (the files `npm start` stored; the CLI has already
 * refused to run while npm start holds the folder), otherwise the S3_* variables, as the API has them.
 */
export async function openCliStorage(env: TCliEnv): Promise<CliStorage> {
  if (env.KYOGIKAI_MODE === 'embedded') {
    const s3 = await startEmbeddedS3({ directory: path.join(resolveDataDir(env.DATA_DIR), 's3') });
    const storage = createObjectStorage(s3.settings);
    return {
      storage,
      async close() {
        storage.close();
        await s3.close();
      },
    };
  }
  const { S3_ENDPOINT, S3_REGION, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY } = env;
  if (!S3_ENDPOINT || !S3_REGION || !S3_BUCKET || !S3_ACCESS_KEY_ID || !S3_SECRET_ACCESS_KEY) {
    throw new Error('This command deletes stored files: set S3_ENDPOINT, S3_REGION, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY.');
  }
  const storage = createObjectStorage({
    endpoint: S3_ENDPOINT,
    region: S3_REGION,
    bucket: S3_BUCKET,
    accessKeyId: S3_ACCESS_KEY_ID,
    secretAccessKey: S3_SECRET_ACCESS_KEY,
  });
  return { storage, close: async () => storage.close() };
}
