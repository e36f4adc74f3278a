import { schema, type TenantTx } from '@kyogikai/db';
import { ORGANISATION_FIELDS, type TOrganisationField } from '@kyogikai/domain';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { notFound } from '../trpc/app-error';

/**
 * The registered data of one organisation as an application submits it (STEP1, establishments,
 * workers with their establishments, current documents). Every query names the organisation, so it
 * reads the same in a staff (tenant-wide) and an applicant (organisation) transaction. Stored as
 * applications.returned_snapshot when the secretariat returns an application, and compared with the
 * data at resubmission so staff see exactly what changed (issue 6).
 */
const ZExtra = z.record(z.string(), z.string().nullable());
const ZSnapshotOrganisation = z.object(
  Object.fromEntries(ORGANISATION_FIELDS.map((field) => [field, field === 'directoryOptIn' ? z.boolean() : z.string().nullable()])) as {
    [K in TOrganisationField]: K extends 'directoryOptIn' ? z.ZodBoolean : z.ZodNullable<z.ZodString>;
  },
);
export const ZSnapshotEstablishment = z.object({
  id: z.uuid(),
  name: z.string(),
  postalCode: z.string().nullable(),
  prefecture: z.string().nullable(),
  city: z.string().nullable(),
  town: z.string().nullable(),
  building: z.string().nullable(),
  phone: z.string().nullable(),
  extra: ZExtra,
});
export const ZSnapshotWorker = z.object({
  id: z.uuid(),
  nameLatin: z.string(),
  nationality: z.string(),
  nameKana: z.string().nullable(),
  extra: ZExtra,
  establishmentIds: z.array(z.uuid()),
});
export const ZSnapshotDocument = z.object({
  id: z.uuid(),
  scope: z.enum(['worker', 'establishment', 'organisation']),
  workerId: z.uuid().nullable(),
  establishmentId: z.uuid().nullable(),
  documentKey: z.string(),
  customName: z.string().nullable(),
  fileName: z.string(),
  byteSize: z.number().int(),
  sha256: z.string(),
  contentType: z.string(),
  uploadedAt: z.iso.datetime({ offset: true }),
});
export const ZRegisteredSnapshot = z.object({
  version: z.literal(1),
  organisation: ZSnapshotOrganisation,
  establishments: z.array(ZSnapshotEstablishment),
  workers: z.array(ZSnapshotWorker),
  documents: z.array(ZSnapshotDocument),
});
export type TRegisteredSnapshot = z.infer<typeof ZRegisteredSnapshot>;
export type TSnapshotEstablishment = z.infer<typeof ZSnapshotEstablishment>;
export type TSnapshotWorker = z.infer<typeof ZSnapshotWorker>;
export type TSnapshotDocument = z.infer<typeof ZSnapshotDocument>;

export async function loadRegisteredSnapshot(tx: TenantTx, organisationId: string): Promise<TRegisteredSnapshot> {
  const o = schema.organisations;
  const e = schema.establishments;
  const w = schema.workers;
  const we = schema.workerEstablishments;
  const d = schema.documents;
  const [row] = await tx.select().from(o).where(eq(o.id, organisationId));
  if (!row) throw notFound('organisation.notFound');
  const organisation = Object.fromEntries(ORGANISATION_FIELDS.map((field) => [field, row[field]])) as TRegisteredSnapshot['organisation'];
  const establishments = await tx
    .select({
      id: e.id,
      name: e.name,
      postalCode: e.postalCode,
      prefecture: e.prefecture,
      city: e.city,
      town: e.town,
      building: e.building,
      phone: e.phone,
      extra: e.extra,
    })
    .from(e)
    .where(and(eq(e.organisationId, organisationId), isNull(e.archivedAt)))
    .orderBy(asc(e.createdAt), asc(e.id));
  const workers = await tx
    .select({ id: w.id, nameLatin: w.nameLatin, nationality: w.nationality, nameKana: w.nameKana, extra: w.extra })
    .from(w)
    .where(and(eq(w.organisationId, organisationId), isNull(w.archivedAt)))
    .orderBy(asc(w.createdAt), asc(w.id));
  const links = await tx
    .select({ workerId: we.workerId, establishmentId: we.establishmentId })
    .from(we)
    .innerJoin(e, and(eq(e.tenantId, we.tenantId), eq(e.id, we.establishmentId)))
    .where(eq(we.organisationId, organisationId))
    .orderBy(asc(e.createdAt), asc(e.id));
  const documents = await tx
    .select({
      id: d.id,
      scope: d.scope,
      workerId: d.workerId,
      establishmentId: d.establishmentId,
      documentKey: d.documentKey,
      customName: d.customName,
      fileName: d.fileName,
      byteSize: d.byteSize,
      sha256: d.sha256,
      contentType: d.contentType,
      uploadedAt: d.uploadedAt,
    })
    .from(d)
    .where(and(eq(d.organisationId, organisationId), isNull(d.replacedAt), isNull(d.deletedAt), isNull(d.pendingChangeItemId)))
    .orderBy(asc(d.uploadedAt), asc(d.createdAt), asc(d.id));
  const liveWorkers = new Set(workers.map((worker) => worker.id));
  return {
    version: 1,
    organisation,
    establishments: establishments.map((est) => ({ ...est, extra: est.extra ?? {} })),
    workers: workers.map((worker) => ({
      ...worker,
      extra: worker.extra ?? {},
      establishmentIds: links.filter((link) => link.workerId === worker.id).map((link) => link.establishmentId),
    })),
    // Documents of archived workers are not part of the application.
    documents: documents
      .filter((doc) => doc.workerId === null || liveWorkers.has(doc.workerId))
      .map((doc) => ({ ...doc, uploadedAt: doc.uploadedAt.toISOString() })),
  };
}

// ---------------------------------------------------------------------------------------------
// What changed between the data as returned and the data as resubmitted.

export type TFieldChange = { field: string; before: unknown; after: unknown };
export type TRecordChange<T> =
  | { kind: 'added'; id: string; after: T }
  | { kind: 'removed'; id: string; before: T }
  | { kind: 'changed'; id: string; before: T; after: T; fields: TFieldChange[] };
export type TDocumentChange =
  | { kind: 'added'; after: TSnapshotDocument }
  | { kind: 'removed'; before: TSnapshotDocument }
  | { kind: 'replaced'; before: TSnapshotDocument; after: TSnapshotDocument };
export type TSnapshotDiff = {
  organisation: TFieldChange[];
  establishments: TRecordChange<TSnapshotEstablishment>[];
  workers: TRecordChange<TSnapshotWorker>[];
  documents: TDocumentChange[];
  isEmpty: boolean;
};

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Field-by-field differences of two flat records; `extra` (council fields) is compared key by key as `extra.<key>`. */
function fieldChanges<T extends Record<string, unknown>>(before: T, after: T, ignore: readonly string[] = []): TFieldChange[] {
  const changes: TFieldChange[] = [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !ignore.includes(key));
  for (const key of keys) {
    if (key === 'extra') {
      const b = (before[key] ?? {}) as Record<string, unknown>;
      const a = (after[key] ?? {}) as Record<string, unknown>;
      for (const sub of [...new Set([...Object.keys(b), ...Object.keys(a)])].sort()) {
        if (!sameValue(b[sub], a[sub])) changes.push({ field: `extra.${sub}`, before: b[sub] ?? null, after: a[sub] ?? null });
      }
    } else if (key === 'establishmentIds') {
      const b = [...((before[key] as string[]) ?? [])].sort();
      const a = [...((after[key] as string[]) ?? [])].sort();
      if (!sameValue(b, a)) changes.push({ field: key, before: before[key], after: after[key] });
    } else if (!sameValue(before[key], after[key])) {
      changes.push({ field: key, before: before[key] ?? null, after: after[key] ?? null });
    }
  }
  return changes;
}

function recordChanges<T extends { id: string }>(before: T[], after: T[]): TRecordChange<T>[] {
  const beforeById = new Map(before.map((row) => [row.id, row]));
  const afterById = new Map(after.map((row) => [row.id, row]));
  const changes: TRecordChange<T>[] = [];
  for (const row of after) {
    const old = beforeById.get(row.id);
    if (!old) changes.push({ kind: 'added', id: row.id, after: row });
    else {
      const fields = fieldChanges(old as Record<string, unknown>, row as Record<string, unknown>, ['id']);
      if (fields.length > 0) changes.push({ kind: 'changed', id: row.id, before: old, after: row, fields });
    }
  }
  for (const row of before) if (!afterById.has(row.id)) changes.push({ kind: 'removed', id: row.id, before: row });
  return changes;
}

/**
 * Documents by slot (owner + document key; 'other' files by row): a slot whose file is a different
 * row now was replaced, a new slot was added, a slot without a file now was removed.
 */
function documentChanges(before: TSnapshotDocument[], after: TSnapshotDocument[]): TDocumentChange[] {
  const slot = (doc: TSnapshotDocument) =>
    doc.documentKey === 'other' ? `other:${doc.id}` : `${doc.scope}:${doc.workerId ?? doc.establishmentId ?? ''}:${doc.documentKey}`;
  const beforeBySlot = new Map(before.map((doc) => [slot(doc), doc]));
  const afterBySlot = new Map(after.map((doc) => [slot(doc), doc]));
  const changes: TDocumentChange[] = [];
  for (const doc of after) {
    const old = beforeBySlot.get(slot(doc));
    if (!old) changes.push({ kind: 'added', after: doc });
    else if (old.id !== doc.id || old.sha256 !== doc.sha256) changes.push({ kind: 'replaced', before: old, after: doc });
  }
  for (const doc of before) if (!afterBySlot.has(slot(doc))) changes.push({ kind: 'removed', before: doc });
  return changes;
}

export function diffSnapshots(before: TRegisteredSnapshot, after: TRegisteredSnapshot): TSnapshotDiff {
  const diff = {
    organisation: fieldChanges(before.organisation, after.organisation),
    establishments: recordChanges(before.establishments, after.establishments),
    workers: recordChanges(before.workers, after.workers),
    documents: documentChanges(before.documents, after.documents),
  };
  return {
    ...diff,
    isEmpty: diff.organisation.length + diff.establishments.length + diff.workers.length + diff.documents.length === 0,
  };
}
