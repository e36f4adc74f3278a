import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import S3rver from 's3rver';
import type { S3Settings } from './object-storage';

/**
 * An S3-compatible server inside the process (s3rver), for embedded mode and tests. It does not
 * verify signatures, so it listens on loopback only and files reach users only through our API.
 */
export async function startEmbeddedS3(options: {
  directory: string;
  bucket?: string;
}): Promise<{ settings: S3Settings; close(): Promise<void> }> {
  await mkdir(options.directory, { recursive: true });
  const bucket = options.bucket ?? 'kyogikai';
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: options.directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const address = (await server.run()) as AddressInfo;
  return {
    settings: {
      endpoint: `http://127.0.0.1:${address.port}`,
      region: 'ap-northeast-1',
      bucket,
      // s3rver's fixed development credentials; it accepts any signature anyway.
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
    },
    close: () => server.close(),
  };
}
