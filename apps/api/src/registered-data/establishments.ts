import { recordAudit, schema, type TenantTx } from '@kyogikai/db';
import { checkCustomFields, type TEstablishmentValues, type TTenantConfig } from '@kyogikai/domain';
import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import { AppError, fieldErrors, notFound } from '../trpc/app-error';
import { assertRegisteredDataEditable } from './editability';

/** Who is acting, for the audit trail. */
export type EditActor = { tenantId: string; organisationId: string; userId: string; clientAddress: string };

/** An establishment's values as the screens show them (B4a; D3/D4 also for one being added). */
export type EstablishmentFields = {
  name: string;
  postalCode: string | null;
  prefecture: string;
  city: string;
  town: string;
  building: string | null;
  phone: string | null;
  extra: Record<string, string>;
};

export type EstablishmentView = EstablishmentFields & { id: string; version: number; workerCount: number };

/** The stored extra fields without empty values (the column allows null values per key). */
export function extraOf(value: Record<string, string | null> | null | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(value ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** ◆受入れ事業所情報 (SPEC B4a): the organisation's establishments, oldest first, with how many workers each has. */
export async function listEstablishments(tx: TenantTx): Promise<EstablishmentView[]> {
  const e = schema.establishments;
  const we = schema.workerEstablishments;
  const rows = await tx.select().from(e).where(isNull(e.archivedAt)).orderBy(asc(e.createdAt), asc(e.id));
  if (rows.length === 0) return [];
  const counts = await tx
    .select({ establishmentId: we.establishmentId, workers: count() })
    .from(we)
    .where(
      inArray(
        we.establishmentId,
        rows.map((row) => row.id),
      ),
    )
    .groupBy(we.establishmentId);
  const byId = new Map(counts.map((c) => [c.establishmentId, c.workers]));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    postalCode: row.postalCode,
    prefecture: row.prefecture ?? '',
    city: row.city ?? '',
    town: row.town ?? '',
    building: row.building,
    phone: row.phone,
    extra: extraOf(row.extra),
    version: row.version,
    workerCount: byId.get(row.id) ?? 0,
  }));
}

/** The tenant's establishment fields, checked; refused with every problem at `values.extra.<key>`-style paths. */
function checkedExtra(config: TTenantConfig, values: TEstablishmentValues, pathPrefix: string): Record<string, string> {
  const { values: extra, issues } = checkCustomFields(config.customFields.establishment, values.extra);
  if (issues.length > 0) throw fieldErrors(issues.map((issue) => ({ ...issue, path: `${pathPrefix}${issue.path}` })));
  return extra;
}

/** 「受入れ事業所の追加」 (SPEC B4a). */
export async function createEstablishment(
  tx: TenantTx,
  actor: EditActor,
  config: TTenantConfig,
  values: TEstablishmentValues,
): Promise<{ id: string; version: number }> {
  await assertRegisteredDataEditable(tx, actor.organisationId);
  const extra = checkedExtra(config, values, '');
  const e = schema.establishments;
  const [row] = await tx
    .insert(e)
    .values({ tenantId: actor.tenantId, organisationId: actor.organisationId, ...values, extra })
    .returning({ id: e.id, version: e.version });
  if (!row) throw new Error('insert returned no establishment');
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    actorUserId: actor.userId,
    action: 'establishment.created',
    targetType: 'establishment',
    targetId: row.id,
    after: { ...values, extra },
    ip: actor.clientAddress,
  });
  return row;
}

/** Edits an establishment before the application is handed in; every worker there sees the change (ADR 013). */
export async function updateEstablishment(
  tx: TenantTx,
  actor: EditActor,
  config: TTenantConfig,
  input: { id: string; version: number; values: TEstablishmentValues },
): Promise<{ version: number }> {
  await assertRegisteredDataEditable(tx, actor.organisationId);
  const extra = checkedExtra(config, input.values, 'values.');
  const e = schema.establishments;
  const [current] = await tx
    .select()
    .from(e)
    .where(and(eq(e.id, input.id), isNull(e.archivedAt)))
    .for('update');
  if (!current) throw notFound('establishment.notFound');
  if (current.version !== input.version) throw new AppError('CONFLICT', 'common.conflict', { currentVersion: current.version });
  const changes = { ...input.values, extra };
  const [saved] = await tx
    .update(e)
    .set(changes)
    .where(and(eq(e.id, input.id), eq(e.version, input.version)))
    .returning({ version: e.version });
  if (!saved) throw new AppError('CONFLICT', 'common.conflict', { currentVersion: current.version });
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    actorUserId: actor.userId,
    action: 'establishment.updated',
    targetType: 'establishment',
    targetId: input.id,
    before: {
      name: current.name,
      postalCode: current.postalCode,
      prefecture: current.prefecture,
      city: current.city,
      town: current.town,
      building: current.building,
      phone: current.phone,
      extra: current.extra,
    },
    after: changes,
    ip: actor.clientAddress,
  });
  return saved;
}
