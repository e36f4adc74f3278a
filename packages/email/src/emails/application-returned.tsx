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

export const ZApplicationReturnedProps = z.strictObject({
  /** 法人名 (STEP1). Shown as text: React escapes it, nothing here is HTML. */
  corporateName: z.string().trim().min(1).max(200),
  recipientName: z.string().trim().min(1).max(200),
  referenceNumber: z.string().regex(/^[A-Z0-9-]{1,40}$/),
  /** What the secretariat asks the applicant to fix (SPEC C1), as typed; line breaks kept. */
  message: z.string().trim().min(1).max(4000),
  returnedAt: z.iso.datetime({ offset: true }),
  myPageUrl: ZAbsoluteHttpUrl,
});
export type TApplicationReturnedProps = z.infer<typeof ZApplicationReturnedProps>;

const previewProps: TApplicationReturnedProps = {
  corporateName: '社会福祉法人さくら会',
  recipientName: '佐藤 花子',
  referenceNumber: 'SAKURA-2026-048213',
  message: 'MARIA SANTOS さんの在留カードの写しが裏面のみです。表面と裏面の両方をアップロードしてください。',
  returnedAt: '2026-12-01T02:00:00.000Z',
  myPageUrl: 'https://sakura.example.jp/',
};

type TProps = TApplicationReturnedProps & { branding: TEmailBranding };

/** SPEC C1: the secretariat asks for corrections; the application is editable again on マイページ. */
export default function ApplicationReturned({
  corporateName = previewProps.corporateName,
  recipientName = previewProps.recipientName,
  referenceNumber = previewProps.referenceNumber,
  message = previewProps.message,
  returnedAt = previewProps.returnedAt,
  myPageUrl = previewProps.myPageUrl,
  branding = previewBranding,
}: Partial<TProps>) {
  return (
    <EmailLayout branding={branding} preview={`入会申請の内容について修正をお願いします（受付番号 ${referenceNumber}）。`}>
      <OrganisationGreeting corporateName={corporateName} recipientName={recipientName} />
      <Text style={textStyles.paragraph}>
        {`${branding.tenantName.ja}事務局です。入会申請（受付番号 ${referenceNumber}）を審査したところ、修正が必要な点がありました（${formatJaDateTime(returnedAt)}）。`}
      </Text>
      <Text style={textStyles.paragraph}>事務局からの連絡事項:</Text>
      <Text style={{ ...textStyles.paragraph, whiteSpace: 'pre-wrap', borderLeft: '4px solid #1f3a5f', paddingLeft: '12px' }}>
        <TextLines text={message} />
      </Text>
      <Text style={textStyles.paragraph}>
        マイページから申請内容を修正し、申請内容の確認画面で「上記内容で申請を行う」を押して再申請してください。
      </Text>
      <ButtonLink href={myPageUrl}>マイページで修正する</ButtonLink>
      <Text lang="en" style={textStyles.english}>
        {`The secretariat of ${branding.tenantName.en} reviewed your membership application (reference ${referenceNumber}) on ${formatEnDateTime(returnedAt)} and asks for corrections (message above). Correct the application on My Page and submit it again.`}
      </Text>
    </EmailLayout>
  );
}

ApplicationReturned.PreviewProps = { ...previewProps, branding: previewBranding } satisfies TProps;

export const applicationReturnedTemplate = defineEmailTemplate({
  schema: ZApplicationReturnedProps,
  subject: (props, branding) => `【${branding.tenantName.ja}】入会申請の修正のお願い（受付番号 ${props.referenceNumber}）`,
  links: (props) => [props.myPageUrl],
  component: ApplicationReturned,
});
