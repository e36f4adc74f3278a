import { randomUUID } from 'node:crypto';
import type { TenantTx } from '../database';
import { auditEvents } from '../schema';

export type AuditEntry = {
  tenantId: string;
  /** Null for system actions (jobs, sign-in attempts of unknown users). */
  actorUserId: string | null;
  /** What happened, dotted, e.g. `application.submit`, `change_request.approve`, `document.open`. */
  action: string;
  /** The kind of record acted on, e.g. `application`, `worker`, `certificate`. */
  targetType: string;
  targetId: string | null;
  /** The values before and after (JSON-serialisable); null when not applicable. */
  before?: unknown;
  after?: unknown;
  ip?: string | null;
};

/**
 * Appends one entry to the audit trail (issue 3 item 6) in the caller's transaction, so the
 * entry commits or rolls back with the change it records. Works under withTenant and
 * withOrganisation (audit_events is tenant-level). Returns the new entry's id.
 */
export async function recordAudit(tx: TenantTx, entry: AuditEntry): Promise<{ id: string }> {
  const id = randomUUID();
  // No RETURNING: the id is generated here, so the insert needs no read privilege on the row.
  await tx.insert(auditEvents).values({
    id,
    tenantId: entry.tenantId,
    actorUserId: entry.actorUserId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: entry.ip ?? null,
  });
  return { id };
}
