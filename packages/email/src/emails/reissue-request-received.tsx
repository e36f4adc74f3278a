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

export const ZReissueRequestReceivedProps = z.strictObject({
  /** 法人名: shown as text, never as HTML. */
  corporateName: z.string().trim().min(1).max(200),
  /** The organisation's contact person; shown as 「<name> 様」. */
  recipientName: z.string().trim().min(1).max(200),
  /** The reason the member gave, as typed. */
  reason: z.string().trim().min(1).max(4000),
  requestedAt: z.iso.datetime({ offset: true }),
  myPageUrl: ZAbsoluteHttpUrl,
});
export type TReissueRequestReceivedProps = z.infer<typeof ZReissueRequestReceivedProps>;

const previewProps: TReissueRequestReceivedProps = {
  corporateName: '社会福祉法人さくら会',
  recipientName: '佐藤 花子',
  reason: '社内で保管していた入会証明書を紛失したため。',
  requestedAt: '2026-12-03T02:00:00.000Z',
  myPageUrl: 'https://sakura.example.jp/',
};

type TProps = TReissueRequestReceivedProps & { branding: TEmailBranding };

/** SPEC E1, G3: the receipt of 「入会証明書再発行申請」, with the reason and what happens next. */
export default function ReissueRequestReceived({
  corporateName = previewProps.corporateName,
  recipientName = previewProps.recipientName,
  reason = previewProps.reason,
  requestedAt = previewProps.requestedAt,
  myPageUrl = previewProps.myPageUrl,
  branding = previewBranding,
}: Partial<TProps>) {
  return (
    <EmailLayout branding={branding} preview="入会証明書の再発行申請を受け付けました。">
      <OrganisationGreeting corporateName={corporateName} recipientName={recipientName} />
      <Text style={textStyles.paragraph}>{`${branding.tenantName.ja}への入会証明書の再発行申請を受け付けました。`}</Text>
      <Text style={textStyles.paragraph}>
        {`申請日時: ${formatJaDateTime(requestedAt)}`}
        <br />
        {`申請理由: ${reason}`}
      </Text>
      <Text style={textStyles.paragraph}>
        申請理由を事務局で確認します。承認されると入会証明書が再発行され、メールでお知らせします。再度ログインし、マイページから入会証明書をダウンロードしてください（ダウンロードは1回のみです）。
      </Text>
      <ButtonLink href={myPageUrl}>マイページを開く</ButtonLink>
      <Text lang="en" style={textStyles.english}>
        {`We have received your request to reissue the membership certificate of ${branding.tenantName.en} (${formatEnDateTime(requestedAt)}). The secretariat reviews the reason; once approved, a new certificate is issued and we will email you. It can then be downloaded once from My page.`}
      </Text>
    </EmailLayout>
  );
}

ReissueRequestReceived.PreviewProps = { ...previewProps, branding: previewBranding } satisfies TProps;

export const reissueRequestReceivedTemplate = defineEmailTemplate({
  schema: ZReissueRequestReceivedProps,
  subject: (_props, branding) => `【${branding.tenantName.ja}】入会証明書再発行申請の受付のお知らせ`,
  links: (props) => [props.myPageUrl],
  component: ReissueRequestReceived,
});
