import { schema, type TenantTx } from '@kyogikai/db';
import {
  applicantActor,
  availableChangeRequestEvents,
  CHANGE_REQUEST_PENDING_STATES,
  type TChangeItemKind,
  type TChangeRequestState,
  type TMembershipState,
  type TPermission,
  type TTenantConfig,
} from '@kyogikai/domain';
import { and, asc, desc, eq, inArray, isNotNull, type SQL } from 'drizzle-orm';
import { AppError } from '../trpc/app-error';
import { shownValue } from './change-items';
import { describeChangeItems, type TDescribedChange } from './describe-change-items';
import { CHANGEABLE_ORGANISATION_FIELDS, type TChangeableOrganisationField } from './organisation-change-fields';

/**
 * One changed field: `subject` is whose it is ('' for ◆会員情報; a worker's Latin name, an
 * establishment's name), `label` / `labelEn` the field's label (clients may translate `field` of
 * the organisation's fields through their catalogues instead).
 */
export type TShownChange = {
  field: string;
  kind: TChangeItemKind;
  entityType: TDescribedChange['entityType'];
  subject: string;
  label: string;
  labelEn: string;
  before: string;
  after: string;
};

export type TOpenChangeRequest = {
  id: string;
  version: number;
  state: TChangeRequestState;
  content: string | null;
  reason: string | null;
  submittedAt: Date | null;
  /** The changes still waiting (D5 items of a submitted request are already in force). */
  changes: TShownChange[];
  canSubmit: boolean;
  canCancel: boolean;
};

export type TChangeOverview = {
  membershipState: TMembershipState;
  /** The registered (approved) values of ◆会員情報. */
  values: Record<TChangeableOrganisationField, string>;
  /** The organisation's draft (「申請登録情報を変更する」 saved, not yet submitted). */
  draft: TOpenChangeRequest | null;
  /** Submitted and waiting for a decision, oldest first. */
  pending: TOpenChangeRequest[];
  canEdit: boolean;
};

/**
 * The organisation's pending requests (draft and submitted), oldest first, and their items in the
 * order they were proposed; `itemsWhere` narrows the items. In the member's transaction.
 */
export async function loadOpenRequests(tx: TenantTx, organisationId: string, itemsWhere?: SQL) {
  const r = schema.changeRequests;
  const i = schema.changeItems;
  const open = await tx
    .select()
    .from(r)
    .where(and(eq(r.organisationId, organisationId), inArray(r.state, [...CHANGE_REQUEST_PENDING_STATES])))
    .orderBy(asc(r.createdAt), asc(r.id));
  const items = open.length
    ? await tx
        .select()
        .from(i)
        .where(
          and(
            inArray(
              i.changeRequestId,
              open.map((request) => request.id),
            ),
            itemsWhere,
          ),
        )
        .orderBy(asc(i.createdAt), asc(i.id))
    : [];
  return { open, items };
}

function shown(change: TDescribedChange): TShownChange {
  const { field, kind, entityType, subject, labelJa, labelEn, before, after } = change;
  return { field, kind, entityType, subject, label: labelJa, labelEn, before, after };
}

/**
 * What マイページ and the detail screen show of ◆会員情報 (SPEC D1): the registered values, and the
 * draft and pending requests with their changes before/after side by side; once decided, only the
 * registered values remain. In the member's transaction (row-level security: its own rows only).
 */
export async function loadChangeOverview(
  tx: TenantTx,
  input: { organisationId: string; permissions: ReadonlySet<TPermission>; config: Pick<TTenantConfig, 'approvalSteps'> },
): Promise<TChangeOverview> {
  const o = schema.organisations;
  const [organisation] = await tx.select().from(o).where(eq(o.id, input.organisationId));
  if (!organisation) throw new AppError('NOT_FOUND', 'organisation.notFound');
  const current = organisation as unknown as Record<string, unknown>;
  const values = Object.fromEntries(CHANGEABLE_ORGANISATION_FIELDS.map((field) => [field, shownValue(current[field])])) as Record<
    TChangeableOrganisationField,
    string
  >;
  const { open, items } = await loadOpenRequests(tx, organisation.id);
  const described = await describeChangeItems(
    tx,
    items.filter((item) => item.appliedAt === null),
  );
  const actor = applicantActor(input.permissions);
  const requests = open.map((request): TOpenChangeRequest => {
    const own = items.filter((item) => item.changeRequestId === request.id);
    const kinds = [...new Set(own.map((item) => item.kind))];
    const events = availableChangeRequestEvents(request.state, actor, { approvalSteps: input.config.approvalSteps, kinds });
    return {
      id: request.id,
      version: request.version,
      state: request.state,
      content: request.content,
      reason: request.reason,
      submittedAt: request.submittedAt,
      changes: described.filter((change) => own.some((item) => item.id === change.itemId)).map(shown),
      canSubmit: events.includes('submit'),
      canCancel: events.includes('cancel'),
    };
  });
  return {
    membershipState: organisation.membershipState,
    values,
    draft: requests.find((request) => request.state === 'draft') ?? null,
    pending: requests.filter((request) => request.state !== 'draft'),
    canEdit: organisation.membershipState === 'active' && input.permissions.has('edit'),
  };
}

/** One applied change: when, by whom (the user who submitted the request) and why, with the field's change. */
export type TChangeHistoryRow = TShownChange & {
  changeRequestId: string;
  appliedAt: Date;
  changedByName: string;
  reason: string;
};

/**
 * The change history on マイページ (SPEC D, manual p.8): every applied change, field by field —
 * date, who changed it (the member's user who submitted it), before, after and the reason — newest
 * first. Cancelled and rejected requests changed nothing and are not in it.
 */
export async function loadChangeHistory(tx: TenantTx, organisationId: string, limit = 200): Promise<TChangeHistoryRow[]> {
  const r = schema.changeRequests;
  const i = schema.changeItems;
  const u = schema.users;
  const rows = await tx
    .select({ item: i, reason: r.reason, changedByName: u.displayName })
    .from(i)
    .innerJoin(r, and(eq(r.tenantId, i.tenantId), eq(r.id, i.changeRequestId)))
    .leftJoin(u, and(eq(u.tenantId, r.tenantId), eq(u.id, r.submittedByUserId)))
    .where(and(eq(i.organisationId, organisationId), isNotNull(i.appliedAt)))
    .orderBy(desc(i.appliedAt), desc(i.id))
    .limit(limit);
  const described = await describeChangeItems(
    tx,
    rows.map((row) => row.item),
  );
  const byItem = new Map(rows.map((row) => [row.item.id, row]));
  return described.flatMap((change) => {
    const row = byItem.get(change.itemId);
    if (!row) return [];
    return [
      {
        changeRequestId: row.item.changeRequestId,
        appliedAt: row.item.appliedAt ?? new Date(0),
        changedByName: row.changedByName ?? '',
        ...shown(change),
        reason: row.reason ?? '',
      },
    ];
  });
}
