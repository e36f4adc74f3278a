import { type Message, USER_ACTIVITY_HEADER } from '@kyogikai/ui';
import { activityTracker, appLocation } from '../../lib/platform';

/** A stored document as the upload route answers (SPEC B4c). */
export interface UploadedDocument {
  id: string;
  fileName: string;
  byteSize: number;
  uploadedAt: Date;
}

export type UploadOutcome = { ok: true; document: UploadedDocument } | { ok: false; message: Message } | { ok: false; aborted: true };

/**
 * Whose slot a file goes into (SPEC B4c): a worker's, an establishment's or the organisation's own;
 * or (SPEC D2) a worker being added after joining, named by its change item in the draft.
 */
export type UploadTarget =
  | { scope: 'worker'; workerId: string }
  | { scope: 'worker-addition'; changeItemId: string }
  | { scope: 'establishment'; establishmentId: string }
  | { scope: 'organisation' };

export interface UploadRequest {
  target: UploadTarget;
  /** A required-document key of the tenant, or `other` (workers only). */
  documentKey: string;
  file: File;
  /** For `other`: the name the user typed. */
  documentName?: string;
  /** 0-100 while the body is sent. */
  onProgress: (percent: number) => void;
  signal?: AbortSignal;
}

/** The upload route beside tRPC (same origin, same session cookie): PUT the raw PDF. One route per scope. */
export function documentUploadUrl(target: UploadTarget, documentKey: string): string {
  const owner =
    target.scope === 'worker'
      ? `workers/${encodeURIComponent(target.workerId)}`
      : target.scope === 'worker-addition'
        ? `change-items/${encodeURIComponent(target.changeItemId)}`
        : target.scope === 'establishment'
          ? `establishments/${encodeURIComponent(target.establishmentId)}`
          : 'organisation';
  return `${appLocation.prefix}/api/portal/files/${owner}/documents/${encodeURIComponent(documentKey)}`;
}

/** Where a stored document is opened (through the API, authorised and audited: SPEC G9). */
export function documentDownloadUrl(documentId: string): string {
  return `${appLocation.prefix}/api/portal/files/documents/${encodeURIComponent(documentId)}`;
}

const KEY_BY_STATUS: Record<number, string> = {
  401: 'common.unauthorized',
  403: 'common.forbidden',
  404: 'common.notFound',
  413: 'document.tooLarge',
  415: 'document.notPdf',
};

function messageFromBody(status: number, body: string): Message {
  try {
    const parsed = JSON.parse(body) as { error?: { messageKey?: unknown; messageParams?: unknown } };
    const key = parsed.error?.messageKey;
    if (typeof key === 'string') {
      const params = parsed.error?.messageParams;
      return params && typeof params === 'object' ? { key, params: params as Record<string, string | number> } : { key };
    }
  } catch {
    // Not our JSON (a proxy's error page): fall back to the status.
  }
  return { key: KEY_BY_STATUS[status] ?? 'common.internal' };
}

/**
 * Sends one file with XMLHttpRequest, the one browser API that reports upload progress. The
 * request counts as the user's activity (they chose the file), so it extends the idle timer like
 * any other user-initiated call (SPEC A6).
 */
export function uploadDocument(request: UploadRequest): Promise<UploadOutcome> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', documentUploadUrl(request.target, request.documentKey));
    xhr.setRequestHeader('Content-Type', 'application/pdf');
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(request.file.name));
    if (request.documentName !== undefined) xhr.setRequestHeader('X-Document-Name', encodeURIComponent(request.documentName));
    xhr.setRequestHeader(USER_ACTIVITY_HEADER, '1');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) request.onProgress((event.loaded / event.total) * 100);
    };
    xhr.onload = () => {
      activityTracker.notifyUserRequestCompleted();
      if (xhr.status === 201 || xhr.status === 200) {
        try {
          const body = JSON.parse(xhr.responseText) as { document: Omit<UploadedDocument, 'uploadedAt'> & { uploadedAt: string } };
          resolve({ ok: true, document: { ...body.document, uploadedAt: new Date(body.document.uploadedAt) } });
        } catch {
          resolve({ ok: false, message: { key: 'common.internal' } });
        }
        return;
      }
      resolve({ ok: false, message: messageFromBody(xhr.status, xhr.responseText) });
    };
    // The server may end the connection as soon as a file is over the limit (it checks while
    // streaming), before the browser finishes sending: that arrives as a network error.
    xhr.onerror = () => resolve({ ok: false, message: { key: 'document.uploadFailed' } });
    xhr.onabort = () => resolve({ ok: false, aborted: true });
    request.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    request.onProgress(0);
    xhr.send(request.file);
  });
}

/** Checks before sending (the server decides; this spares a long upload that would be refused). */
export function clientCheck(file: File, maxBytes: number): Message | null {
  const looksLikePdf = file.type === 'application/pdf' || /\.pdf$/i.test(file.name);
  if (!looksLikePdf) return { key: 'document.notPdf' };
  if (file.size > maxBytes) return { key: 'document.tooLarge', params: { maxMb: Math.floor(maxBytes / (1024 * 1024)) } };
  if (file.size === 0) return { key: 'document.unreadable' };
  return null;
}
