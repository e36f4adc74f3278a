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

export const ZApplicationResubmittedProps = z.strictObject({
  corporateName: z.string().trim().min(1).max(200),
  recipientName: z.string().trim().min(1).max(200),
  referenceNumber: z.string().regex(/^[A-Z0-9-]{1,40}$/),
  resubmittedAt: z.iso.datetime({ offset: true }),
  reviewTargetWorkingDays: z.number().int().min(1),
  myPageUrl: ZAbsoluteHttpUrl,
});
export type TApplicationResubmittedProps = z.infer<typeof ZApplicationResubmittedProps>;

const previewProps: TApplicationResubmittedProps = {
  corporateName: '社会福祉法人さくら会',
  recipientName: '佐藤 花子',
  referenceNumber: 'SAKURA-2026-048213',
  resubmittedAt: '2026-12-02T01:30:00.000Z',
  reviewTargetWorkingDays: 10,
  myPageUrl: 'https://sakura.example.jp/',
};

type TProps = TApplicationResubmittedProps & { branding: TEmailBranding };

/** SPEC C1: the receipt of a corrected application (same reference number). */
export default function ApplicationResubmitted({
  corporateName = previewProps.corporateName,
  recipientName = previewProps.recipientName,
  referenceNumber = previewProps.referenceNumber,
  resubmittedAt = previewProps.resubmittedAt,
  reviewTargetWorkingDays = previewProps.reviewTargetWorkingDays,
  myPageUrl = previewProps.myPageUrl,
  branding = previewBranding,
}: Partial<TProps>) {
  return (
    <EmailLayout branding={branding} preview={`修正した入会申請を受け付けました（受付番号 ${referenceNumber}）。`}>
      <OrganisationGreeting corporateName={corporateName} recipientName={recipientName} />
      <Text style={textStyles.paragraph}>{`修正した入会申請を受け付けました（${formatJaDateTime(resubmittedAt)}）。`}</Text>
      <Text style={textStyles.paragraph}>{`受付番号: ${referenceNumber}（変わりません）`}</Text>
      <Text style={textStyles.paragraph}>
        {`事務局で改めて審査します。審査と入会証明書の発行には、目安として${reviewTargetWorkingDays}営業日ほどかかります。審査中は申請内容を変更できません。`}
      </Text>
      <ButtonLink href={myPageUrl}>マイページで申請状況を確認する</ButtonLink>
      <Text lang="en" style={textStyles.english}>
        {`We have received your corrected membership application (reference ${referenceNumber}, unchanged) on ${formatEnDateTime(resubmittedAt)}. The secretariat reviews it again; this takes about ${reviewTargetWorkingDays} working days.`}
      </Text>
    </EmailLayout>
  );
}

ApplicationResubmitted.PreviewProps = { ...previewProps, branding: previewBranding } satisfies TProps;

export const applicationResubmittedTemplate = defineEmailTemplate({
  schema: ZApplicationResubmittedProps,
  subject: (props, branding) => `【${branding.tenantName.ja}】修正した入会申請の受付（受付番号 ${props.referenceNumber}）`,
  links: (props) => [props.myPageUrl],
  component: ApplicationResubmitted,
});
