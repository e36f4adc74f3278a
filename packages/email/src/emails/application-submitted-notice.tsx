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

export const ZApplicationSubmittedNoticeProps = z.strictObject({
  /** 法人名 as the applicant typed it: shown as text, never as HTML. */
  corporateName: z.string().trim().min(1).max(200),
  referenceNumber: z.string().regex(/^[A-Z0-9-]{1,40}$/),
  submittedAt: z.iso.datetime({ offset: true }),
  workerCount: z.number().int().min(1),
  /** The secretariat console (管理画面) of the tenant. */
  adminUrl: ZAbsoluteHttpUrl,
});
export type TApplicationSubmittedNoticeProps = z.infer<typeof ZApplicationSubmittedNoticeProps>;

const previewProps: TApplicationSubmittedNoticeProps = {
  corporateName: '社会福祉法人さくら会',
  referenceNumber: 'SAKURA-2026-048213',
  submittedAt: '2026-11-29T01:30:00.000Z',
  workerCount: 2,
  adminUrl: 'https://sakura.example.jp/admin/',
};

type TProps = TApplicationSubmittedNoticeProps & { branding: TEmailBranding };

/** SPEC B5, G1: tells the secretariat that an application arrived and where to review it. */
export default function ApplicationSubmittedNotice({
  corporateName = previewProps.corporateName,
  referenceNumber = previewProps.referenceNumber,
  submittedAt = previewProps.submittedAt,
  workerCount = previewProps.workerCount,
  adminUrl = previewProps.adminUrl,
  branding = previewBranding,
}: Partial<TProps>) {
  return (
    <EmailLayout branding={branding} preview={`新しい入会申請が届きました（受付番号 ${referenceNumber}）。`}>
      <Text style={textStyles.paragraph}>事務局ご担当者様</Text>
      <Text style={textStyles.paragraph}>新しい入会申請が届きました。管理画面で内容を確認し、審査を開始してください。</Text>
      <Text style={textStyles.paragraph}>
        {`法人名: ${corporateName}`}
        <br />
        {`受付番号: ${referenceNumber}`}
        <br />
        {`申請日時: ${formatJaDateTime(submittedAt)}`}
        <br />
        {`特定技能外国人: ${workerCount}名`}
      </Text>
      <ButtonLink href={adminUrl}>管理画面を開く</ButtonLink>
      <Text style={textStyles.small}>
        申請書類にはアップロードされた個人情報（在留カードの写し等）が含まれます。管理画面からのみ閲覧してください。
      </Text>
      <Text lang="en" style={textStyles.english}>
        {`A new membership application has arrived: ${corporateName}, reference ${referenceNumber}, submitted ${formatEnDateTime(submittedAt)}, ${workerCount} worker(s). Review it in the admin console.`}
      </Text>
    </EmailLayout>
  );
}

ApplicationSubmittedNotice.PreviewProps = { ...previewProps, branding: previewBranding } satisfies TProps;

export const applicationSubmittedNoticeTemplate = defineEmailTemplate({
  schema: ZApplicationSubmittedNoticeProps,
  subject: (props, branding) => `【${branding.tenantName.ja}】入会申請の受付（受付番号 ${props.referenceNumber}）`,
  links: (props) => [props.adminUrl],
  component: ApplicationSubmittedNotice,
});
