import { CHANGE_ITEM_KINDS, CHANGE_REQUEST_STATES, MEMBERSHIP_STATES, ZOrganisationDraft, ZTransitionText } from '@kyogikai/domain';
import { z } from 'zod';
import { CHANGEABLE_ORGANISATION_FIELDS } from '../../../change-requests/organisation-change-fields';

const fieldMask = Object.fromEntries(CHANGEABLE_ORGANISATION_FIELDS.map((field) => [field, true as const])) as {
  [K in (typeof CHANGEABLE_ORGANISATION_FIELDS)[number]]: true;
};

/** 「申請登録情報を変更する」: the ◆会員情報 fields (normalised as STEP1's) and the draft version the page showed. */
export const ZSaveChangeDraftInput = z.object({
  draftVersion: z.number().int().min(1).nullable(),
  values: ZOrganisationDraft.pick(fieldMask),
});
export const ZSaveChangeDraftOutput = z.object({
  id: z.uuid(),
  version: z.number().int(),
  changedFields: z.array(z.enum(CHANGEABLE_ORGANISATION_FIELDS)),
});

/** 「上記の内容で変更申請を行う」 → 変更内容 and 理由 → 「申請を行う」. */
export const ZSubmitChangeRequestInput = z.object({
  id: z.uuid(),
  version: z.number().int().min(1),
  content: ZTransitionText,
  reason: ZTransitionText,
});
export const ZChangeRequestTransitionOutput = z.object({
  id: z.uuid(),
  state: z.enum(CHANGE_REQUEST_STATES),
  version: z.number().int(),
});

/** 「変更を取り消す」. */
export const ZCancelChangeRequestInput = z.object({ id: z.uuid(), version: z.number().int().min(1) });

const ZShownFields = {
  field: z.string(),
  kind: z.enum(CHANGE_ITEM_KINDS),
  entityType: z.enum(['organisation', 'worker', 'establishment', 'worker_establishments']),
  /** Whose field: '' for ◆会員情報, the worker's Latin name, the establishment's name (SPEC D2-D4). */
  subject: z.string(),
  /** The field's label in Japanese and English (custom fields: the tenant's labels). */
  label: z.string(),
  labelEn: z.string(),
  before: z.string(),
  after: z.string(),
};
const ZShownChange = z.object(ZShownFields);
const ZOpenChangeRequest = z.object({
  id: z.uuid(),
  version: z.number().int(),
  state: z.enum(CHANGE_REQUEST_STATES),
  content: z.string().nullable(),
  reason: z.string().nullable(),
  submittedAt: z.date().nullable(),
  changes: z.array(ZShownChange),
  canSubmit: z.boolean(),
  canCancel: z.boolean(),
});

export const ZChangeOverviewOutput = z.object({
  membershipState: z.enum(MEMBERSHIP_STATES),
  values: z.record(z.enum(CHANGEABLE_ORGANISATION_FIELDS), z.string()),
  draft: ZOpenChangeRequest.nullable(),
  pending: z.array(ZOpenChangeRequest),
  canEdit: z.boolean(),
});

export const ZChangeHistoryOutput = z.array(
  z.object({
    changeRequestId: z.uuid(),
    appliedAt: z.date(),
    changedByName: z.string(),
    ...ZShownFields,
    reason: z.string(),
  }),
);
