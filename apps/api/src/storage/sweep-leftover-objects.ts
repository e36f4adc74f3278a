import { type Database, isUuid, schema, withTenant } from '@kyogikai/db';
import { and, eq, inArray, isNotNull, lt, or } from 'drizzle-orm';
import type { Clock } from '../clock';
import { purgeDocumentObjects } from '../documents/document-files';
import type { FileStore } from './object-storage';

/**
 * How old a leftover must be before the sweep touches it. An upload in flight has its quarantine
 * object, then its final object before its row commits, for at most the length of one upload; an
 * hour is far beyond that, so the sweep never races a request.
 */
export const SWEEP_GRACE_MS = 60 * 60 * 1000;

export type SweepReport = {
  tenants: number;
  /** Rows marked replaced or removed whose object was deleted now (with the row). */
  purgedRows: number;
  /** Quarantine objects a crashed upload left behind. */
  quarantineObjects: number;
  /**
   * Objects under documents/ that no row names: an upload that died between copy and commit, or the
   * files of a worker addition that was cancelled, rejected or removed (SPEC D2: their rows are
   * deleted with the decision, `discardPendingDocuments`, and the objects are left to this sweep).
   */
  orphanObjects: number;
  /** Certificate PDFs of an attempt that died between upload and commit (ADR 018); never verifiable. */
  orphanCertificates: number;
  /** Objects that could not be deleted this time; the next sweep tries again. */
  failures: number;
};

const DOCUMENT_KEY = /^tenants\/[0-9a-f-]{36}\/organisations\/[0-9a-f-]{36}\/(documents|quarantine)\/[0-9a-f-]{36}\.pdf$/;
/** A rendering attempt's file (apps/worker/src/certificate/generate-certificate.ts). */
const CERTIFICATE_KEY = /^tenants\/[0-9a-f-]{36}\/organisations\/[0-9a-f-]{36}\/certificates\/[0-9a-f-]{36}\/[0-9a-f-]{36}\.pdf$/;
const BATCH = 500;

/**
 * Deletes what the upload path could not clean up itself (ADR 017): a process that dies mid-upload
 * leaves a quarantine object, or a stored object whose row never committed; a failed object delete
 * leaves a row marked replaced_at / deleted_at; a certificate worker that dies between its upload and
 * its commit leaves a file no certificate names (ADR 018). Normal operation leaves none of these, so
 * the sweep usually finds nothing. Only those key shapes are considered, only after SWEEP_GRACE_MS
 * (an upload or a rendering attempt takes seconds), and every delete is idempotent, so two API
 * processes sweeping at once do no harm.
 */
export async function sweepLeftoverObjects(deps: { database: Database; storage: FileStore; clock: Clock }): Promise<SweepReport> {
  const report: SweepReport = { tenants: 0, purgedRows: 0, quarantineObjects: 0, orphanObjects: 0, orphanCertificates: 0, failures: 0 };
  const cutoff = new Date(deps.clock.now().getTime() - SWEEP_GRACE_MS);
  const d = schema.documents;
  const c = schema.certificates;

  /**
   * Old objects of one tenant that a row should name, checked against the rows a batch at a time:
   * stored documents against documents.object_key, certificate files against certificates.object_key.
   */
  let tenantId: string | null = null;
  const unnamed = { documents: [] as string[], certificates: [] as string[] };
  const checkUnnamed = async (kind: keyof typeof unnamed) => {
    const keys = unnamed[kind];
    unnamed[kind] = [];
    if (tenantId === null || keys.length === 0) return;
    const column = kind === 'documents' ? d.objectKey : c.objectKey;
    const table = kind === 'documents' ? d : c;
    const known = await withTenant(deps.database, tenantId, (tx) =>
      tx.select({ objectKey: column }).from(table).where(inArray(column, keys)),
    );
    const named = new Set(known.map((row) => row.objectKey));
    for (const key of keys) {
      if (named.has(key)) continue;
      if (!(await deleteQuietly(deps.storage, key))) report.failures += 1;
      else if (kind === 'documents') report.orphanObjects += 1;
      else report.orphanCertificates += 1;
    }
  };
  /** Rows of the tenant whose object delete failed earlier: the object goes, then the row. */
  const purgeMarkedRows = async (id: string) => {
    const marked = await withTenant(deps.database, id, (tx) =>
      tx
        .select({ id: d.id, organisationId: d.organisationId, objectKey: d.objectKey })
        .from(d)
        .where(or(and(isNotNull(d.replacedAt), lt(d.replacedAt, cutoff)), and(isNotNull(d.deletedAt), lt(d.deletedAt, cutoff)))),
    );
    for (const row of marked) {
      await purgeDocumentObjects(deps, { tenantId: id, organisationId: row.organisationId }, [row]);
      const [still] = await withTenant(deps.database, id, (tx) => tx.select({ id: d.id }).from(d).where(eq(d.id, row.id)));
      if (still) report.failures += 1;
      else report.purgedRows += 1;
    }
  };
  const finishTenant = async () => {
    if (tenantId === null) return;
    await checkUnnamed('documents');
    await checkUnnamed('certificates');
    await purgeMarkedRows(tenantId);
  };

  // The tenants are those with files: keys are listed in order, so each tenant's objects come together.
  // (A marked row whose object is already gone is harmless: every query skips replaced and deleted rows.)
  for await (const object of deps.storage.listObjects('tenants/')) {
    const match = DOCUMENT_KEY.exec(object.key);
    const objectTenant = object.key.split('/')[1] ?? '';
    if (objectTenant !== tenantId && isUuid(objectTenant)) {
      await finishTenant();
      tenantId = objectTenant;
      report.tenants += 1;
    }
    if (object.lastModified >= cutoff) continue;
    if (CERTIFICATE_KEY.test(object.key)) {
      unnamed.certificates.push(object.key);
      if (unnamed.certificates.length >= BATCH) await checkUnnamed('certificates');
      continue;
    }
    if (!match) continue;
    if (match[1] === 'quarantine') {
      if (await deleteQuietly(deps.storage, object.key)) report.quarantineObjects += 1;
      else report.failures += 1;
      continue;
    }
    unnamed.documents.push(object.key);
    if (unnamed.documents.length >= BATCH) await checkUnnamed('documents');
  }
  await finishTenant();
  return report;
}

async function deleteQuietly(storage: FileStore, key: string): Promise<boolean> {
  try {
    await storage.delete(key);
    return true;
  } catch (error) {
    console.error(`sweep: object ${key} not deleted`, error);
    return false;
  }
}

/**
 * Runs the sweep a minute after start and then every `intervalMs` (hourly by default) in the API
 * process, which owns documents in every mode. A failed run is logged and tried again next time.
 */
export function startLeftoverSweep(
  deps: { database: Database; storage: FileStore; clock: Clock },
  options: { intervalMs?: number; firstRunMs?: number; log?: (report: SweepReport) => void } = {},
): { close(): Promise<void> } {
  const intervalMs = options.intervalMs ?? SWEEP_GRACE_MS;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let isClosed = false;
  const run = () => {
    running = sweepLeftoverObjects(deps)
      .then((report) => {
        const found = report.purgedRows + report.quarantineObjects + report.orphanObjects + report.orphanCertificates + report.failures;
        if (found > 0) {
          (options.log ?? ((r) => console.log('storage sweep', JSON.stringify(r))))(report);
        }
      })
      .catch((error: unknown) => console.error('storage sweep failed; next run in an interval', error))
      .finally(() => {
        if (!isClosed) timer = setTimeout(run, intervalMs).unref();
      });
  };
  timer = setTimeout(run, options.firstRunMs ?? 60_000).unref();
  return {
    async close() {
      isClosed = true;
      clearTimeout(timer);
      await running;
    },
  };
}
