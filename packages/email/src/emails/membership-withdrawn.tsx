/** @jsxRuntime automatic */
/** @jsxImportSource react */
// ↑ See staff-account-created.tsx: needed when run from the repo root through tsx/vitest.
import { Text } from '@react-email/components';
import { z } from 'zod';
import { type TEmailBranding, ZAbsoluteHttpUrl, previewBranding } from '../branding';
import { ButtonLink } from '../components/button-link';
import { EmailLayout, textStyles } from '../components/email-layout';
import { formatEnDateTime, formatJaDateTime } from '../components/format';
import { OrganisationGreeting } from '../components/greeting';
import { defineEmailTemplate } from '../define-email-template';

export const ZMembershipWithdrawnProps = z.strictObject({
  /** 法人名: shown as text, never as HTML. */
  corporateName: z.string().trim().min(1).max(200),
  /** The organisation's contact person; shown as 「<name> 様」. */
  recipientName: z.string().trim().min(1).max(200),
  membershipNumber: z.string().trim().min(1).max(40),
  withdrawnAt: z.iso.datetime({ offset: true }),
  /** The last day the registration is kept (read-only) before it is deleted, YYYY-MM-DD. */
  retentionUntil: z.iso.date(),
  myPageUrl: ZAbsoluteHttpUrl,
});
export type TMembershipWithdrawnProps = z.infer<typeof ZMembershipWithdrawnProps>;

const previewProps: TMembershipWithdrawnProps = {
  corporateName: '社会福祉法人さくら会',
  recipientName: '佐藤 花子',
  membershipNumber: 'KAIGO-M2026-000123',
  withdrawnAt: '2026-12-03T02:00:00.000Z',
  retentionUntil: '2031-12-03',
  myPageUrl: 'https://sakura.example.jp/',
};

type TProps = TMembershipWithdrawnProps & { branding: TEmailBranding };

function jaDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** SPEC F1, G3: confirms the withdrawal, that the certificate is no longer valid, and how long the data is kept. */
export default function MembershipWithdrawn({
  corporateName = previewProps.corporateName,
  recipientName = previewProps.recipientName,
  membershipNumber = previewProps.membershipNumber,
  withdrawnAt = previewProps.withdrawnAt,
  retentionUntil = previewProps.retentionUntil,
  myPageUrl = previewProps.myPageUrl,
  branding = previewBranding,
}: Partial<TProps>) {
  return (
    <EmailLayout branding={branding} preview={`${branding.tenantName.ja}の退会手続きが完了しました。`}>
      <OrganisationGreeting corporateName={corporateName} recipientName={recipientName} />
      <Text style={textStyles.paragraph}>{`${branding.tenantName.ja}の退会手続きが完了しました。`}</Text>
      <Text style={textStyles.paragraph}>
        {`会員番号: ${membershipNumber}`}
        <br />
        {`退会日時: ${formatJaDateTime(withdrawnAt)}`}
      </Text>
      <Text style={textStyles.paragraph}>
        入会証明書は失効しました。証明書の確認ページでは「失効」と表示されます。審査中・申請中だった変更申請と入会証明書の再発行申請は取り消されました。
      </Text>
      <Text style={textStyles.paragraph}>
        {`登録内容は${jaDate(retentionUntil)}まで閲覧のみ可能な状態で保管され、その後削除されます。マイページから内容を確認できます（変更はできません）。`}
      </Text>
      <ButtonLink href={myPageUrl}>マイページを開く</ButtonLink>
      <Text lang="en" style={textStyles.english}>
        {`Your membership of ${branding.tenantName.en} (membership number ${membershipNumber}) ended on ${formatEnDateTime(withdrawnAt)}. The membership certificate is no longer valid, and pending change and reissue requests were cancelled. Your registration stays readable on My page until ${retentionUntil}, then it is deleted.`}
      </Text>
    </EmailLayout>
  );
}

MembershipWithdrawn.PreviewProps = { ...previewProps, branding: previewBranding } satisfies TProps;

export const membershipWithdrawnTemplate = defineEmailTemplate({
  schema: ZMembershipWithdrawnProps,
  subject: (_props, branding) => `【${branding.tenantName.ja}】退会手続き完了のお知らせ`,
  links: (props) => [props.myPageUrl],
  component: MembershipWithdrawn,
});
