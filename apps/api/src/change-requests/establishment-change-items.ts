import { schema, type TenantTx } from '@kyogikai/db';
import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '../trpc/app-error';
import { checkSeenValues, markItemApplied } from './applied-item';
import type { TChangeItemRow } from './change-items';

type TEstablishmentRow = typeof schema.establishments.$inferSelect;

/** The establishment's own columns a member changes (D3) or gives (D4); custom fields are `extra.<key>`. */
export const ESTABLISHMENT_COLUMNS = ['name', 'postalCode', 'prefecture', 'city', 'town', 'building', 'phone'] as const;
export type TEstablishmentColumn = (typeof ESTABLISHMENT_COLUMNS)[number];

const EXTRA_PREFIX = 'extra.';

export function isEstablishmentColumn(field: string): field is TEstablishmentColumn {
  return (ESTABLISHMENT_COLUMNS as readonly string[]).includes(field);
}

/**
 * An establishment's values field by field, as an edit item stores them (ADR 023: each field is
 * checked on its own): the columns, and each custom field as `extra.<key>`; empty is null.
 */
export function establishmentFieldValues(row: {
  name: string;
  postalCode: string | null;
  prefecture: string | null;
  city: string | null;
  town: string | null;
  building: string | null;
  phone: string | null;
  extra: Record<string, string | null> | null;
}): Record<string, string | null> {
  const values: Record<string, string | null> = {};
  for (const column of ESTABLISHMENT_COLUMNS) values[column] = row[column] ?? null;
  for (const [key, value] of Object.entries(row.extra ?? {})) values[`${EXTRA_PREFIX}${key}`] = value ?? null;
  return values;
}

function currentValue(row: TEstablishmentRow, field: string): unknown {
  if (field.startsWith(EXTRA_PREFIX)) return row.extra?.[field.slice(EXTRA_PREFIX.length)] ?? null;
  if (isEstablishmentColumn(field)) return row[field] ?? null;
  throw new Error(`establishment field ${field} is not changeable`);
}

/**
 * D4 「受入れ事業所の追加」 on approval: the establishment row is created from the proposed values,
 * and the item records the new id (entity_id). Returns the new id: a worker of the same request
 * names the establishment by the item's id until now.
 */
export async function applyEstablishmentAdd(tx: TenantTx, item: TChangeItemRow, now: Date): Promise<string> {
  const p = item.proposed;
  const text = (field: string) => (typeof p[field] === 'string' ? (p[field] as string) : null);
  const e = schema.establishments;
  const [created] = await tx
    .insert(e)
    .values({
      tenantId: item.tenantId,
      organisationId: item.organisationId,
      name: text('name') ?? '',
      postalCode: text('postalCode'),
      prefecture: text('prefecture'),
      city: text('city'),
      town: text('town'),
      building: text('building'),
      phone: text('phone'),
      extra: (p.extra ?? {}) as Record<string, string>,
    })
    .returning({ id: e.id });
  if (!created) throw new Error('insert returned no establishment');
  await markItemApplied(tx, item, now, { entityId: created.id });
  return created.id;
}

/**
 * D3 「受入れ事業所の変更」 on approval: the proposed fields are written over the ONE establishment
 * row, which is how the change reaches every worker registered there (SPEC D3; ADR 013) — in the
 * approval's transaction. Optimistic concurrency per field as for the organisation (ADR 023,
 * checkSeenValues). `previous` is rewritten with the values actually replaced.
 */
export async function applyEstablishmentEdit(tx: TenantTx, item: TChangeItemRow, now: Date): Promise<void> {
  const e = schema.establishments;
  if (!item.entityId) throw new Error(`change item ${item.id}: an establishment edit without its establishment`);
  const [row] = await tx
    .select()
    .from(e)
    .where(and(eq(e.id, item.entityId), isNull(e.archivedAt)))
    .for('update');
  if (!row) throw new AppError('CONFLICT', 'changeRequest.valueChanged', { field: 'name' });
  const replaced = checkSeenValues(item, (field) => currentValue(row, field));
  const set: Partial<typeof e.$inferInsert> = {};
  const extra: Record<string, string | null> = { ...(row.extra ?? {}) };
  for (const [field, value] of Object.entries(item.proposed)) {
    if (field.startsWith(EXTRA_PREFIX)) {
      const key = field.slice(EXTRA_PREFIX.length);
      if (typeof value === 'string' && value !== '') extra[key] = value;
      else delete extra[key];
      set.extra = extra;
    } else if (isEstablishmentColumn(field)) {
      if (field === 'name') {
        if (typeof value !== 'string' || value === '') throw new Error(`change item ${item.id}: an establishment needs its name`);
        set.name = value;
      } else {
        set[field] = typeof value === 'string' ? value : null;
      }
    }
  }
  const [saved] = await tx
    .update(e)
    .set(set)
    .where(and(eq(e.id, row.id), eq(e.version, row.version)))
    .returning({ id: e.id });
  if (!saved) throw new AppError('CONFLICT', 'common.conflict');
  await markItemApplied(tx, item, now, { previous: replaced });
}
