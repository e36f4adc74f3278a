/** @jsxRuntime automatic */
/** @jsxImportSource react */
// ↑ See staff-account-created.tsx: needed when run from the repo root through tsx/vitest.
import { Text } from '@react-email/components';
import { z } from 'zod';
import { type TEmailBranding, ZAbsoluteHttpUrl, previewBranding } from '../branding';
import { ButtonLink } from '../components/button-link';
import { EmailLayout, textStyles } from '../components/email-layout';
import { OrganisationGreeting } from '../components/greeting';
import { defineEmailTemplate } from '../define-email-template';

export const ZApplicationApprovedProps = z.strictObject({
  /** 法人名. Shown as text: React escapes it, nothing here is HTML. */
  corporateName: z.string().trim().min(1).max(200),
  /** The organisation's contact person (担当者氏名); shown as 「<name> 様」. */
  recipientName: z.string().trim().min(1).max(200),
  /** 会員番号, as printed on the certificate. */
  membershipNumber: z.string().trim().min(1).max(40),
  myPageUrl: ZAbsoluteHttpUrl,
});
export type TApplicationApprovedProps = z.infer<typeof ZApplicationApprovedProps>;

const previewProps: TApplicationApprovedProps = {
  corporateName: '社会福祉法人さくら会',
  recipientName: '佐藤 花子',
  membershipNumber: 'KAIGO-000123',
  myPageUrl: 'https://sakura.example.jp/',
};

type TProps = TApplicationApprovedProps & { branding: TEmailBranding };

/**
 * SPEC C3, C4: membership approved, with the membership number; sent by the worker once the
 * certificate's PDF is stored (ADR 018), so the member can download it at once — once only.
 */
export default function ApplicationApproved({
  corporateName = previewProps.corporateName,
  recipientName = previewProps.recipientName,
  membershipNumber = previewProps.membershipNumber,
  myPageUrl = previewProps.myPageUrl,
  branding = previewBranding,
}: Partial<TProps>) {
  const tenantJa = branding.tenantName.ja;
  return (
    <EmailLayout branding={branding} preview={`${tenantJa}への入会が承認されました（会員番号 ${membershipNumber}）。`}>
      <OrganisationGreeting corporateName={corporateName} recipientName={recipientName} />
      <Text style={textStyles.paragraph}>{`${tenantJa}への入会が承認されました。`}</Text>
      <Text style={textStyles.paragraph}>{`会員番号: ${membershipNumber}`}</Text>
      <Text style={textStyles.paragraph}>
        入会証明書を発行しました。マイページにログインしてダウンロードしてください。入会証明書のダウンロードは1回限りです。ダウンロードしたファイルは大切に保管してください。再度必要になった場合は、マイページの「入会証明書再発行申請」から申請できます。
      </Text>
      <ButtonLink href={myPageUrl}>マイページで入会証明書をダウンロードする</ButtonLink>
      <Text lang="en" style={textStyles.english}>
        {`Your membership of ${branding.tenantName.en} has been approved. Membership number: ${membershipNumber}. Your membership certificate is ready on My Page. It can be downloaded once only: keep the file safe. If you need it again, request a reissue on My Page.`}
      </Text>
    </EmailLayout>
  );
}

ApplicationApproved.PreviewProps = { ...previewProps, branding: previewBranding } satisfies TProps;

export const applicationApprovedTemplate = defineEmailTemplate({
  schema: ZApplicationApprovedProps,
  subject: (props, branding) => `【${branding.tenantName.ja}】入会承認と入会証明書発行のお知らせ（会員番号 ${props.membershipNumber}）`,
  links: (props) => [props.myPageUrl],
  component: ApplicationApproved,
});
