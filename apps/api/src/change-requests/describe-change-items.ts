import { schema, type TenantTx } from '@kyogikai/db';
import { countryName, type TChangeItemKind, type TCustomField, type TTenantConfig } from '@kyogikai/domain';
import { and, eq, inArray } from 'drizzle-orm';
import { shownValue, type TChangeItemRow } from './change-items';
import { isChangeableOrganisationField, ORGANISATION_FIELD_LABELS_EN, ORGANISATION_FIELD_LABELS_JA } from './organisation-change-fields';

/**
 * One changed field of an item as people read it: whose it is (`subject`: the worker's Latin name,
 * the establishment's name; '' for the organisation's own fields), the field's label in Japanese
 * and English, and the values before → after as text (establishments by name, joined by 「、」;
 * nationality by country name; a custom select field by its option's label).
 */
export type TDescribedChange = {
  itemId: string;
  kind: TChangeItemKind;
  entityType: TChangeItemRow['entityType'];
  subject: string;
  field: string;
  labelJa: string;
  labelEn: string;
  before: string;
  after: string;
};

/** The worker's fields in the order of ◆特定技能外国人情報の入力 (labels as the portal prints them). */
export const WORKER_FIELD_LABELS = {
  nameLatin: { ja: '氏名（ローマ字）', en: 'Name (in Latin letters)' },
  nationality: { ja: '国籍', en: 'Nationality' },
  nameKana: { ja: '氏名（カタカナ）', en: 'Name (in katakana)' },
  establishmentIds: { ja: '受入れ事業所', en: 'Accepting establishments' },
} as const;

/** The establishment's fields in the order of ◆受入れ事業所情報. */
export const ESTABLISHMENT_FIELD_LABELS = {
  name: { ja: '事業所名', en: 'Establishment name' },
  postalCode: { ja: '郵便番号', en: 'Postal code' },
  prefecture: { ja: '都道府県', en: 'Prefecture' },
  city: { ja: '市区町村', en: 'City, ward, town or village' },
  town: { ja: '町域・番地', en: 'District and street number' },
  building: { ja: '建物名等', en: 'Building name etc.' },
  phone: { ja: '電話番号', en: 'Phone number' },
} as const;

/** Establishment ids joined into names. */
const NAME_SEPARATOR = '、';

/** `extra` (an object) becomes one entry per custom field, `extra.<key>`, as establishment edits store them. */
function flatten(values: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(values ?? {})) {
    if (field === 'extra' && value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, extraValue] of Object.entries(value as Record<string, unknown>)) flat[`extra.${key}`] = extraValue;
    } else {
      flat[field] = value;
    }
  }
  return flat;
}

function customFieldsOf(entityType: TChangeItemRow['entityType'], config: TTenantConfig | null): readonly TCustomField[] {
  if (!config) return [];
  if (entityType === 'worker') return config.customFields.worker;
  if (entityType === 'establishment') return config.customFields.establishment;
  return [];
}

/** Field order: the form's order, then custom fields in the tenant's order, then anything else. */
function fieldOrder(entityType: TChangeItemRow['entityType'], custom: readonly TCustomField[]): string[] {
  const base =
    entityType === 'worker'
      ? ['nameLatin', 'nationality', 'nameKana']
      : entityType === 'establishment'
        ? Object.keys(ESTABLISHMENT_FIELD_LABELS)
        : [];
  return [...base, ...custom.map((field) => `extra.${field.key}`), 'establishmentIds'];
}

/**
 * Describes items field by field for the member's overview and history, the secretariat's detail
 * page and the mails (SPEC D1-D6). Reads, in the caller's transaction, the names it needs: the
 * registered workers and establishments the items name, the draft's or request's establishment
 * additions (an establishment being added is named by its item's id, D4), and the tenant's custom
 * field labels. Items of one organisation or several (staff) alike; three queries at most.
 */
export async function describeChangeItems(tx: TenantTx, items: readonly TChangeItemRow[]): Promise<TDescribedChange[]> {
  if (items.length === 0) return [];
  const needsConfig = items.some((item) => item.entityType === 'worker' || item.entityType === 'establishment');
  let config: TTenantConfig | null = null;
  if (needsConfig) {
    const t = schema.tenants;
    const [tenant] = await tx
      .select({ config: t.config })
      .from(t)
      .where(eq(t.id, items[0]?.tenantId ?? ''));
    config = tenant?.config ?? null;
  }

  // Every establishment id any item mentions (registered ids, or ids of establishment_add items).
  const establishmentIds = new Set<string>();
  const workerIds = new Set<string>();
  for (const item of items) {
    if (item.entityType === 'establishment' && item.entityId) establishmentIds.add(item.entityId);
    if ((item.entityType === 'worker_establishments' || item.entityType === 'worker') && item.entityId) workerIds.add(item.entityId);
    for (const values of [item.proposed, item.previous]) {
      const ids = values?.establishmentIds;
      if (Array.isArray(ids)) for (const id of ids) if (typeof id === 'string') establishmentIds.add(id);
    }
  }
  const names = new Map<string, string>();
  for (const item of items) if (item.kind === 'establishment_add') names.set(item.id, shownValue(item.proposed.name));
  const unknownIds = [...establishmentIds].filter((id) => !names.has(id));
  if (unknownIds.length > 0) {
    const e = schema.establishments;
    for (const row of await tx.select({ id: e.id, name: e.name }).from(e).where(inArray(e.id, unknownIds))) names.set(row.id, row.name);
    const i = schema.changeItems;
    const stillUnknown = unknownIds.filter((id) => !names.has(id));
    if (stillUnknown.length > 0) {
      const additions = await tx
        .select({ id: i.id, proposed: i.proposed })
        .from(i)
        .where(and(inArray(i.id, stillUnknown), eq(i.kind, 'establishment_add')));
      for (const row of additions) names.set(row.id, shownValue(row.proposed.name));
    }
  }
  const workerNames = new Map<string, string>();
  if (workerIds.size > 0) {
    const w = schema.workers;
    for (const row of await tx
      .select({ id: w.id, nameLatin: w.nameLatin })
      .from(w)
      .where(inArray(w.id, [...workerIds])))
      workerNames.set(row.id, row.nameLatin);
  }

  const establishmentList = (value: unknown): string =>
    Array.isArray(value) ? value.map((id) => names.get(String(id)) ?? String(id)).join(NAME_SEPARATOR) : '';

  return items.flatMap((item): TDescribedChange[] => {
    const custom = customFieldsOf(item.entityType, config);
    const proposed = flatten(item.proposed);
    const previous = flatten(item.previous);
    // Named as registered now (an edit of 事業所名 is still called by the name the member knows it by
    // until approved); an addition by the name it is given.
    const subject =
      item.entityType === 'organisation'
        ? ''
        : item.entityType === 'establishment'
          ? shownValue((item.entityId ? names.get(item.entityId) : undefined) ?? proposed.name)
          : shownValue((item.entityId ? workerNames.get(item.entityId) : undefined) ?? proposed.nameLatin);
    const order = fieldOrder(item.entityType, custom);
    const fields = Object.keys(proposed).sort((a, b) => rank(order, a) - rank(order, b));
    const show = (field: string, value: unknown): string => {
      if (value === null || value === undefined) return '';
      if (field === 'establishmentIds') return establishmentList(value);
      if (field === 'nationality' && typeof value === 'string') return countryName(value, 'ja');
      // 〒 codes are stored as 7 digits and read with their hyphen, as on the certificate.
      if (field === 'postalCode' && typeof value === 'string' && /^[0-9]{7}$/.test(value)) return `${value.slice(0, 3)}-${value.slice(3)}`;
      if (field.startsWith('extra.')) {
        const definition = custom.find((candidate) => `extra.${candidate.key}` === field);
        const option = definition?.options?.find((candidate) => candidate.value === value);
        if (option) return option.labelJa;
      }
      return shownValue(value);
    };
    // An addition (D2, D4) shows only the fields given; an empty optional field says nothing.
    const isAddition = item.kind === 'worker_add' || item.kind === 'establishment_add';
    return fields
      .filter((field) => !isAddition || show(field, proposed[field]) !== '')
      .map((field) => {
        const label = labelOf(item.entityType, field, custom);
        return {
          itemId: item.id,
          kind: item.kind,
          entityType: item.entityType,
          subject,
          field,
          labelJa: label.ja,
          labelEn: label.en,
          before: isAddition ? '' : show(field, previous[field]),
          after: show(field, proposed[field]),
        };
      });
  });
}

function rank(order: readonly string[], field: string): number {
  const index = order.indexOf(field);
  return index === -1 ? order.length : index;
}

function labelOf(entityType: TChangeItemRow['entityType'], field: string, custom: readonly TCustomField[]): { ja: string; en: string } {
  if (entityType === 'organisation' && isChangeableOrganisationField(field)) {
    return { ja: ORGANISATION_FIELD_LABELS_JA[field], en: ORGANISATION_FIELD_LABELS_EN[field] };
  }
  if (field.startsWith('extra.')) {
    const definition = custom.find((candidate) => `extra.${candidate.key}` === field);
    if (definition) return { ja: definition.labelJa, en: definition.labelEn };
  }
  if (entityType === 'establishment' && Object.hasOwn(ESTABLISHMENT_FIELD_LABELS, field)) {
    return ESTABLISHMENT_FIELD_LABELS[field as keyof typeof ESTABLISHMENT_FIELD_LABELS];
  }
  if (Object.hasOwn(WORKER_FIELD_LABELS, field)) return WORKER_FIELD_LABELS[field as keyof typeof WORKER_FIELD_LABELS];
  return { ja: field, en: field };
}

/** What a mail line calls the thing changed, before the field's label. */
const SUBJECT_NOUN_JA: Readonly<Record<TChangeItemRow['entityType'], string>> = {
  organisation: '',
  worker: '特定技能外国人',
  worker_establishments: '特定技能外国人',
  establishment: '受入れ事業所',
};

/**
 * The lines a change-request mail (and the audit entry) prints: Japanese label, before, after. A
 * worker's or an establishment's field says whose it is (「特定技能外国人 NGUYEN VAN AN：国籍」).
 */
export async function mailChangeLines(
  tx: TenantTx,
  items: readonly TChangeItemRow[],
): Promise<{ label: string; before: string; after: string }[]> {
  return (await describeChangeItems(tx, items)).map((change) => ({
    label:
      change.entityType === 'organisation' ? change.labelJa : `${SUBJECT_NOUN_JA[change.entityType]} ${change.subject}：${change.labelJa}`,
    before: change.before,
    after: change.after,
  }));
}
