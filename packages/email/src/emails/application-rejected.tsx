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
import { TextLines } from '../components/text-lines';
import { defineEmailTemplate } from '../define-email-template';

export const ZApplicationRejectedProps = z.strictObject({
  corporateName: z.string().trim().min(1).max(200),
  recipientName: z.string().trim().min(1).max(200),
  referenceNumber: z.string().regex(/^[A-Z0-9-]{1,40}$/),
  /** Why membership was refused, as the deciding staff member typed it; line breaks kept. */
  reason: z.string().trim().min(1).max(4000),
  decidedAt: z.iso.datetime({ offset: true }),
  myPageUrl: ZAbsoluteHttpUrl,
});
export type TApplicationRejectedProps = z.infer<typeof ZApplicationRejectedProps>;

const previewProps: TApplicationRejectedProps = {
  corporateName: '社会福祉法人さくら会',
  recipientName: '佐藤 花子',
  referenceNumber: 'SAKURA-2026-048213',
  reason: '登録された事業所が介護分野の特定技能の受入れ対象ではありません。',
  decidedAt: '2026-12-05T02:00:00.000Z',
  myPageUrl: 'https://sakura.example.jp/',
};

type TProps = TApplicationRejectedProps & { branding: TEmailBranding };

/** SPEC C3: the application was not approved; the reason and whom to ask. */
export default function ApplicationRejected({
  corporateName = previewProps.corporateName,
  recipientName = previewProps.recipientName,
  referenceNumber = previewProps.referenceNumber,
  reason = previewProps.reason,
  decidedAt = previewProps.decidedAt,
  myPageUrl = previewProps.myPageUrl,
  branding = previewBranding,
}: Partial<TProps>) {
  return (
    <EmailLayout branding={branding} preview={`入会申請の審査結果のお知らせ（受付番号 ${referenceNumber}）。`}>
      <OrganisationGreeting corporateName={corporateName} recipientName={recipientName} />
      <Text style={textStyles.paragraph}>
        {`${branding.tenantName.ja}への入会申請（受付番号 ${referenceNumber}）は、審査の結果、承認されませんでした（${formatJaDateTime(decidedAt)}）。`}
      </Text>
      <Text style={textStyles.paragraph}>理由:</Text>
      <Text style={{ ...textStyles.paragraph, whiteSpace: 'pre-wrap', borderLeft: '4px solid #1f3a5f', paddingLeft: '12px' }}>
        <TextLines text={reason} />
      </Text>
      <Text style={textStyles.paragraph}>ご不明な点は、下記の事務局までお問い合わせください。</Text>
      <ButtonLink href={myPageUrl}>マイページを開く</ButtonLink>
      <Text lang="en" style={textStyles.english}>
        {`Your membership application to ${branding.tenantName.en} (reference ${referenceNumber}) was not approved on ${formatEnDateTime(decidedAt)}. The reason is given above. Please contact the secretariat with any questions.`}
      </Text>
    </EmailLayout>
  );
}

ApplicationRejected.PreviewProps = { ...previewProps, branding: previewBranding } satisfies TProps;

export const applicationRejectedTemplate = defineEmailTemplate({
  schema: ZApplicationRejectedProps,
  subject: (props, branding) => `【${branding.tenantName.ja}】入会申請の審査結果のお知らせ（受付番号 ${props.referenceNumber}）`,
  links: (props) => [props.myPageUrl],
  component: ApplicationRejected,
});
