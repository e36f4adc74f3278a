/** @jsxRuntime automatic */
/** @jsxImportSource react */
// ↑ See staff-account-created.tsx: needed when run from the repo root through tsx/vitest.
import { Text } from '@react-email/components';
import { z } from 'zod';
import { textStyles } from '../components/email-layout';

/**
 * What the change-request mails share (SPEC D1-D6): the changed fields with their values before
 * and after, as the member sees them on マイページ. Not a template itself (no entry in templates.ts).
 */
export const ZChangeLines = z
  .array(
    z.strictObject({
      /** The field's Japanese label (e.g. 法人名). */
      label: z.string().trim().min(1).max(100),
      /** Empty when the field had no value. */
      before: z.string().max(2000),
      after: z.string().max(2000),
    }),
  )
  .min(1)
  .max(100);
export type TChangeLines = z.infer<typeof ZChangeLines>;

export const previewChanges: TChangeLines = [
  { label: '法人名', before: '社会福祉法人さくら会', after: '社会福祉法人さくら福祉会' },
  { label: '担当者電話番号', before: '03-1234-5678', after: '03-1234-9999' },
];

/** 「法人名: A → B」, one line per field; an empty value shows as （未入力）. */
export function ChangeList({ changes }: { changes: TChangeLines }) {
  return (
    <Text style={textStyles.paragraph}>
      {changes.map((change, index) => (
        <span key={change.label}>
          {index > 0 ? <br /> : null}
          {`${change.label}: ${change.before || '（未入力）'} → ${change.after || '（未入力）'}`}
        </span>
      ))}
    </Text>
  );
}

export function changeListEn(changes: TChangeLines): string {
  return changes.map((change) => `${change.label}: ${change.before || '(empty)'} → ${change.after || '(empty)'}`).join('; ');
}
