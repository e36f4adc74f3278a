import { CreateBucketCommand, DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { Readable } from 'node:stream';

export interface S3Settings {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * The one object-store client, used the same way in every mode: in embedded mode the endpoint is
 * the in-process S3-compatible server, in production a real S3. Keys always start with the tenant
 * (see issue 5 for the full key scheme); callers never pass user input into a key.
 */
export function createObjectStorage(settings: S3Settings) {
  const client = new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    forcePathStyle: true,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
  });
  const Bucket = settings.bucket;

  return {
    bucket: Bucket,
    async health(): Promise<'ok'> {
      await client.send(new HeadBucketCommand({ Bucket }));
      return 'ok';
    },
    async ensureBucket(): Promise<void> {
      const exists = await client.send(new HeadBucketCommand({ Bucket })).then(
        () => true,
        () => false,
      );
      if (!exists) await client.send(new CreateBucketCommand({ Bucket }));
    },
    /** Streams a body of unknown length with multipart upload: never held whole in memory. */
    async putStream(key: string, body: Readable, contentType: string): Promise<void> {
      await new Upload({ client, params: { Bucket, Key: key, Body: body, ContentType: contentType } }).done();
    },
    async getStream(key: string): Promise<Readable> {
      const result = await client.send(new GetObjectCommand({ Bucket, Key: key }));
      return result.Body as Readable;
    },
    async delete(key: string): Promise<void> {
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
    close(): void {
      client.destroy();
    },
  };
}
export type ObjectStorage = ReturnType<typeof createObjectStorage>;
