import { randomUUID } from 'node:crypto';

/**
 * Object keys of uploaded documents (ADR 017). Built from ids the server owns only — never a file
 * name or anything else the user sent — and always starting with the tenant and organisation, so a
 * key can never reach another tenant's files and a bucket policy or lifecycle rule can be scoped.
 */
export function organisationPrefix(tenantId: string, organisationId: string): string {
  return `tenants/${tenantId}/organisations/${organisationId}/`;
}

/** Where a stored, verified document lives. */
export function newDocumentKey(tenantId: string, organisationId: string): string {
  return `${organisationPrefix(tenantId, organisationId)}documents/${randomUUID()}.pdf`;
}

/** Where an upload lands while it is checked; copied to a document key only once it passed. */
export function newQuarantineKey(tenantId: string, organisationId: string): string {
  return `${organisationPrefix(tenantId, organisationId)}quarantine/${randomUUID()}.pdf`;
}
