import { schema, type TenantTx } from '@kyogikai/db';
import {
  availableChangeRequestEvents,
  planChangeSubmission,
  staffActor,
  type TChangeItemKind,
  type TChangeRequestEventType,
  type TChangeRequestState,
  type TStaffRole,
  type TTenantConfig,
} from '@kyogikai/domain';
import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { listPendingWorkerDocuments } from '../documents/document-slots-view';
import { listCurrentWorkerDocuments, type WorkerDocumentView } from '../registered-data/workers';
import { notFound } from '../trpc/app-error';
import { fieldChanges, type TChangeItemRow } from './change-items';
import { describeChangeItems } from './describe-change-items';

/** What the staff queue lists: waiting for the secretariat, or (forwarded) for the ministry. */
const QUEUE_STATES_BY_ROLE: Record<TStaffRole, readonly TChangeRequestState[]> = {
  secretariat: ['submitted', 'under_review', 'forwarded'],
  tenant_admin: ['submitted', 'under_review', 'forwarded'],
  // The ministry decides forwarded requests only (certificate items where the tenant has the step).
  ministry: ['forwarded'],
};

export type TQueuedChangeRequest = {
  id: string;
  version: number;
  state: TChangeRequestState;
  corporateName: string;
  membershipNumber: string;
  submittedAt: Date | null;
  submittedByName: string;
  kinds: TChangeItemKind[];
  issuesCertificate: boolean;
};

/** Change requests waiting for staff, oldest submission first (the order they should be decided in). */
export async function listQueuedChangeRequests(tx: TenantTx, role: TStaffRole, config: Pick<TTenantConfig, 'approvalSteps'>) {
  const r = schema.changeRequests;
  const o = schema.organisations;
  const u = schema.users;
  const i = schema.changeItems;
  const rows = await tx
    .select({
      id: r.id,
      version: r.version,
      state: r.state,
      corporateName: o.corporateName,
      membershipNumber: o.membershipNumber,
      submittedAt: r.submittedAt,
      submittedByName: u.displayName,
    })
    .from(r)
    .innerJoin(o, and(eq(o.tenantId, r.tenantId), eq(o.id, r.organisationId)))
    .leftJoin(u, and(eq(u.tenantId, r.tenantId), eq(u.id, r.submittedByUserId)))
    .where(inArray(r.state, [...QUEUE_STATES_BY_ROLE[role]]))
    .orderBy(asc(r.submittedAt), asc(r.id))
    .limit(500);
  const kinds = rows.length
    ? await tx
        .selectDistinct({ changeRequestId: i.changeRequestId, kind: i.kind })
        .from(i)
        .where(
          inArray(
            i.changeRequestId,
            rows.map((row) => row.id),
          ),
        )
    : [];
  return rows.map((row): TQueuedChangeRequest => {
    const own = kinds.filter((k) => k.changeRequestId === row.id).map((k) => k.kind);
    return {
      ...row,
      corporateName: row.corporateName ?? '',
      membershipNumber: row.membershipNumber ?? '',
      submittedByName: row.submittedByName ?? '',
      kinds: own,
      issuesCertificate: planChangeSubmission(own, config.approvalSteps).issuesCertificate,
    };
  });
}

/**
 * The order the detail page reads items in: the organisation's own (D1, D5), then workers (D2, D3),
 * then establishments (D3, D4); within a kind, the order they were saved in (sort is stable).
 */
const ITEM_ORDER: readonly TChangeItemKind[] = [
  'certificate_items',
  'other',
  'worker_add',
  'worker_establishments',
  'establishment_edit',
  'establishment_add',
];

/** A file of a worker being added (SPEC D2), as the secretariat opens it through the audited admin file route. */
export type TStaffItemDocument = {
  id: string;
  documentKey: string;
  nameJa: string;
  nameEn: string;
  fileName: string;
  byteSize: number;
  uploadedAt: Date;
};

/**
 * The files of `worker_add` items: while the request waits, those pending on the item; once
 * approved, the new worker's (attached at approval, ADR 025). Named by the tenant's slot, or by
 * the name the member typed for an other document.
 */
async function workerAdditionDocuments(
  tx: TenantTx,
  config: Pick<TTenantConfig, 'requiredDocuments'>,
  items: readonly TChangeItemRow[],
): Promise<Map<string, TStaffItemDocument[]>> {
  const additions = items.filter((item) => item.kind === 'worker_add');
  const byItem = new Map<string, TStaffItemDocument[]>(additions.map((item) => [item.id, []]));
  if (additions.length === 0) return byItem;
  const slots = new Map(config.requiredDocuments.filter((slot) => slot.scope === 'worker').map((slot) => [slot.key, slot]));
  const named = (doc: WorkerDocumentView) => {
    const slot = slots.get(doc.documentKey);
    return {
      id: doc.id,
      documentKey: doc.documentKey,
      nameJa: slot?.nameJa ?? doc.customName ?? doc.documentKey,
      nameEn: slot?.nameEn ?? doc.customName ?? doc.documentKey,
      fileName: doc.fileName,
      byteSize: doc.byteSize,
      uploadedAt: doc.uploadedAt,
    };
  };
  for (const doc of await listPendingWorkerDocuments(
    tx,
    additions.map((item) => item.id),
  ))
    byItem.get(doc.changeItemId)?.push(named(doc));
  const applied = additions.filter((item) => item.appliedAt !== null && item.entityId !== null);
  if (applied.length > 0) {
    const itemByWorker = new Map(applied.map((item) => [item.entityId ?? '', item.id]));
    const rows = await listCurrentWorkerDocuments(tx, [...itemByWorker.keys()]);
    for (const row of rows) byItem.get(itemByWorker.get(row.workerId ?? '') ?? '')?.push(named(row));
  }
  return byItem;
}

/** Registered (not archived) workers at each establishment an `establishment_edit` changes (SPEC D3: the edit reaches them all). */
async function workersReached(tx: TenantTx, items: readonly TChangeItemRow[]): Promise<Map<string, number>> {
  const ids = items.filter((item) => item.kind === 'establishment_edit' && item.entityId !== null).map((item) => item.entityId ?? '');
  if (ids.length === 0) return new Map();
  const we = schema.workerEstablishments;
  const w = schema.workers;
  const rows = await tx
    .select({ establishmentId: we.establishmentId, workers: count() })
    .from(we)
    .innerJoin(w, and(eq(w.tenantId, we.tenantId), eq(w.id, we.workerId)))
    .where(and(inArray(we.establishmentId, ids), isNull(w.archivedAt)))
    .groupBy(we.establishmentId);
  return new Map(rows.map((row) => [row.establishmentId, row.workers]));
}

/**
 * One change request for the staff console: who asked, 変更内容 and 理由, every item with its
 * subject and its changes field by field before/after (applied ones marked: D5 items are in force
 * since submission; D2-D4 items of workers and establishments through describeChangeItems, so the
 * secretariat reads what the member, the history and the mails read), the files of a worker being
 * added, how many registered workers an establishment edit reaches, the review trail, and the events
 * this staff member may fire now (from the machine, so the buttons never offer a refused step).
 */
export async function getChangeRequestForStaff(
  tx: TenantTx,
  input: { id: string; role: TStaffRole; config: Pick<TTenantConfig, 'approvalSteps' | 'requiredDocuments'> },
) {
  const r = schema.changeRequests;
  const o = schema.organisations;
  const i = schema.changeItems;
  const submitter = alias(schema.users, 'submitter');
  const decider = alias(schema.users, 'decider');
  const [row] = await tx
    .select({
      request: r,
      corporateName: o.corporateName,
      membershipNumber: o.membershipNumber,
      membershipState: o.membershipState,
      submittedByName: submitter.displayName,
      decidedByName: decider.displayName,
    })
    .from(r)
    .innerJoin(o, and(eq(o.tenantId, r.tenantId), eq(o.id, r.organisationId)))
    .leftJoin(submitter, and(eq(submitter.tenantId, r.tenantId), eq(submitter.id, r.submittedByUserId)))
    .leftJoin(decider, and(eq(decider.tenantId, r.tenantId), eq(decider.id, r.decidedByUserId)))
    .where(eq(r.id, input.id));
  // A draft is the member's own, not yet the council's to read; the ministry sees what it decides.
  if (!row || row.request.state === 'draft') throw notFound('changeRequest.notFound');
  if (input.role === 'ministry' && !['forwarded', 'approved', 'rejected'].includes(row.request.state))
    throw notFound('changeRequest.notFound');
  const items = await tx.select().from(i).where(eq(i.changeRequestId, row.request.id)).orderBy(asc(i.createdAt), asc(i.id));
  const kinds = [...new Set(items.map((item) => item.kind))];
  const events = availableChangeRequestEvents(row.request.state, staffActor(input.role), {
    approvalSteps: input.config.approvalSteps,
    kinds,
  }).filter((event): event is Exclude<TChangeRequestEventType, 'submit' | 'cancel'> => event !== 'submit' && event !== 'cancel');
  const applied = new Set(items.filter((item) => item.appliedAt !== null).map((item) => item.id));
  const described = await describeChangeItems(tx, items);
  const documents = await workerAdditionDocuments(tx, input.config, items);
  const reached = await workersReached(tx, items);
  const { request } = row;
  return {
    id: request.id,
    version: request.version,
    state: request.state,
    corporateName: row.corporateName ?? '',
    membershipNumber: row.membershipNumber ?? '',
    membershipState: row.membershipState,
    content: request.content ?? '',
    reason: request.reason ?? '',
    submittedAt: request.submittedAt,
    submittedByName: row.submittedByName ?? '',
    forwardedAt: request.forwardedAt,
    decidedAt: request.decidedAt,
    decidedByName: row.decidedByName,
    decisionReason: request.decisionReason,
    issuesCertificate: planChangeSubmission(kinds, input.config.approvalSteps).issuesCertificate,
    needsMinistry: planChangeSubmission(kinds, input.config.approvalSteps).needsMinistry,
    changes: fieldChanges(items).map((change) => ({
      field: change.field,
      kind: change.kind,
      before: change.before,
      after: change.after,
      isApplied: applied.has(change.itemId),
    })),
    items: [...items]
      .sort((a, b) => ITEM_ORDER.indexOf(a.kind) - ITEM_ORDER.indexOf(b.kind))
      .map((item) => {
        const changes = described.filter((change) => change.itemId === item.id);
        return {
          id: item.id,
          kind: item.kind,
          subject: changes[0]?.subject ?? '',
          isApplied: item.appliedAt !== null,
          changes: changes.map((change) => ({
            field: change.field,
            labelJa: change.labelJa,
            labelEn: change.labelEn,
            before: change.before,
            after: change.after,
          })),
          workerCount: item.kind === 'establishment_edit' ? (reached.get(item.entityId ?? '') ?? 0) : null,
          documents: documents.get(item.id) ?? null,
        };
      }),
    // The audited file route serves reviewers (issue 6 item 2); tenant administrators read only.
    canOpenDocuments: input.role !== 'tenant_admin',
    events,
  };
}
