import { schema, type TenantTx } from '@kyogikai/db';
import { missingDocumentKeys, type TChangeRequestState, type TPermission, type TTenantConfig } from '@kyogikai/domain';
import { and, asc, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { type EstablishmentFields, extraOf, listEstablishments } from '../registered-data/establishments';
import { requiredWorkerDocumentKeys } from '@kyogikai/domain';
import { notFound } from '../trpc/app-error';
import type { TChangeItemRow } from './change-items';
import { loadOpenRequests } from './change-overview';
import { describeChangeItems, type TDescribedChange } from './describe-change-items';
import { establishmentIdsOf } from './worker-change-items';

type TPendingItem = {
  itemId: string;
  changeRequestId: string;
  state: TChangeRequestState;
  changes: { field: string; before: string; after: string }[];
};

export type TRegisteredData = {
  canEdit: boolean;
  draftVersion: number | null;
  establishments: (EstablishmentFields & {
    id: string;
    status: 'registered' | 'adding';
    version: number;
    workerCount: number;
    pending: TPendingItem | null;
  })[];
  workers: {
    id: string;
    status: 'registered' | 'adding';
    nameLatin: string;
    nationality: string;
    nameKana: string | null;
    extra: Record<string, string>;
    establishmentIds: string[];
    pendingEstablishmentIds: string[] | null;
    pending: TPendingItem | null;
    documentsComplete: boolean;
  }[];
};

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const optional = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const extraValues = (value: unknown): Record<string, string> =>
  value && typeof value === 'object' ? extraOf(value as Record<string, string | null>) : {};

/**
 * ◆受入れ事業所情報 and the workers of a member as マイページ and the worker screen show them
 * (SPEC D2-D4): the registered rows (not archived), the additions waiting in the draft or a
 * submitted request ('adding', named by their item's id), and for each what waits, before → after
 * (until the secretariat approves, SPEC D3). In the member's transaction (row-level security).
 */
export async function loadRegisteredData(
  tx: TenantTx,
  input: { organisationId: string; permissions: ReadonlySet<TPermission>; config: TTenantConfig },
): Promise<TRegisteredData> {
  const o = schema.organisations;
  const [organisation] = await tx.select({ membershipState: o.membershipState }).from(o).where(eq(o.id, input.organisationId));
  if (!organisation) throw notFound('organisation.notFound');
  const i = schema.changeItems;
  // The unapplied worker/establishment items of the pending requests (draft and submitted).
  const { open, items } = await loadOpenRequests(tx, input.organisationId, and(ne(i.entityType, 'organisation'), isNull(i.appliedAt)));
  const stateOf = new Map(open.map((request) => [request.id, request.state]));
  const described = await describeChangeItems(tx, items);
  const changesOf = new Map<string, TDescribedChange[]>();
  for (const change of described) changesOf.set(change.itemId, [...(changesOf.get(change.itemId) ?? []), change]);
  const pendingOf = (item: TChangeItemRow): TPendingItem => ({
    itemId: item.id,
    changeRequestId: item.changeRequestId,
    state: stateOf.get(item.changeRequestId) ?? 'draft',
    changes: (changesOf.get(item.id) ?? []).map(({ field, before, after }) => ({ field, before, after })),
  });
  const itemsOf = new Map<string, TChangeItemRow[]>();
  for (const item of items) {
    const key = `${item.kind} ${item.entityId}`;
    if (item.entityId) itemsOf.set(key, [...(itemsOf.get(key) ?? []), item]);
  }
  /** The waiting item of an entity: the draft's (the one the member edits) before a submitted one. */
  const waitingFor = (kind: TChangeItemRow['kind'], entityId: string): TChangeItemRow | null => {
    const own = itemsOf.get(`${kind} ${entityId}`) ?? [];
    return own.find((item) => stateOf.get(item.changeRequestId) === 'draft') ?? own[0] ?? null;
  };

  const registeredEstablishments = await listEstablishments(tx);
  const establishments: TRegisteredData['establishments'] = registeredEstablishments.map((row) => {
    const edit = waitingFor('establishment_edit', row.id);
    return { ...row, status: 'registered' as const, pending: edit ? pendingOf(edit) : null };
  });
  for (const item of items.filter((candidate) => candidate.kind === 'establishment_add')) {
    const p = item.proposed;
    establishments.push({
      id: item.id,
      status: 'adding',
      name: text(p.name),
      postalCode: optional(p.postalCode),
      prefecture: text(p.prefecture),
      city: text(p.city),
      town: text(p.town),
      building: optional(p.building),
      phone: optional(p.phone),
      extra: extraValues(p.extra),
      version: item.version,
      workerCount: 0,
      pending: pendingOf(item),
    });
  }

  // One query per table for the whole organisation, grouped per worker in SQL and looked up by id:
  // a member may register hundreds of workers (bench/registered-data.ts), so nothing here is
  // matched by scanning lists per worker, and no statement carries one parameter per worker.
  const w = schema.workers;
  const we = schema.workerEstablishments;
  const d = schema.documents;
  const registeredWorkers = await tx
    .select({ id: w.id, nameLatin: w.nameLatin, nationality: w.nationality, nameKana: w.nameKana, extra: w.extra })
    .from(w)
    .where(and(eq(w.organisationId, input.organisationId), isNull(w.archivedAt)))
    .orderBy(asc(w.createdAt), asc(w.id));
  const additions = items.filter((item) => item.kind === 'worker_add');
  const links = registeredWorkers.length
    ? await tx
        .select({ workerId: we.workerId, establishmentIds: sql<string[]>`array_agg(${we.establishmentId})` })
        .from(we)
        .where(eq(we.organisationId, input.organisationId))
        .groupBy(we.workerId)
    : [];
  // The worker's current files (currentDocumentsOf), for every worker of the organisation at once.
  const documents = registeredWorkers.length
    ? await tx
        .select({ workerId: d.workerId, documentKeys: sql<string[]>`array_agg(${d.documentKey})` })
        .from(d)
        .where(
          and(
            eq(d.organisationId, input.organisationId),
            isNotNull(d.workerId),
            isNull(d.replacedAt),
            isNull(d.deletedAt),
            isNull(d.pendingChangeItemId),
          ),
        )
        .groupBy(d.workerId)
    : [];
  const pendingDocuments = additions.length
    ? await tx
        .select({ itemId: d.pendingChangeItemId, documentKey: d.documentKey })
        .from(d)
        .where(
          and(
            inArray(
              d.pendingChangeItemId,
              additions.map((item) => item.id),
            ),
            isNull(d.replacedAt),
            isNull(d.deletedAt),
          ),
        )
    : [];
  const required = requiredWorkerDocumentKeys(input.config);
  const linksOf = new Map(links.map((row) => [row.workerId, row.establishmentIds]));
  const registeredKeys = new Map(documents.map((row) => [row.workerId, row.documentKeys]));
  const pendingKeys = new Map<string, string[]>();
  for (const row of pendingDocuments) {
    if (row.itemId) pendingKeys.set(row.itemId, [...(pendingKeys.get(row.itemId) ?? []), row.documentKey]);
  }
  const establishmentOrder = new Map(establishments.map((row, index) => [row.id, index]));
  const ordered = (ids: string[]) => ids.sort((a, b) => (establishmentOrder.get(a) ?? 0) - (establishmentOrder.get(b) ?? 0));

  const workers: TRegisteredData['workers'] = registeredWorkers.map((row) => {
    const move = waitingFor('worker_establishments', row.id);
    return {
      id: row.id,
      status: 'registered' as const,
      nameLatin: row.nameLatin,
      nationality: row.nationality,
      nameKana: row.nameKana,
      extra: extraOf(row.extra),
      establishmentIds: ordered([...(linksOf.get(row.id) ?? [])]),
      pendingEstablishmentIds: move ? establishmentIdsOf(move.proposed) : null,
      pending: move ? pendingOf(move) : null,
      documentsComplete: missingDocumentKeys(required, registeredKeys.get(row.id) ?? []).length === 0,
    };
  });
  for (const item of additions) {
    const p = item.proposed;
    workers.push({
      id: item.id,
      status: 'adding',
      nameLatin: text(p.nameLatin),
      nationality: text(p.nationality),
      nameKana: optional(p.nameKana),
      extra: extraValues(p.extra),
      establishmentIds: establishmentIdsOf(p),
      pendingEstablishmentIds: null,
      pending: pendingOf(item),
      documentsComplete: missingDocumentKeys(required, pendingKeys.get(item.id) ?? []).length === 0,
    });
  }

  const draft = open.find((request) => request.state === 'draft');
  return {
    canEdit: organisation.membershipState === 'active' && input.permissions.has('edit'),
    draftVersion: draft?.version ?? null,
    establishments,
    workers,
  };
}
