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

export const ZApplicationResubmittedNoticeProps = z.strictObject({
  corporateName: z.string().trim().min(1).max(200),
  referenceNumber: z.string().regex(/^[A-Z0-9-]{1,40}$/),
  resubmittedAt: z.iso.datetime({ offset: true }),
  /** The application's page in the admin console (it shows what changed since the return). */
  applicationUrl: ZAbsoluteHttpUrl,
});
export type TApplicationResubmittedNoticeProps = z.infer<typeof ZApplicationResubmittedNoticeProps>;

const previewProps: TApplicationResubmittedNoticeProps = {
  corporateName: '社会福祉法人さくら会',
  referenceNumber: 'SAKURA-2026-048213',
  resubmittedAt: '2026-12-02T01:30:00.000Z',
  applicationUrl: 'https://sakura.example.jp/admin/applications/00000000-0000-4000-8000-000000000000',
};

type TProps = TApplicationResubmittedNoticeProps & { branding: TEmailBranding };

/** SPEC C1: tells the secretariat that a returned application came back corrected. */
export default function ApplicationResubmittedNotice({
  corporateName = previewProps.corporateName,
  referenceNumber = previewProps.referenceNumber,
  resubmittedAt = previewProps.resubmittedAt,
  applicationUrl = previewProps.applicationUrl,
  branding = previewBranding,
}: Partial<TProps>) {
  return (
    <EmailLayout branding={branding} preview={`修正された入会申請が再提出されました（受付番号 ${referenceNumber}）。`}>
      <Text style={textStyles.paragraph}>事務局ご担当者様</Text>
      <Text style={textStyles.paragraph}>
        修正を依頼した入会申請が再提出されました。管理画面で差し戻し後の変更点を確認し、審査を再開してください。
      </Text>
      <Text style={textStyles.paragraph}>
        {`法人名: ${corporateName}`}
        <br />
        {`受付番号: ${referenceNumber}`}
        <br />
        {`再提出日時: ${formatJaDateTime(resubmittedAt)}`}
      </Text>
      <ButtonLink href={applicationUrl}>申請の詳細を開く</ButtonLink>
      <Text lang="en" style={textStyles.english}>
        {`A returned membership application was corrected and submitted again: ${corporateName}, reference ${referenceNumber}, ${formatEnDateTime(resubmittedAt)}. The admin console shows what changed since the return.`}
      </Text>
    </EmailLayout>
  );
}

ApplicationResubmittedNotice.PreviewProps = { ...previewProps, branding: previewBranding } satisfies TProps;

export const applicationResubmittedNoticeTemplate = defineEmailTemplate({
  schema: ZApplicationResubmittedNoticeProps,
  subject: (props, branding) => `【${branding.tenantName.ja}】入会申請の再提出（受付番号 ${props.referenceNumber}）`,
  links: (props) => [props.applicationUrl],
  component: ApplicationResubmittedNotice,
});
