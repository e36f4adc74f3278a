import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TenantRecord } from '@kyogikai/db';
import superjson from 'superjson';
import { startEmbeddedS3 } from '../../src/storage/embedded-s3';
import { createObjectStorage } from '../../src/storage/object-storage';
import { tenantOrigin } from '../../src/tenancy/tenant-url';
import { TEST_PASSWORD, type TestApi } from './test-api';

/** A real S3-compatible server (s3rver, in-process) in a temporary folder, and our client for it. */
export async function startTestStorage() {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'kyogikai-s3-test-'));
  const s3 = await startEmbeddedS3({ directory });
  const storage = createObjectStorage(s3.settings);
  return {
    storage,
    async close() {
      storage.close();
      await s3.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/**
 * Minimal, valid PDFs written by hand (a catalogue, a page tree, one page), with the parts the
 * upload checks look at under test control: an /Encrypt entry, a cross-reference stream instead of
 * a table, padding to reach a size.
 */
export function makePdf(options: { encrypt?: boolean; xrefStream?: boolean; padBytes?: number } = {}): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.5\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let size = parts[0]?.length ?? 0;
  const add = (chunk: Buffer | string) => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    parts.push(bytes);
    size += bytes.length;
  };
  const object = (body: string) => {
    offsets.push(size);
    add(`${offsets.length} 0 obj\n${body}\nendobj\n`);
  };
  object('<< /Type /Catalog /Pages 2 0 R >>');
  object('<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  object('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>');
  const pad = options.padBytes ?? 0;
  offsets.push(size);
  add(`${offsets.length} 0 obj\n<< /Length ${pad} >>\nstream\n`);
  add(Buffer.alloc(pad, 0x41));
  add('\nendstream\nendobj\n');
  if (options.encrypt) object(`<< /Filter /Standard /V 1 /R 2 /O <${'00'.repeat(32)}> /U <${'00'.repeat(32)}> /P -4 >>`);
  const encryptRef = options.encrypt ? ` /Encrypt ${offsets.length} 0 R /ID [<01> <01>]` : '';
  const count = offsets.length + 1;
  const xrefAt = size;
  if (options.xrefStream) {
    const entries = Buffer.alloc(7 * (count + 1));
    entries.writeUInt8(0, 0);
    entries.writeUInt16BE(0xffff, 5);
    [...offsets, xrefAt].forEach((offset, index) => {
      entries.writeUInt8(1, 7 * (index + 1));
      entries.writeUInt32BE(offset, 7 * (index + 1) + 1);
    });
    add(`${count} 0 obj\n<< /Type /XRef /Size ${count + 1} /W [1 4 2] /Root 1 0 R${encryptRef} /Length ${entries.length} >>\nstream\n`);
    add(entries);
    add('\nendstream\nendobj\n');
  } else {
    const lines = ['xref', `0 ${count}`, '0000000000 65535 f\r', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n\r`)];
    add(`${lines.join('\n')}\ntrailer\n<< /Size ${count} /Root 1 0 R${encryptRef} >>\n`);
  }
  add(`startxref\n${xrefAt}\n%%EOF\n`);
  return Buffer.concat(parts);
}

/** The first bytes of a real PNG, renamed .pdf by the test. */
export const PNG_BYTES = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2048, 7)]);

/** Signs in through the portal's tRPC endpoint over HTTP and returns the Cookie header value. */
export async function portalCookie(api: TestApi, tenant: TenantRecord, loginId: string, password: string): Promise<string> {
  const response = await api.app.request(`/t/${tenant.slug}/api/portal/trpc/session.signIn`, {
    method: 'POST',
    headers: { origin: tenantOrigin(tenant), 'content-type': 'application/json' },
    body: JSON.stringify(superjson.serialize({ loginId, password })),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** Signs a staff member in through the admin's tRPC endpoint over HTTP and returns the Cookie header value. */
export async function adminCookie(api: TestApi, tenant: TenantRecord, email: string, password = TEST_PASSWORD): Promise<string> {
  const response = await api.app.request(`/t/${tenant.slug}/api/admin/trpc/session.signIn`, {
    method: 'POST',
    headers: { origin: tenantOrigin(tenant), 'content-type': 'application/json' },
    body: JSON.stringify(superjson.serialize({ email, password })),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** A body sent chunk by chunk with no Content-Length, as a streaming client would. */
export function chunkedBody(bytes: Buffer, chunkSize = 64 * 1024): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(new Uint8Array(bytes.subarray(offset, offset + chunkSize)));
      offset += chunkSize;
    },
  });
}

export type UploadOptions = {
  cookie: string;
  fileName?: string;
  documentName?: string;
  contentType?: string;
  /** Send the bytes as a stream without Content-Length. */
  isChunked?: boolean;
  origin?: string;
};

/** PUT <prefix>/api/portal/files/workers/:workerId/documents/:documentKey, as the portal does. */
export function uploadDocument(
  api: TestApi,
  tenant: TenantRecord,
  workerId: string,
  documentKey: string,
  bytes: Buffer,
  options: UploadOptions,
) {
  const headers: Record<string, string> = {
    cookie: options.cookie,
    origin: options.origin ?? tenantOrigin(tenant),
    'content-type': options.contentType ?? 'application/pdf',
    'x-file-name': encodeURIComponent(options.fileName ?? 'document.pdf'),
  };
  if (options.documentName !== undefined) headers['x-document-name'] = encodeURIComponent(options.documentName);
  if (!options.isChunked) headers['content-length'] = String(bytes.length);
  return api.app.request(`/t/${tenant.slug}/api/portal/files/workers/${workerId}/documents/${documentKey}`, {
    method: 'PUT',
    headers,
    body: options.isChunked ? chunkedBody(bytes) : new Uint8Array(bytes),
    ...(options.isChunked ? { duplex: 'half' } : {}),
  } as RequestInit);
}

export function downloadDocument(api: TestApi, tenant: TenantRecord, documentId: string, cookie: string) {
  return api.app.request(`/t/${tenant.slug}/api/portal/files/documents/${documentId}`, { headers: { cookie } });
}
