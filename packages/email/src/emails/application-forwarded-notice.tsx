/** @jsxRuntime automatic */
/** @jsxImportSource react */
// ↑ See staff-account-created.tsx: needed when run from the repo root through tsx/vitest.
import { Text } from '@react-email/components';
import { z } from 'zod';
import { type TEmailBranding, ZAbsoluteHttpUrl, previewBranding } from '../branding';
import { ButtonLink } from '../components/button-link';
import { EmailLayout, textStyles } from '../components/email-layout';
import { formatEnDateTime, formatJaDateTime } from '../components/format';
import { defineEmailTemplate } from '../define-email-template';

export const ZApplicationForwardedNoticeProps = z.strictObject({
  /** The ministry staff member addressed (their display name in the console). */
  recipientName: z.string().trim().min(1).max(200),
  corporateName: z.string().trim().min(1).max(200),
  referenceNumber: z.string().regex(/^[A-Z0-9-]{1,40}$/),
  forwardedAt: z.iso.datetime({ offset: true }),
  applicationUrl: ZAbsoluteHttpUrl,
});
export type TApplicationForwardedNoticeProps = z.infer<typeof ZApplicationForwardedNoticeProps>;

const previewProps: TApplicationForwardedNoticeProps = {
  recipientName: '厚生 一郎',
  corporateName: '社会福祉法人さくら会',
  referenceNumber: 'SAKURA-2026-048213',
  forwardedAt: '2026-12-03T05:00:00.000Z',
  applicationUrl: 'https://sakura.example.jp/admin/applications/00000000-0000-4000-8000-000000000000',
};

type TProps = TApplicationForwardedNoticeProps & { branding: TEmailBranding };

/** SPEC C3: the secretariat completed its review; the ministry is asked to approve or reject. */
export default function ApplicationForwardedNotice({
  recipientName = previewProps.recipientName,
  corporateName = previewProps.corporateName,
  referenceNumber = previewProps.referenceNumber,
  forwardedAt = previewProps.forwardedAt,
  applicationUrl = previewProps.applicationUrl,
  branding = previewBranding,
}: Partial<TProps>) {
  return (
    <EmailLayout branding={branding} preview={`事務局の審査が完了した入会申請があります（受付番号 ${referenceNumber}）。`}>
      <Text style={textStyles.paragraph}>{`${recipientName} 様`}</Text>
      <Text style={textStyles.paragraph}>
        {`${branding.tenantName.ja}事務局の審査が完了した入会申請があります。管理画面で内容を確認し、承認または却下をお願いします。`}
      </Text>
      <Text style={textStyles.paragraph}>
        {`法人名: ${corporateName}`}
        <br />
        {`受付番号: ${referenceNumber}`}
        <br />
        {`審査完了日時: ${formatJaDateTime(forwardedAt)}`}
      </Text>
      <ButtonLink href={applicationUrl}>申請の詳細を開く</ButtonLink>
      <Text lang="en" style={textStyles.english}>
        {`The secretariat of ${branding.tenantName.en} has completed its review of a membership application (${corporateName}, reference ${referenceNumber}, ${formatEnDateTime(forwardedAt)}). Please approve or reject it in the admin console.`}
      </Text>
    </EmailLayout>
  );
}

ApplicationForwardedNotice.PreviewProps = { ...previewProps, branding: previewBranding } satisfies TProps;

export const applicationForwardedNoticeTemplate = defineEmailTemplate({
  schema: ZApplicationForwardedNoticeProps,
  subject: (props, branding) => `【${branding.tenantName.ja}】入会申請の承認依頼（受付番号 ${props.referenceNumber}）`,
  links: (props) => [props.applicationUrl],
  component: ApplicationForwardedNotice,
});
