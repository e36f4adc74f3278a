import { pgErrorCode, recordAudit, schema, type TenantTx } from '@kyogikai/db';
import {
  checkCustomFields,
  missingDocumentKeys,
  requiredWorkerDocumentKeys,
  type TTenantConfig,
  type TWorkerValues,
} from '@kyogikai/domain';
import { and, asc, count, eq, gt, inArray, isNull, or } from 'drizzle-orm';
import { AppError, fieldErrors, notFound } from '../trpc/app-error';
import { assertRegisteredDataEditable } from './editability';
import { type EditActor, extraOf } from './establishments';

export const WORKER_PAGE_DEFAULT = 50;
export const WORKER_PAGE_MAX = 100;

/** Documents that count as the worker's current files: not replaced, not removed, not part of a pending change. */
export function currentDocumentsOf(workerIds: string[]) {
  const d = schema.documents;
  return and(inArray(d.workerId, workerIds), isNull(d.replacedAt), isNull(d.deletedAt), isNull(d.pendingChangeItemId));
}

type Cursor = { createdAt: Date; id: string };

/** Opaque to the client: the position after the last worker of a page (registration order). */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`, 'utf8').toString('base64url');
}

function decodeCursor(value: string): Cursor {
  const [iso, id] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(iso ?? '');
  if (!id || Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('BAD_REQUEST', 'validation.invalid');
  return { createdAt, id };
}

export type WorkerListItem = {
  id: string;
  nameLatin: string;
  nationality: string;
  nameKana: string | null;
  establishments: { id: string; name: string }[];
  documentsComplete: boolean;
  missingDocumentKeys: string[];
};

/** Establishment links and current document keys of these workers, in two queries. */
async function linksAndDocuments(tx: TenantTx, workerIds: string[]) {
  const we = schema.workerEstablishments;
  const e = schema.establishments;
  const d = schema.documents;
  if (workerIds.length === 0)
    return { establishments: new Map<string, { id: string; name: string }[]>(), keys: new Map<string, string[]>() };
  const links = await tx
    .select({ workerId: we.workerId, id: e.id, name: e.name })
    .from(we)
    .innerJoin(e, and(eq(e.tenantId, we.tenantId), eq(e.id, we.establishmentId)))
    .where(inArray(we.workerId, workerIds))
    .orderBy(asc(e.createdAt), asc(e.id));
  const documents = await tx.select({ workerId: d.workerId, documentKey: d.documentKey }).from(d).where(currentDocumentsOf(workerIds));
  const establishments = new Map<string, { id: string; name: string }[]>();
  for (const link of links)
    establishments.set(link.workerId, [...(establishments.get(link.workerId) ?? []), { id: link.id, name: link.name }]);
  const keys = new Map<string, string[]>();
  for (const doc of documents) if (doc.workerId) keys.set(doc.workerId, [...(keys.get(doc.workerId) ?? []), doc.documentKey]);
  return { establishments, keys };
}

/**
 * STEP2's list of registered workers (SPEC B4, issue 5 item 1), in registration order, a page at a
 * time (item 8: 200 workers and more), with their establishments and whether their required
 * documents are all there. Three queries per page whatever its size.
 */
export async function listWorkers(
  tx: TenantTx,
  config: TTenantConfig,
  input: { cursor?: string | undefined; limit?: number | undefined },
): Promise<{ items: WorkerListItem[]; nextCursor: string | null; total: number }> {
  const w = schema.workers;
  const limit = Math.min(Math.max(input.limit ?? WORKER_PAGE_DEFAULT, 1), WORKER_PAGE_MAX);
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await tx
    .select()
    .from(w)
    .where(
      and(
        isNull(w.archivedAt),
        after ? or(gt(w.createdAt, after.createdAt), and(eq(w.createdAt, after.createdAt), gt(w.id, after.id))) : undefined,
      ),
    )
    .orderBy(asc(w.createdAt), asc(w.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const [totals] = await tx.select({ total: count() }).from(w).where(isNull(w.archivedAt));
  const { establishments, keys } = await linksAndDocuments(
    tx,
    page.map((row) => row.id),
  );
  const required = requiredWorkerDocumentKeys(config);
  const items = page.map((row) => {
    const missing = missingDocumentKeys(required, keys.get(row.id) ?? []);
    return {
      id: row.id,
      nameLatin: row.nameLatin,
      nationality: row.nationality,
      nameKana: row.nameKana,
      establishments: establishments.get(row.id) ?? [],
      documentsComplete: missing.length === 0,
      missingDocumentKeys: missing,
    };
  });
  const last = page[page.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null, total: totals?.total ?? 0 };
}

export type WorkerDocumentView = {
  id: string;
  documentKey: string;
  customName: string | null;
  fileName: string;
  byteSize: number;
  uploadedAt: Date;
};

export type WorkerView = {
  id: string;
  nameLatin: string;
  nationality: string;
  nameKana: string | null;
  extra: Record<string, string>;
  establishmentIds: string[];
  version: number;
  documents: WorkerDocumentView[];
};

/** A document's columns as its lists show it: the slot, the name typed for an other document, the file. */
export function documentFileColumns() {
  const d = schema.documents;
  return {
    id: d.id,
    documentKey: d.documentKey,
    customName: d.customName,
    fileName: d.fileName,
    byteSize: d.byteSize,
    uploadedAt: d.uploadedAt,
  };
}

/** The current documents of these workers, in upload order, each with its worker. */
export async function listCurrentWorkerDocuments(
  tx: TenantTx,
  workerIds: string[],
): Promise<(WorkerDocumentView & { workerId: string | null })[]> {
  const d = schema.documents;
  return tx
    .select({ ...documentFileColumns(), workerId: d.workerId })
    .from(d)
    .where(currentDocumentsOf(workerIds))
    .orderBy(asc(d.uploadedAt), asc(d.createdAt), asc(d.id));
}

/** The worker's current documents (required slots first in upload order, then the others). */
export async function listWorkerDocuments(tx: TenantTx, workerId: string): Promise<WorkerDocumentView[]> {
  return (await listCurrentWorkerDocuments(tx, [workerId])).map(({ workerId: _worker, ...doc }) => doc);
}

/** One worker with everything the edit form and the upload slots need. */
export async function getWorker(tx: TenantTx, id: string): Promise<WorkerView> {
  const w = schema.workers;
  const [row] = await tx
    .select()
    .from(w)
    .where(and(eq(w.id, id), isNull(w.archivedAt)));
  if (!row) throw notFound('worker.notFound');
  const { establishments } = await linksAndDocuments(tx, [id]);
  return {
    id: row.id,
    nameLatin: row.nameLatin,
    nationality: row.nationality,
    nameKana: row.nameKana,
    extra: extraOf(row.extra),
    establishmentIds: (establishments.get(id) ?? []).map((e) => e.id),
    version: row.version,
    documents: await listWorkerDocuments(tx, id),
  };
}

/** The tenant's worker fields and the chosen establishments (this organisation's, not archived). */
async function checkWorkerValues(tx: TenantTx, config: TTenantConfig, values: TWorkerValues, pathPrefix: string) {
  const { values: extra, issues } = checkCustomFields(config.customFields.worker, values.extra);
  const e = schema.establishments;
  // Row-level security limits this to the acting organisation: another organisation's id is simply not found.
  const found = await tx
    .select({ id: e.id })
    .from(e)
    .where(and(inArray(e.id, values.establishmentIds), isNull(e.archivedAt)));
  const problems = issues.map((issue) => ({ ...issue, path: `${pathPrefix}${issue.path}` }));
  if (found.length !== values.establishmentIds.length) {
    problems.push({ path: `${pathPrefix}establishmentIds`, messageKey: 'establishment.notFound' });
  }
  if (problems.length > 0) throw fieldErrors(problems);
  return extra;
}

/** A worker's establishments, replaced (B4b edits before joining; D2/D3 items on approval). */
export async function replaceWorkerLinks(
  tx: TenantTx,
  owner: { tenantId: string; organisationId: string },
  workerId: string,
  establishmentIds: readonly string[],
): Promise<void> {
  const we = schema.workerEstablishments;
  await tx.delete(we).where(eq(we.workerId, workerId));
  await tx.insert(we).values(
    establishmentIds.map((establishmentId) => ({
      tenantId: owner.tenantId,
      organisationId: owner.organisationId,
      workerId,
      establishmentId,
    })),
  );
}

/** 「登録する」 of a new worker (SPEC B4b, B4d). */
export async function createWorker(tx: TenantTx, actor: EditActor, config: TTenantConfig, values: TWorkerValues) {
  await assertRegisteredDataEditable(tx, actor.organisationId);
  const extra = await checkWorkerValues(tx, config, values, '');
  const w = schema.workers;
  const [row] = await tx
    .insert(w)
    .values({
      tenantId: actor.tenantId,
      organisationId: actor.organisationId,
      nameLatin: values.nameLatin,
      nationality: values.nationality,
      nameKana: values.nameKana ?? null,
      extra,
    })
    .returning({ id: w.id, version: w.version });
  if (!row) throw new Error('insert returned no worker');
  await replaceWorkerLinks(tx, actor, row.id, values.establishmentIds);
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    actorUserId: actor.userId,
    action: 'worker.created',
    targetType: 'worker',
    targetId: row.id,
    after: { ...values, nameKana: values.nameKana ?? null, extra },
    ip: actor.clientAddress,
  });
  return row;
}

/** Locks the worker row and checks the version the form was loaded with. */
async function lockWorker(tx: TenantTx, id: string, version: number) {
  const w = schema.workers;
  const [current] = await tx
    .select()
    .from(w)
    .where(and(eq(w.id, id), isNull(w.archivedAt)))
    .for('update');
  if (!current) throw notFound('worker.notFound');
  if (current.version !== version) throw new AppError('CONFLICT', 'common.conflict', { currentVersion: current.version });
  return current;
}

export async function updateWorker(
  tx: TenantTx,
  actor: EditActor,
  config: TTenantConfig,
  input: { id: string; version: number; values: TWorkerValues },
): Promise<{ version: number }> {
  await assertRegisteredDataEditable(tx, actor.organisationId);
  const current = await lockWorker(tx, input.id, input.version);
  const extra = await checkWorkerValues(tx, config, input.values, 'values.');
  const we = schema.workerEstablishments;
  const before = await tx.select({ id: we.establishmentId }).from(we).where(eq(we.workerId, input.id));
  const w = schema.workers;
  // The links are versioned by their worker (ADR 013): the update bumps the version even if only they change.
  const [saved] = await tx
    .update(w)
    .set({ nameLatin: input.values.nameLatin, nationality: input.values.nationality, nameKana: input.values.nameKana ?? null, extra })
    .where(and(eq(w.id, input.id), eq(w.version, input.version)))
    .returning({ version: w.version });
  if (!saved) throw new AppError('CONFLICT', 'common.conflict', { currentVersion: current.version });
  await replaceWorkerLinks(tx, actor, input.id, input.values.establishmentIds);
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    actorUserId: actor.userId,
    action: 'worker.updated',
    targetType: 'worker',
    targetId: input.id,
    before: {
      nameLatin: current.nameLatin,
      nationality: current.nationality,
      nameKana: current.nameKana,
      extra: current.extra,
      establishmentIds: before.map((link) => link.id),
    },
    after: { ...input.values, nameKana: input.values.nameKana ?? null, extra },
    ip: actor.clientAddress,
  });
  return saved;
}

/**
 * Removes a worker before the application is handed in, with its establishment links and its
 * documents' rows. Returns the object keys of those documents: the caller deletes the objects
 * once this transaction has committed (a rolled-back delete must not lose files).
 */
export async function deleteWorker(
  tx: TenantTx,
  actor: EditActor,
  input: { id: string; version: number },
): Promise<{ objectKeys: string[] }> {
  await assertRegisteredDataEditable(tx, actor.organisationId);
  const current = await lockWorker(tx, input.id, input.version);
  const d = schema.documents;
  const removed = await tx
    .delete(d)
    .where(eq(d.workerId, input.id))
    .returning({ id: d.id, objectKey: d.objectKey, fileName: d.fileName, documentKey: d.documentKey });
  const w = schema.workers;
  try {
    await tx.delete(w).where(and(eq(w.id, input.id), eq(w.version, input.version)));
  } catch (error) {
    // A change item still names the worker (only after joining, ADR 013): it cannot simply go.
    if (pgErrorCode(error) === '23503') throw new AppError('CONFLICT', 'common.conflict');
    throw error;
  }
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    actorUserId: actor.userId,
    action: 'worker.deleted',
    targetType: 'worker',
    targetId: input.id,
    before: {
      nameLatin: current.nameLatin,
      nationality: current.nationality,
      nameKana: current.nameKana,
      documents: removed.map(({ id, documentKey, fileName }) => ({ id, documentKey, fileName })),
    },
    ip: actor.clientAddress,
  });
  return { objectKeys: removed.map((doc) => doc.objectKey) };
}
