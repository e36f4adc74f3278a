import { schema, type TenantTx } from '@kyogikai/db';
import { ORGANISATION_FIELDS } from '@kyogikai/domain';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { findCurrentApplication, isOpenApplication } from '../organisation/open-application';
import { listEstablishments } from '../registered-data/establishments';
import { listCurrentWorkerDocuments } from '../registered-data/workers';
import { extraOf } from '../registered-data/establishments';
import { notFound } from '../trpc/app-error';

/**
 * The check-your-answers page before 「上記内容で申請を行う」 (SPEC B5): everything that will be
 * submitted, read in one organisation transaction so the page shows one consistent state.
 */
export async function loadApplicationReview(tx: TenantTx, organisationId: string) {
  const o = schema.organisations;
  const [row] = await tx.select().from(o).where(eq(o.id, organisationId));
  if (!row) throw notFound('organisation.notFound');
  const organisation = Object.fromEntries(ORGANISATION_FIELDS.map((field) => [field, row[field]])) as {
    [K in (typeof ORGANISATION_FIELDS)[number]]: (typeof row)[K];
  };
  const current = await findCurrentApplication(tx);
  if (!isOpenApplication(current)) throw notFound('application.notFound');
  const a = schema.applications;
  const [application] = await tx.select({ id: a.id, state: a.state, version: a.version }).from(a).where(eq(a.id, current.id));
  if (!application) throw notFound('application.notFound');

  const establishments = await listEstablishments(tx);
  const w = schema.workers;
  const we = schema.workerEstablishments;
  const e = schema.establishments;
  const _d = schema.documents;
  const workers = await tx.select().from(w).where(isNull(w.archivedAt)).orderBy(asc(w.createdAt), asc(w.id));
  const ids = workers.map((worker) => worker.id);
  const links =
    ids.length === 0
      ? []
      : await tx
          .select({ workerId: we.workerId, id: e.id, name: e.name })
          .from(we)
          .innerJoin(e, and(eq(e.tenantId, we.tenantId), eq(e.id, we.establishmentId)))
          .where(inArray(we.workerId, ids))
          .orderBy(asc(e.createdAt), asc(e.id));
  const documents = ids.length === 0 ? [] : await listCurrentWorkerDocuments(tx, ids);
  return {
    organisation,
    establishments,
    workers: workers.map((worker) => {
      const at = links.filter((link) => link.workerId === worker.id).map(({ id, name }) => ({ id, name }));
      return {
        id: worker.id,
        nameLatin: worker.nameLatin,
        nationality: worker.nationality,
        nameKana: worker.nameKana,
        extra: extraOf(worker.extra),
        establishmentIds: at.map((link) => link.id),
        establishments: at,
        version: worker.version,
        documents: documents.filter((doc) => doc.workerId === worker.id).map(({ workerId: _worker, ...doc }) => doc),
      };
    }),
    application,
  };
}
