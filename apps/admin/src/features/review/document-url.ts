import { appLocation } from '../../lib/platform';

/** The audited admin file route (inline, for the preview) and its download variant. */
export function documentUrl(documentId: string, options: { download?: boolean } = {}): string {
  return `${appLocation.prefix}/api/admin/files/documents/${documentId}${options.download ? '?download=1' : ''}`;
}
