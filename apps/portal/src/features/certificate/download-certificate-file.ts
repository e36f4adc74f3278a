import type { Message } from '@kyogikai/ui';
import { appLocation } from '../../lib/platform';

/** The member's certificate, through the API (authorised, claimed, counted once: SPEC C4). */
export function certificateDownloadUrl(): string {
  return `${appLocation.prefix}/api/portal/files/certificate`;
}

const KEY_BY_STATUS: Record<number, string> = { 401: 'common.unauthorized', 403: 'common.forbidden', 404: 'certificate.notFound' };

/** The name the API gave the file (RFC 6266 filename*), or a plain one. */
function fileNameOf(disposition: string | null): string {
  const encoded = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // fall through to the plain name
    }
  }
  return 'certificate.pdf';
}

export type CertificateDownloadOutcome = { ok: true; fileName: string } | { ok: false; message: Message };

/**
 * Fetches the PDF and hands it to the browser as a download. Read through fetch rather than a
 * plain link so a refusal (already downloaded, in progress, being prepared) is shown on the page
 * in the user's language instead of replacing it with an error document. The whole body is read
 * before the file is offered: the API counts the download when the last byte has gone out.
 */
export async function downloadCertificateFile(): Promise<CertificateDownloadOutcome> {
  let response: Response;
  try {
    response = await fetch(certificateDownloadUrl(), { credentials: 'same-origin', cache: 'no-store' });
  } catch {
    return { ok: false, message: { key: 'common.network' } };
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: { messageKey?: string; messageParams?: Record<string, string> };
    } | null;
    const key = body?.error?.messageKey ?? KEY_BY_STATUS[response.status] ?? 'common.internal';
    return { ok: false, message: body?.error?.messageParams ? { key, params: body.error.messageParams } : { key } };
  }
  let blob: Blob;
  try {
    blob = await response.blob();
  } catch {
    // The transfer broke: the API gave the claim back, so trying again works.
    return { ok: false, message: { key: 'common.network' } };
  }
  const fileName = fileNameOf(response.headers.get('content-disposition'));
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return { ok: true, fileName };
}
