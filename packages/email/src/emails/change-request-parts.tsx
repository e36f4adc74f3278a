/** @jsxRuntime automatic */
/** @jsxImportSource react */
// ↑ See staff-account-created.tsx: needed when run from the repo root through tsx/vitest.
import { Text } from '@react-email/components';
import { z } from 'zod';
import { ZAbsoluteHttpUrl } from '../branding';
import { ButtonLink } from '../components/button-link';
import { OrganisationGreeting } from '../components/greeting';
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

/** 法人名: shown as text, never as HTML. */
const ZCorporateName = z.string().trim().min(1).max(200);

/** 理由 as the member typed it. */
export const ZChangeReason = z.string().trim().min(1).max(4000);

/**
 * The props every mail to the member organisation has; each mail `.extend`s it with its own
 * (when, why). `changes` is what was asked or what changed, before → after.
 */
export const ZChangeRequestMemberMailProps = z.strictObject({
  corporateName: ZCorporateName,
  /** The organisation's contact person; shown as 「<name> 様」. */
  recipientName: z.string().trim().min(1).max(200),
  changes: ZChangeLines,
  myPageUrl: ZAbsoluteHttpUrl,
});

/** The props every mail to the staff about one request has: which member, what it asks, where the request is in the staff console. */
export const ZChangeRequestStaffMailProps = z.strictObject({
  corporateName: ZCorporateName,
  membershipNumber: z.string().trim().min(1).max(40),
  changes: ZChangeLines,
  /** The request in the staff console. */
  adminUrl: ZAbsoluteHttpUrl,
});

/** 「<法人名> / <name> 様」, then what happened (`intro`), then the changes. */
export function MemberChangesIntro({
  corporateName,
  recipientName,
  intro,
  changes,
}: {
  corporateName: string;
  recipientName: string;
  intro: string;
  changes: TChangeLines;
}) {
  return (
    <>
      <OrganisationGreeting corporateName={corporateName} recipientName={recipientName} />
      <Text style={textStyles.paragraph}>{intro}</Text>
      <ChangeList changes={changes} />
    </>
  );
}

/** The member's way back to the request: 「マイページを開く」 and its URL. */
export function MyPageButton({ myPageUrl }: { myPageUrl: string }) {
  return <ButtonLink href={myPageUrl}>マイページを開く</ButtonLink>;
}

/** The staff's way to the request: 「変更申請を開く」 and its URL. */
export function AdminRequestButton({ adminUrl }: { adminUrl: string }) {
  return <ButtonLink href={adminUrl}>変更申請を開く</ButtonLink>;
}

/** 「変更理由: …」 as the member typed it. */
export function ChangeReason({ reason }: { reason: string }) {
  return <Text style={textStyles.paragraph}>{`変更理由: ${reason}`}</Text>;
}
