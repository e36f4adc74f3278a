import type { Readable } from 'node:stream';
import { type Database, pgErrorCode, recordAudit, schema, type TenantRecord, type TenantTx, withOrganisation } from '@kyogikai/db';
import { documentMaxBytes, OTHER_DOCUMENT_KEY, type TDocumentScope } from '@kyogikai/domain';
import { and, eq, isNotNull, isNull, or, type SQL } from 'drizzle-orm';
import type { Clock } from '../clock';
import { assertRegisteredDataEditable } from '../registered-data/editability';
import type { EditActor } from '../registered-data/establishments';
import { documentFileColumns, type WorkerDocumentView } from '../registered-data/workers';
import { newDocumentKey, newQuarantineKey } from '../storage/document-keys';
import { assertPendingWorkerEditable } from './pending-change-documents';
import type { FileStore } from '../storage/object-storage';
import { AppError, notFound } from '../trpc/app-error';
import { createPdfInspector, findStartXref, judgePdfStructure, PDF_XREF_WINDOW, tooLarge } from './pdf-checks';

/** The client went away before the end of the file: nothing to answer, nothing to log as a fault. */
export class ClientClosedError extends Error {
  override readonly name = 'ClientClosedError';
  constructor() {
    super('the client closed the connection before the end of the file');
  }
}

export type DocumentDeps = { database: Database; storage: FileStore; clock: Clock };

const PDF = 'application/pdf';

/**
 * Deletes the objects of documents whose rows were replaced or removed, after the transaction that
 * did so committed, then the rows themselves. A row stays (with replaced_at / deleted_at) if its
 * object could not be deleted, so nothing in the bucket is ever unaccounted for (ADR 017).
 */
export async function purgeDocumentObjects(
  deps: DocumentDeps,
  scope: { tenantId: string; organisationId: string },
  documents: readonly { id: string; objectKey: string }[],
): Promise<void> {
  for (const doc of documents) {
    try {
      await deps.storage.delete(doc.objectKey);
      const d = schema.documents;
      await withOrganisation(deps.database, scope.tenantId, scope.organisationId, (tx) =>
        tx.delete(d).where(and(eq(d.id, doc.id), or(isNotNull(d.replacedAt), isNotNull(d.deletedAt)))),
      );
    } catch (error) {
      console.error(`document ${doc.id}: object ${doc.objectKey} not deleted yet`, error);
    }
  }
}

/** Objects of rows that are already gone (a deleted worker's documents): best effort, logged. */
export async function deleteObjects(storage: FileStore, objectKeys: readonly string[]): Promise<void> {
  for (const key of objectKeys) {
    await storage.delete(key).catch((error: unknown) => console.error(`object ${key} not deleted`, error));
  }
}

/**
 * Whose document it is (SPEC B4c, ADR 017): one of the organisation's workers, one of its
 * establishments (e.g. 飲食店営業許可証の写し), or the organisation itself (e.g. 登記事項証明書).
 * The organisation is always the acting one, from the session.
 */
export type DocumentTarget =
  | { scope: 'worker'; workerId: string }
  /** A worker being added after joining (SPEC D2): its `worker_add` change item in the draft. */
  | { scope: 'worker-addition'; changeItemId: string }
  | { scope: 'establishment'; establishmentId: string }
  | { scope: 'organisation' };

/** The documents row's scope of a target (a worker being added keeps worker documents). */
export function storedScope(target: DocumentTarget): TDocumentScope {
  return target.scope === 'worker-addition' ? 'worker' : target.scope;
}

/** A stored file as the upload answers it (the same fields for every scope). */
export type DocumentView = WorkerDocumentView;

export type UploadDocumentInput = {
  tenant: TenantRecord;
  organisationId: string;
  userId: string;
  clientAddress: string;
  target: DocumentTarget;
  documentKey: string;
  /** The name typed for an `other` document (already checked); null for a required slot. */
  customName: string | null;
  fileName: string;
  body: Readable;
  /** Content-Length, when the client sent one. */
  declaredLength: number | null;
};

/** The document row's owner columns for a target. */
function ownerColumns(target: DocumentTarget): {
  workerId: string | null;
  establishmentId: string | null;
  pendingChangeItemId: string | null;
} {
  if (target.scope === 'worker') return { workerId: target.workerId, establishmentId: null, pendingChangeItemId: null };
  if (target.scope === 'worker-addition') return { workerId: null, establishmentId: null, pendingChangeItemId: target.changeItemId };
  if (target.scope === 'establishment') return { workerId: null, establishmentId: target.establishmentId, pendingChangeItemId: null };
  return { workerId: null, establishmentId: null, pendingChangeItemId: null };
}

/**
 * The current (not replaced or removed) documents of one target: registered ones, or for a worker
 * being added those pending on its change item.
 */
export function currentDocumentsOfTarget(organisationId: string, target: DocumentTarget): SQL | undefined {
  const d = schema.documents;
  const owner =
    target.scope === 'worker'
      ? eq(d.workerId, target.workerId)
      : target.scope === 'establishment'
        ? eq(d.establishmentId, target.establishmentId)
        : undefined;
  return and(
    eq(d.organisationId, organisationId),
    eq(d.scope, storedScope(target)),
    owner,
    isNull(d.replacedAt),
    isNull(d.deletedAt),
    target.scope === 'worker-addition' ? eq(d.pendingChangeItemId, target.changeItemId) : isNull(d.pendingChangeItemId),
  );
}

const NOT_FOUND_KEY: Record<DocumentTarget['scope'], string> = {
  worker: 'worker.notFound',
  'worker-addition': 'changeRequest.notFound',
  establishment: 'establishment.notFound',
  organisation: 'organisation.notFound',
};

/** The target exists in this organisation and may receive documents now, else the reason as an AppError. */
async function assertTargetEditable(tx: TenantTx, organisationId: string, target: DocumentTarget) {
  // A worker being added changes through the draft change request, not the application (SPEC D2).
  if (target.scope === 'worker-addition') return assertPendingWorkerEditable(tx, organisationId, target.changeItemId);
  await assertRegisteredDataEditable(tx, organisationId);
  if (target.scope === 'worker') {
    const w = schema.workers;
    const [worker] = await tx
      .select({ id: w.id })
      .from(w)
      .where(and(eq(w.id, target.workerId), isNull(w.archivedAt)));
    if (!worker) throw notFound('worker.notFound');
  } else if (target.scope === 'establishment') {
    const e = schema.establishments;
    const [establishment] = await tx
      .select({ id: e.id })
      .from(e)
      .where(and(eq(e.id, target.establishmentId), isNull(e.archivedAt)));
    if (!establishment) throw notFound('establishment.notFound');
  }
}

/** Streams the body to the quarantine key, checking it as it passes; leaves nothing behind when it fails. */
async function receiveIntoQuarantine(deps: DocumentDeps, key: string, body: Readable, maxBytes: number, declaredLength: number | null) {
  const inspector = createPdfInspector(maxBytes);
  // A client that goes away aborts the upload. A refusal stops storing but keeps draining what the
  // client still sends, so it can read the answer (sent with Connection: close) instead of a reset.
  body.on('error', (error) => inspector.stream.destroy(error));
  // A connection that closes mid-body may end the stream without an error: treat it as one, or S3
  // would wait for the rest of the announced body.
  body.on('close', () => {
    if (!body.readableEnded) inspector.stream.destroy(new ClientClosedError());
  });
  // Ending our side of a request does not end S3's: it would wait for the rest of the announced
  // body. Aborting makes it give up at once, so the refusal is answered without delay.
  const abort = new AbortController();
  inspector.stream.on('error', () => {
    abort.abort();
    body.unpipe(inspector.stream);
    body.resume();
  });
  body.pipe(inspector.stream);
  try {
    await deps.storage.putStream(key, inspector.stream, PDF, { contentLength: declaredLength, signal: abort.signal });
    const facts = inspector.facts();
    const startXref = findStartXref(facts.tail, facts.byteSize);
    judgePdfStructure(facts.tail, await deps.storage.getRange(key, startXref, PDF_XREF_WINDOW));
    return facts;
  } catch (error) {
    await deps.storage.delete(key).catch((cleanup: unknown) => console.error(`quarantine object ${key} not deleted`, cleanup));
    // The refusal is what the user must see, even when lib-storage reports something else (e.g. an
    // S3-compatible store that cannot abort a multipart upload).
    if (!body.readableEnded && body.destroyed) throw new ClientClosedError();
    throw inspector.rejection() ?? error;
  }
}

/**
 * An upload into one document slot of a worker, an establishment or the organisation (SPEC B4c, G9;
 * ADR 017): checked for editability first, streamed to a quarantine key while size and PDF magic are
 * checked, judged for structure and encryption with ranged reads, copied to its final key, and
 * recorded. A new file in a required slot replaces the old one, whose object is deleted after the
 * commit. Whatever fails, no object is left.
 */
export async function uploadDocument(deps: DocumentDeps, input: UploadDocumentInput): Promise<DocumentView> {
  const { tenant, organisationId, target } = input;
  const maxBytes = documentMaxBytes(tenant.config, storedScope(target), input.documentKey);
  if (maxBytes === null) throw notFound('document.unknownSlot');
  await withOrganisation(deps.database, tenant.id, organisationId, (tx) => assertTargetEditable(tx, organisationId, target));
  if (input.declaredLength !== null && input.declaredLength > maxBytes) throw tooLarge(maxBytes);

  const quarantineKey = newQuarantineKey(tenant.id, organisationId);
  const facts = await receiveIntoQuarantine(deps, quarantineKey, input.body, maxBytes, input.declaredLength);
  const objectKey = newDocumentKey(tenant.id, organisationId);
  try {
    await deps.storage.copy(quarantineKey, objectKey, PDF);
  } finally {
    await deps.storage
      .delete(quarantineKey)
      .catch((error: unknown) => console.error(`quarantine object ${quarantineKey} not deleted`, error));
  }

  const d = schema.documents;
  try {
    const { document, replaced } = await withOrganisation(deps.database, tenant.id, organisationId, async (tx) => {
      await assertTargetEditable(tx, organisationId, target);
      const now = deps.clock.now();
      const replaced =
        input.documentKey === OTHER_DOCUMENT_KEY
          ? []
          : await tx
              .update(d)
              .set({ replacedAt: now })
              .where(and(currentDocumentsOfTarget(organisationId, target), eq(d.documentKey, input.documentKey)))
              .returning({ id: d.id, objectKey: d.objectKey });
      const [document] = await tx
        .insert(d)
        .values({
          tenantId: tenant.id,
          organisationId,
          scope: storedScope(target),
          ...ownerColumns(target),
          documentKey: input.documentKey,
          customName: input.customName,
          fileName: input.fileName,
          objectKey,
          byteSize: facts.byteSize,
          sha256: facts.sha256,
          contentType: PDF,
          uploadedByUserId: input.userId,
          uploadedAt: now,
        })
        .returning(documentFileColumns());
      if (!document) throw new Error('insert returned no document');
      await recordAudit(tx, {
        tenantId: tenant.id,
        actorUserId: input.userId,
        action: 'document.uploaded',
        targetType: 'document',
        targetId: document.id,
        after: {
          scope: storedScope(target),
          ...ownerColumns(target),
          documentKey: input.documentKey,
          customName: input.customName,
          fileName: input.fileName,
          byteSize: facts.byteSize,
          sha256: facts.sha256,
          replacedDocumentIds: replaced.map((r) => r.id),
        },
        ip: input.clientAddress,
      });
      return { document, replaced };
    });
    await purgeDocumentObjects(deps, { tenantId: tenant.id, organisationId }, replaced);
    return document;
  } catch (error) {
    await deps.storage.delete(objectKey).catch((cleanup: unknown) => console.error(`object ${objectKey} not deleted`, cleanup));
    // Two uploads into one slot at the same moment: one wins, the other is told to reload.
    if (pgErrorCode(error) === '23505') throw new AppError('CONFLICT', 'common.conflict');
    // The worker or establishment was deleted while the file was on its way.
    if (pgErrorCode(error) === '23503') throw notFound(NOT_FOUND_KEY[target.scope]);
    throw error;
  }
}

/** Removes one file of any scope (「削除」 of a slot or an other document); the object goes after the commit. */
export async function deleteDocument(deps: DocumentDeps, actor: EditActor, documentId: string): Promise<void> {
  const d = schema.documents;
  const removed = await withOrganisation(deps.database, actor.tenantId, actor.organisationId, async (tx) => {
    // A file of a worker being added (SPEC D2) goes while its item is in the draft; any other file
    // while the application's registered data is editable.
    const [pending] = await tx
      .select({ itemId: d.pendingChangeItemId })
      .from(d)
      .where(and(eq(d.id, documentId), isNull(d.replacedAt), isNull(d.deletedAt), isNotNull(d.pendingChangeItemId)));
    if (pending?.itemId) await assertPendingWorkerEditable(tx, actor.organisationId, pending.itemId);
    else await assertRegisteredDataEditable(tx, actor.organisationId);
    const [row] = await tx
      .update(d)
      .set({ deletedAt: deps.clock.now() })
      .where(
        and(
          eq(d.id, documentId),
          isNull(d.replacedAt),
          isNull(d.deletedAt),
          pending?.itemId ? eq(d.pendingChangeItemId, pending.itemId) : isNull(d.pendingChangeItemId),
        ),
      )
      .returning({
        id: d.id,
        objectKey: d.objectKey,
        scope: d.scope,
        workerId: d.workerId,
        establishmentId: d.establishmentId,
        pendingChangeItemId: d.pendingChangeItemId,
        documentKey: d.documentKey,
        fileName: d.fileName,
      });
    if (!row) throw notFound('document.notFound');
    await recordAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'document.deleted',
      targetType: 'document',
      targetId: row.id,
      before: {
        scope: row.scope,
        workerId: row.workerId,
        establishmentId: row.establishmentId,
        pendingChangeItemId: row.pendingChangeItemId,
        documentKey: row.documentKey,
        fileName: row.fileName,
      },
      ip: actor.clientAddress,
    });
    return row;
  });
  await purgeDocumentObjects(deps, actor, [removed]);
}
