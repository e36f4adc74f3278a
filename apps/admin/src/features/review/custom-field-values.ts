import type { TReview } from './review-types';

type TField = TReview['customFields']['worker'][number];

/**
 * The council's extra field values (`extra`) as a reviewer reads them: the field's label and, for
 * a select, the choice's label, in the page's language; in the order the council configured, then
 * any value of a field the council no longer has, by its key.
 */
export function customFieldValues(extra: Record<string, string | null>, fields: TField[], language: string) {
  const isEnglish = language === 'en';
  const known = fields
    .filter((field) => extra[field.key] !== undefined)
    .map((field) => {
      const raw = extra[field.key] ?? null;
      const option = field.options?.find((choice) => choice.value === raw);
      return {
        key: field.key,
        label: isEnglish ? field.labelEn : field.labelJa,
        value: option ? (isEnglish ? option.labelEn : option.labelJa) : raw,
      };
    });
  const configured = new Set(fields.map((field) => field.key));
  const unknown = Object.entries(extra)
    .filter(([key]) => !configured.has(key))
    .map(([key, value]) => ({ key, label: key, value }));
  return [...known, ...unknown];
}
