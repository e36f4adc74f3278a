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

export const ZReissueDeclinedProps = z.strictObject({
  /** 法人名: shown as text, never as HTML. */
  corporateName: z.string().trim().min(1).max(200),
  /** The organisation's contact person; shown as 「<name> 様」. */
  recipientName: z.string().trim().min(1).max(200),
  requestedAt: z.iso.datetime({ offset: true }),
  /** Why the secretariat declined, as it wrote it. */
  declineReason: z.string().trim().min(1).max(4000),
  myPageUrl: ZAbsoluteHttpUrl,
});
export type TReissueDeclinedProps = z.infer<typeof ZReissueDeclinedProps>;

const previewProps: TReissueDeclinedProps = {
  corporateName: '社会福祉法人さくら会',
  recipientName: '佐藤 花子',
  requestedAt: '2026-12-03T02:00:00.000Z',
  declineReason: '申請理由の記載が不十分です。紛失の状況を具体的にご記入のうえ、再度申請してください。',
  myPageUrl: 'https://sakura.example.jp/',
};

type TProps = TReissueDeclinedProps & { branding: TEmailBranding };

/** SPEC E1, G3: the secretariat declined a reissue request; the reason, and that the member may ask again. */
export default function ReissueDeclined({
  corporateName = previewProps.corporateName,
  recipientName = previewProps.recipientName,
  requestedAt = previewProps.requestedAt,
  declineReason = previewProps.declineReason,
  myPageUrl = previewProps.myPageUrl,
  branding = previewBranding,
}: Partial<TProps>) {
  return (
    <EmailLayout branding={branding} preview="入会証明書の再発行申請について、事務局からのお知らせです。">
      <OrganisationGreeting corporateName={corporateName} recipientName={recipientName} />
      <Text style={textStyles.paragraph}>
        {`${formatJaDateTime(requestedAt)}にいただいた入会証明書の再発行申請は、事務局で確認した結果、承認されませんでした。`}
      </Text>
      <Text style={textStyles.paragraph}>{`事務局からの理由: ${declineReason}`}</Text>
      <Text style={textStyles.paragraph}>
        内容をご確認のうえ、必要な場合はマイページの「入会証明書再発行申請」から改めて申請してください。ご不明な点は下記の事務局までお問い合わせください。
      </Text>
      <ButtonLink href={myPageUrl}>マイページを開く</ButtonLink>
      <Text lang="en" style={textStyles.english}>
        {`The secretariat did not approve your certificate reissue request of ${formatEnDateTime(requestedAt)}. Reason given: ${declineReason} You may submit a new request from My page.`}
      </Text>
    </EmailLayout>
  );
}

ReissueDeclined.PreviewProps = { ...previewProps, branding: previewBranding } satisfies TProps;

export const reissueDeclinedTemplate = defineEmailTemplate({
  schema: ZReissueDeclinedProps,
  subject: (_props, branding) => `【${branding.tenantName.ja}】入会証明書再発行申請の審査結果のお知らせ`,
  links: (props) => [props.myPageUrl],
  component: ReissueDeclined,
});
