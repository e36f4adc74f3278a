import type { Readable } from 'node:stream';
import { type Database, isUuid, recordAudit, schema, type TenantTx, withOrganisation, withTenant } from '@kyogikai/db';
import { and, eq, isNotNull, isNull, ne } from 'drizzle-orm';
import type { FileStore } from '../storage/object-storage';
import { notFound } from '../trpc/app-error';

/**
 * Who opens a file: a member's user, limited to their acting organisation (row-level security on
 * it), or the tenant's staff (issue 6), tenant-wide but only for organisations that have submitted
 * an application, and a worker's file pending on a change item (SPEC D2) only once its change
 * request was submitted. Either way only inside the request's tenant.
 */
export type DocumentOpener =
  | { kind: 'member'; tenantId: string; organisationId: string; userId: string; clientAddress: string }
  | { kind: 'staff'; tenantId: string; userId: string; clientAddress: string };

export type OpenedDocument = {
  id: string;
  fileName: string;
  byteSize: number;
  contentType: string;
  body: Readable;
};

function inScope<T>(database: Database, opener: DocumentOpener, fn: (tx: TenantTx) => Promise<T>): Promise<T> {
  return opener.kind === 'member'
    ? withOrganisation(database, opener.tenantId, opener.organisationId, fn)
    : withTenant(database, opener.tenantId, fn);
}

/**
 * Opens a stored document for download (SPEC G9): found only within the opener's scope (any other
 * id, of another organisation or tenant, is simply not found), and every opening is recorded in the
 * audit trail (who, which file, when) once the store has answered and before a byte is sent.
 */
export async function openDocument(
  deps: { database: Database; storage: FileStore },
  opener: DocumentOpener,
  documentId: string,
): Promise<OpenedDocument> {
  if (!isUuid(documentId)) throw notFound('document.notFound');
  const d = schema.documents;
  const row = await inScope(deps.database, opener, async (tx) => {
    const [found] = await tx
      .select()
      .from(d)
      .where(and(eq(d.id, documentId), isNull(d.replacedAt), isNull(d.deletedAt)));
    if (!found || opener.kind === 'member') return found;
    // Staff review what was submitted (SPEC C1): an organisation that never submitted an application
    // is still a private draft, the same as review.get treats it.
    const a = schema.applications;
    const [submitted] = await tx
      .select({ id: a.id })
      .from(a)
      .where(and(eq(a.organisationId, found.organisationId), isNotNull(a.submittedAt)))
      .limit(1);
    if (!submitted) return undefined;
    // A worker being added after joining (SPEC D2): its files are the council's to read once the
    // member has sent the change request, never while it is the member's draft.
    if (found.pendingChangeItemId !== null) {
      const i = schema.changeItems;
      const r = schema.changeRequests;
      const [sent] = await tx
        .select({ id: r.id })
        .from(i)
        .innerJoin(r, and(eq(r.tenantId, i.tenantId), eq(r.id, i.changeRequestId)))
        .where(and(eq(i.id, found.pendingChangeItemId), ne(r.state, 'draft'), isNotNull(r.submittedAt)));
      if (!sent) return undefined;
    }
    return found;
  });
  if (!row) throw notFound('document.notFound');
  const body = await deps.storage.getStream(row.objectKey);
  try {
    await inScope(deps.database, opener, (tx) =>
      recordAudit(tx, {
        tenantId: opener.tenantId,
        actorUserId: opener.userId,
        action: 'document.opened',
        targetType: 'document',
        targetId: row.id,
        after: {
          organisationId: row.organisationId,
          scope: row.scope,
          workerId: row.workerId,
          establishmentId: row.establishmentId,
          pendingChangeItemId: row.pendingChangeItemId,
          documentKey: row.documentKey,
          fileName: row.fileName,
          openedAs: opener.kind,
        },
        ip: opener.clientAddress,
      }),
    );
  } catch (error) {
    body.destroy();
    throw error;
  }
  return { id: row.id, fileName: row.fileName, byteSize: row.byteSize, contentType: row.contentType, body };
}
