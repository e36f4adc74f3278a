import { Readable } from 'node:stream';
import type { CertificateFileStore } from '@kyogikai/worker/mail';
import type { FileStore } from '../storage/object-storage';

/**
 * The worker's certificate job on the API's object store (test and embedded mode, where this
 * process also plays the worker): one PutObject of known length per PDF.
 */
export function certificateFileStoreOf(storage: FileStore): CertificateFileStore {
  return {
    put: (key, bytes, contentType) =>
      storage.putStream(key, Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), contentType, {
        contentLength: bytes.byteLength,
      }),
    delete: (key) => storage.delete(key),
  };
}
