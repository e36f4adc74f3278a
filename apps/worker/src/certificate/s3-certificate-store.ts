import type { S3Client } from '@aws-sdk/client-s3';
import type { CertificateFileStore } from './generate-certificate';

export type S3CertificateStoreSettings = {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
};

/**
 * The production worker's own handle on the object store, for certificate PDFs only (put and
 * delete). Configured like the API's client (path-style, checksums only when required) so both
 * talk to the same S3-compatible store the same way. The SDK is loaded with the first request,
 * so the worker starts without it.
 */
export function createS3CertificateStore(settings: S3CertificateStoreSettings): CertificateFileStore & { close(): void } {
  const sdk = () => import('@aws-sdk/client-s3');
  let client: Promise<S3Client> | undefined;
  const clientOf = () => {
    client ??= sdk().then(
      ({ S3Client: Client }) =>
        new Client({
          endpoint: settings.endpoint,
          region: settings.region,
          forcePathStyle: true,
          credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
          requestChecksumCalculation: 'WHEN_REQUIRED',
        }),
    );
    return client;
  };
  const Bucket = settings.bucket;
  return {
    async put(key, bytes, contentType) {
      const [{ PutObjectCommand }, s3] = await Promise.all([sdk(), clientOf()]);
      await s3.send(new PutObjectCommand({ Bucket, Key: key, Body: bytes, ContentType: contentType, ContentLength: bytes.byteLength }));
    },
    async delete(key) {
      const [{ DeleteObjectCommand }, s3] = await Promise.all([sdk(), clientOf()]);
      await s3.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
    close() {
      void client?.then((s3) => s3.destroy());
    },
  };
}
