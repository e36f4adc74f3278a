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

export const ZCertificateReissuedProps = z.strictObject({
  /** 法人名. Shown as text: React escapes it, nothing here is HTML. */
  corporateName: z.string().trim().min(1).max(200),
  /** The organisation's contact person (担当者氏名); shown as 「<name> 様」. */
  recipientName: z.string().trim().min(1).max(200),
  membershipNumber: z.string().trim().min(1).max(40),
  /** 発行番号 of the new certificate (2 for the first reissue). */
  issueNumber: z.number().int().min(2),
  myPageUrl: ZAbsoluteHttpUrl,
});
export type TCertificateReissuedProps = z.infer<typeof ZCertificateReissuedProps>;

const previewProps: TCertificateReissuedProps = {
  corporateName: '社会福祉法人さくら会',
  recipientName: '佐藤 花子',
  membershipNumber: 'KAIGO-000123',
  issueNumber: 2,
  myPageUrl: 'https://sakura.example.jp/',
};

type TProps = TCertificateReissuedProps & { branding: TEmailBranding };

/**
 * SPEC E1 (and D1): a new certificate is ready; sent by the worker once its PDF is stored
 * (ADR 018). The previous certificate no longer verifies as valid.
 */
export default function CertificateReissued({
  corporateName = previewProps.corporateName,
  recipientName = previewProps.recipientName,
  membershipNumber = previewProps.membershipNumber,
  issueNumber = previewProps.issueNumber,
  myPageUrl = previewProps.myPageUrl,
  branding = previewBranding,
}: Partial<TProps>) {
  return (
    <EmailLayout branding={branding} preview={`入会証明書を再発行しました（会員番号 ${membershipNumber}、第${issueNumber}号）。`}>
      <OrganisationGreeting corporateName={corporateName} recipientName={recipientName} />
      <Text style={textStyles.paragraph}>入会証明書を再発行しました。マイページにログインしてダウンロードしてください。</Text>
      <Text style={textStyles.paragraph}>
        {`会員番号: ${membershipNumber}`}
        <br />
        {`発行番号: 第${issueNumber}号`}
      </Text>
      <Text style={textStyles.paragraph}>
        ダウンロードは1回限りです。これまでの入会証明書は無効になり、検証ページでは「失効（再発行済み）」と表示されます。
      </Text>
      <ButtonLink href={myPageUrl}>マイページで入会証明書をダウンロードする</ButtonLink>
      <Text lang="en" style={textStyles.english}>
        {`A new membership certificate (membership number ${membershipNumber}, issue ${issueNumber}) is ready on My Page. It can be downloaded once only. The previous certificate is no longer valid.`}
      </Text>
    </EmailLayout>
  );
}

CertificateReissued.PreviewProps = { ...previewProps, branding: previewBranding } satisfies TProps;

export const certificateReissuedTemplate = defineEmailTemplate({
  schema: ZCertificateReissuedProps,
  subject: (props, branding) => `【${branding.tenantName.ja}】入会証明書再発行のお知らせ（会員番号 ${props.membershipNumber}）`,
  links: (props) => [props.myPageUrl],
  component: CertificateReissued,
});
