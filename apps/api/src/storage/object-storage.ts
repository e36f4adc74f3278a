import {
  CopyObjectCommand,
  CreateBucketCommand,
  PutObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
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
 * What the API needs of the object store. Keys are built by the server only (storage/document-keys.ts),
 * start with the tenant and never contain user input. Tests that store no files use
 * `unavailableFileStore()`.
 */
export interface FileStore {
  health(): Promise<string>;
  /**
   * Streams a body to `key`. With its length known, one PutObject straight from the stream (nothing
   * buffered); otherwise a multipart upload holding about two 5 MB parts at a time (lib-storage).
   */
  putStream(
    key: string,
    body: Readable,
    contentType: string,
    options?: { contentLength?: number | null; signal?: AbortSignal },
  ): Promise<void>;
  getStream(key: string): Promise<Readable>;
  /** Bytes [start, start + length) of an object (fewer at its end). */
  getRange(key: string, start: number, length: number): Promise<Buffer>;
  /** Server-side copy (no bytes pass through the API). */
  copy(fromKey: string, toKey: string, contentType: string): Promise<void>;
  /** Deleting a key that does not exist is not an error. */
  delete(key: string): Promise<void>;
  /** Keys under a prefix (tests and operator checks; not used on request paths). */
  list(prefix: string): Promise<string[]>;
  /** Objects under a prefix with their last-modified time, a page at a time (the sweep). */
  listObjects(prefix: string): AsyncIterable<StoredObject>;
}

export type StoredObject = { key: string; lastModified: Date };

/**
 * lib-storage collects each part in memory before sending it (and concatenates the chunks it
 * received). With one part in flight (queueSize 1) and the S3 minimum part size, a body of unknown
 * length costs about two to three parts of memory however large it is (bench/upload-rss.ts,
 * docs/benchmarks.md); a body of known length is not buffered at all.
 */
const UPLOAD_PART_BYTES = 5 * 1024 * 1024;
const UPLOAD_QUEUE_SIZE = 1;

/**
 * The one object-store client, used the same way in every mode: in embedded mode the endpoint is
 * the in-process S3-compatible server, in production a real S3.
 */
export function createObjectStorage(settings: S3Settings) {
  const client = new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    forcePathStyle: true,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    // With a checksum on every request the SDK sends a streamed body aws-chunked with a trailer,
    // which S3-compatible stores (s3rver among them) do not all read. Uploads carry our own SHA-256
    // in the database instead (ADR 017).
    requestChecksumCalculation: 'WHEN_REQUIRED',
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
    async putStream(
      key: string,
      body: Readable,
      contentType: string,
      options: { contentLength?: number | null; signal?: AbortSignal } = {},
    ): Promise<void> {
      const { contentLength, signal } = options;
      if (contentLength !== undefined && contentLength !== null) {
        await client.send(new PutObjectCommand({ Bucket, Key: key, Body: body, ContentType: contentType, ContentLength: contentLength }), {
          abortSignal: signal,
        });
        return;
      }
      const abortController = new AbortController();
      signal?.addEventListener('abort', () => abortController.abort(), { once: true });
      await new Upload({
        abortController,
        client,
        params: { Bucket, Key: key, Body: body, ContentType: contentType },
        partSize: UPLOAD_PART_BYTES,
        queueSize: UPLOAD_QUEUE_SIZE,
        // A failed or aborted upload must leave nothing behind (no orphaned parts either).
        leavePartsOnError: false,
      }).done();
    },
    async getStream(key: string): Promise<Readable> {
      const result = await client.send(new GetObjectCommand({ Bucket, Key: key }));
      return result.Body as Readable;
    },
    async getRange(key: string, start: number, length: number): Promise<Buffer> {
      const result = await client.send(new GetObjectCommand({ Bucket, Key: key, Range: `bytes=${start}-${start + length - 1}` }));
      const bytes = await result.Body?.transformToByteArray();
      return Buffer.from(bytes ?? new Uint8Array());
    },
    async copy(fromKey: string, toKey: string, contentType: string): Promise<void> {
      await client.send(
        new CopyObjectCommand({
          Bucket,
          Key: toKey,
          CopySource: `${Bucket}/${fromKey.split('/').map(encodeURIComponent).join('/')}`,
          ContentType: contentType,
          MetadataDirective: 'REPLACE',
        }),
      );
    },
    async delete(key: string): Promise<void> {
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
    async list(prefix: string): Promise<string[]> {
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix: prefix, ContinuationToken: token }));
        for (const item of page.Contents ?? []) if (item.Key) keys.push(item.Key);
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return keys;
    },
    async *listObjects(prefix: string): AsyncIterable<StoredObject> {
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix: prefix, ContinuationToken: token }));
        for (const item of page.Contents ?? []) {
          if (item.Key && item.LastModified) yield { key: item.Key, lastModified: item.LastModified };
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },
    close(): void {
      client.destroy();
    },
  } satisfies FileStore & Record<string, unknown>;
}
export type ObjectStorage = ReturnType<typeof createObjectStorage>;

/** For tests and tools that never touch files: any file operation fails loudly. */
export function unavailableFileStore(): FileStore {
  const fail = async (): Promise<never> => {
    throw new Error('no object storage configured for this test');
  };
  return {
    health: async () => 'ok',
    putStream: fail,
    getStream: fail,
    getRange: fail,
    copy: fail,
    delete: fail,
    list: fail,
    listObjects: () => ({
      [Symbol.asyncIterator]: () => ({ next: fail }),
    }),
  };
}
