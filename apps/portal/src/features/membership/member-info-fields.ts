import { ORGANISATION_TEXT_FIELDS } from '@kyogikai/domain';
import type { PortalOutputs } from '../../lib/trpc';
import { STEP1_INPUT_ATTRIBUTES, STEP1_NORMALISE_ON_BLUR, step1FieldLabelKey } from '../organisation/step1-fields';

export type TChangeOverview = PortalOutputs['changeRequest']['overview'];
export type TMemberInfoField = keyof TChangeOverview['values'];

/**
 * ◆会員情報 on the detail screen (SPEC D1, D5), in the STEP1 form's order: the fields a member
 * changes through a change request. 法人名, 法人所在地, 代表者役職, 代表者名 are certificate items
 * (reviewed); the rest apply at once — the API classifies, the screen only shows.
 */
export const MEMBER_INFO_FIELDS: readonly TMemberInfoField[] = ORGANISATION_TEXT_FIELDS;

/** The contact person's fields are named as the STEP1 error summary names them (two 電話番号 on one page). */
const SUMMARY_LABELED = new Set(['contactName', 'contactDepartment', 'contactEmail', 'contactPhone']);

export function memberInfoLabelKey(field: string): string {
  return SUMMARY_LABELED.has(field) ? `step1.summaryLabels.${field}` : step1FieldLabelKey(field);
}

export const MEMBER_INFO_NORMALISE = STEP1_NORMALISE_ON_BLUR;
export const MEMBER_INFO_INPUT_ATTRIBUTES = STEP1_INPUT_ATTRIBUTES;

/** Field → the change waiting for it (the draft's or a submitted request's), for before/after views. */
export function pendingByField(overview: TChangeOverview) {
  const map = new Map<string, { before: string; after: string; isDraft: boolean; state: string }>();
  for (const request of [...overview.pending, ...(overview.draft ? [overview.draft] : [])]) {
    for (const change of request.changes) {
      map.set(change.field, { before: change.before, after: change.after, isDraft: request.state === 'draft', state: request.state });
    }
  }
  return map;
}
