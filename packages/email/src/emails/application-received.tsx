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

export const ZApplicationReceivedProps = z.strictObject({
  /** 法人名 (STEP1). Shown as text: React escapes it, nothing here is HTML. */
  corporateName: z.string().trim().min(1).max(200),
  /** The organisation's contact person (担当者氏名); shown as 「<name> 様」. */
  recipientName: z.string().trim().min(1).max(200),
  /** 受付番号, e.g. KAIGO-2026-048213. */
  referenceNumber: z.string().regex(/^[A-Z0-9-]{1,40}$/),
  submittedAt: z.iso.datetime({ offset: true }),
  workerCount: z.number().int().min(1),
  /** The tenant's review target (SPEC C2). */
  reviewTargetWorkingDays: z.number().int().min(1),
  myPageUrl: ZAbsoluteHttpUrl,
});
export type TApplicationReceivedProps = z.infer<typeof ZApplicationReceivedProps>;

const previewProps: TApplicationReceivedProps = {
  corporateName: '社会福祉法人さくら会',
  recipientName: '佐藤 花子',
  referenceNumber: 'SAKURA-2026-048213',
  submittedAt: '2026-11-29T01:30:00.000Z',
  workerCount: 2,
  reviewTargetWorkingDays: 10,
  myPageUrl: 'https://sakura.example.jp/',
};

type TProps = TApplicationReceivedProps & { branding: TEmailBranding };

/** SPEC B5, C1-C2: the receipt after 「上記内容で申請を行う」, with the reference number and what happens next. */
export default function ApplicationReceived({
  corporateName = previewProps.corporateName,
  recipientName = previewProps.recipientName,
  referenceNumber = previewProps.referenceNumber,
  submittedAt = previewProps.submittedAt,
  workerCount = previewProps.workerCount,
  reviewTargetWorkingDays = previewProps.reviewTargetWorkingDays,
  myPageUrl = previewProps.myPageUrl,
  branding = previewBranding,
}: Partial<TProps>) {
  const tenantJa = branding.tenantName.ja;
  return (
    <EmailLayout branding={branding} preview={`入会申請を受け付けました（受付番号 ${referenceNumber}）。`}>
      <OrganisationGreeting corporateName={corporateName} recipientName={recipientName} />
      <Text style={textStyles.paragraph}>{`${tenantJa}への入会申請を受け付けました。`}</Text>
      <Text style={textStyles.paragraph}>
        {`受付番号: ${referenceNumber}`}
        <br />
        {`申請日時: ${formatJaDateTime(submittedAt)}`}
        <br />
        {`登録した特定技能外国人: ${workerCount}名`}
      </Text>
      <Text style={textStyles.paragraph}>
        {`今後の流れ: 登録内容を事務局で審査します。審査と入会証明書の発行には、目安として${reviewTargetWorkingDays}営業日ほどかかります。記載内容に不足や誤りがある場合は、事務局からメールでご連絡しますので、マイページから修正してください。入会が承認されると、入会証明書の発行をメールでお知らせします。`}
      </Text>
      <Text style={textStyles.paragraph}>審査中は申請内容を変更できません。変更が必要な場合は、下記の事務局までお問い合わせください。</Text>
      <ButtonLink href={myPageUrl}>マイページで申請状況を確認する</ButtonLink>
      <Text lang="en" style={textStyles.english}>
        {`We have received your membership application to ${branding.tenantName.en}. Reference number: ${referenceNumber} (submitted ${formatEnDateTime(submittedAt)}). The secretariat reviews it; review and certificate issue take about ${reviewTargetWorkingDays} working days. The application cannot be changed while it is under review: contact the secretariat if something must change.`}
      </Text>
    </EmailLayout>
  );
}

ApplicationReceived.PreviewProps = { ...previewProps, branding: previewBranding } satisfies TProps;

export const applicationReceivedTemplate = defineEmailTemplate({
  schema: ZApplicationReceivedProps,
  subject: (props, branding) => `【${branding.tenantName.ja}】入会申請受付のお知らせ（受付番号 ${props.referenceNumber}）`,
  links: (props) => [props.myPageUrl],
  component: ApplicationReceived,
});
