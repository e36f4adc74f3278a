import { normaliseNumberInput, normaliseText } from '../input/japanese-input';
import type { TCustomField } from '../tenant/tenant-config';

export type TFieldIssue = { path: string; messageKey: string; messageParams?: Record<string, string | number> };

/** A real calendar date written YYYY-MM-DD. */
function isIsoDate(value: string): boolean {
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * The tenant's extra fields of a form (tenant config `customFields.establishment` / `.worker`,
 * SPEC B4a-b, G2): keeps the configured keys only, normalised (text like the other fields, dates
 * as YYYY-MM-DD), and reports each problem at `extra.<key>`: a required field left empty
 * (`validation.required`), a select value that is not one of the options or an impossible date
 * (`validation.invalid`), text over the field's maxLength (`validation.tooLong`).
 */
export function checkCustomFields(
  fields: readonly TCustomField[],
  extra: Readonly<Record<string, string>>,
): { values: Record<string, string>; issues: TFieldIssue[] } {
  const values: Record<string, string> = {};
  const issues: TFieldIssue[] = [];
  for (const field of fields) {
    const path = `extra.${field.key}`;
    const raw = Object.hasOwn(extra, field.key) ? extra[field.key] : undefined;
    const value = raw === undefined ? '' : field.type === 'date' ? normaliseNumberInput(raw) : normaliseText(raw);
    if (value === '') {
      if (field.required) issues.push({ path, messageKey: 'validation.required' });
      continue;
    }
    if (field.type === 'select' && !field.options?.some((option) => option.value === value)) {
      issues.push({ path, messageKey: 'validation.invalid' });
      continue;
    }
    if (field.type === 'date' && !isIsoDate(value)) {
      issues.push({ path, messageKey: 'validation.invalid' });
      continue;
    }
    const max = field.maxLength ?? 2000;
    if (value.length > max) {
      issues.push({ path, messageKey: 'validation.tooLong', messageParams: { max } });
      continue;
    }
    values[field.key] = value;
  }
  return { values, issues };
}
