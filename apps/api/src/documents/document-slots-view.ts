import { schema, type TenantTx } from '@kyogikai/db';
import { documentSlots, OTHER_DOCUMENT_KEY, type TDocumentScope, type TTenantConfig } from '@kyogikai/domain';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { listEstablishments } from '../registered-data/establishments';
import { documentFileColumns, listWorkerDocuments, type WorkerDocumentView } from '../registered-data/workers';
import { notFound } from '../trpc/app-error';

type StoredFile = Pick<WorkerDocumentView, 'id' | 'fileName' | 'byteSize' | 'uploadedAt'>;

const fileOf = (doc: StoredFile): StoredFile => ({
  id: doc.id,
  fileName: doc.fileName,
  byteSize: doc.byteSize,
  uploadedAt: doc.uploadedAt,
});

/**
 * One owner's slots of a scope, each with its current file. `isRequiredHere` is false for an
 * establishment nobody is registered at: its documents are not part of the application (SPEC B5).
 */
function slotsWithFiles(
  config: TTenantConfig,
  scope: TDocumentScope,
  documents: readonly (StoredFile & { documentKey: string })[],
  isRequiredHere = true,
) {
  return documentSlots(config, scope).map((slot) => {
    const doc = documents.find((candidate) => candidate.documentKey === slot.key);
    return {
      key: slot.key,
      nameJa: slot.nameJa,
      nameEn: slot.nameEn,
      required: slot.required && isRequiredHere,
      noteJa: slot.noteJa ?? null,
      maxBytes: slot.maxBytes,
      document: doc ? fileOf(doc) : null,
    };
  });
}

/** ◆地方出入国在留管理局へ申請した書類等の写しをアップロード (SPEC B4c): the worker's slots and other files. */
export async function workerDocumentSlotsView(tx: TenantTx, config: TTenantConfig, workerId: string) {
  const w = schema.workers;
  const [worker] = await tx
    .select({ id: w.id })
    .from(w)
    .where(and(eq(w.id, workerId), isNull(w.archivedAt)));
  if (!worker) throw notFound('worker.notFound');
  const documents = await listWorkerDocuments(tx, workerId);
  return {
    required: slotsWithFiles(config, 'worker', documents),
    others: documents
      .filter((doc) => doc.documentKey === OTHER_DOCUMENT_KEY)
      .map((doc) => ({ ...fileOf(doc), customName: doc.customName ?? '' })),
  };
}

/**
 * SPEC D2: the slots of a worker being added after joining, with the files pending on its
 * `worker_add` change item (in the draft or already submitted: the member still sees what was sent).
 * Another organisation's item is not found (row-level security).
 */
export async function pendingWorkerDocumentSlotsView(tx: TenantTx, config: TTenantConfig, changeItemId: string) {
  const i = schema.changeItems;
  const [item] = await tx
    .select({ id: i.id })
    .from(i)
    .where(and(eq(i.id, changeItemId), eq(i.kind, 'worker_add')));
  if (!item) throw notFound('changeRequest.notFound');
  const documents = await listPendingWorkerDocuments(tx, [changeItemId]);
  return {
    required: slotsWithFiles(config, 'worker', documents),
    others: documents
      .filter((doc) => doc.documentKey === OTHER_DOCUMENT_KEY)
      .map((doc) => ({ ...fileOf(doc), customName: doc.customName ?? '' })),
  };
}

/** The current files pending on `worker_add` items (SPEC D2), oldest first, with their item. */
export async function listPendingWorkerDocuments(tx: TenantTx, changeItemIds: readonly string[]) {
  if (changeItemIds.length === 0) return [];
  const d = schema.documents;
  const rows = await tx
    .select({ ...documentFileColumns(), changeItemId: d.pendingChangeItemId })
    .from(d)
    .where(and(inArray(d.pendingChangeItemId, [...changeItemIds]), eq(d.scope, 'worker'), isNull(d.replacedAt), isNull(d.deletedAt)))
    .orderBy(asc(d.uploadedAt), asc(d.createdAt), asc(d.id));
  return rows.map((row) => ({ ...row, changeItemId: row.changeItemId ?? '' }));
}

/**
 * 法人・事業所の書類 (SPEC B4c, issue 5): the organisation's own slots and, for each of its
 * establishments (oldest first), that establishment's slots, each with its current file; and the
 * tenant's establishment documents as such. All empty when the tenant asks for no such documents. Three queries whatever the number of
 * establishments.
 */
export async function organisationDocumentSlotsView(tx: TenantTx, config: TTenantConfig, organisationId: string) {
  const hasEstablishmentSlots = documentSlots(config, 'establishment').length > 0;
  const establishments = hasEstablishmentSlots ? await listEstablishments(tx) : [];
  const d = schema.documents;
  const documents = await tx
    .select({
      id: d.id,
      scope: d.scope,
      establishmentId: d.establishmentId,
      documentKey: d.documentKey,
      fileName: d.fileName,
      byteSize: d.byteSize,
      uploadedAt: d.uploadedAt,
    })
    .from(d)
    .where(
      and(
        eq(d.organisationId, organisationId),
        inArray(d.scope, ['establishment', 'organisation']),
        isNull(d.replacedAt),
        isNull(d.deletedAt),
        isNull(d.pendingChangeItemId),
      ),
    )
    .orderBy(asc(d.uploadedAt), asc(d.id));
  return {
    /** What each establishment is asked for: lets the page say so before any establishment exists. */
    establishmentDocuments: documentSlots(config, 'establishment').map((slot) => ({
      key: slot.key,
      nameJa: slot.nameJa,
      nameEn: slot.nameEn,
      required: slot.required,
    })),
    organisation: slotsWithFiles(
      config,
      'organisation',
      documents.filter((doc) => doc.scope === 'organisation'),
    ),
    establishments: establishments.map((establishment) => ({
      id: establishment.id,
      name: establishment.name,
      workerCount: establishment.workerCount,
      slots: slotsWithFiles(
        config,
        'establishment',
        documents.filter((doc) => doc.scope === 'establishment' && doc.establishmentId === establishment.id),
        establishment.workerCount > 0,
      ),
    })),
  };
}
