/** @jsxRuntime automatic */
/** @jsxImportSource react */
// ↑ See staff-account-created.tsx: needed when run from the repo root through tsx/vitest.
import { Text } from '@react-email/components';
import { z } from 'zod';
import { type TEmailBranding, previewBranding } from '../branding';
import { EmailLayout, textStyles } from '../components/email-layout';
import { formatEnDateTime, formatJaDateTime } from '../components/format';
import { defineEmailTemplate } from '../define-email-template';

export const ZApplicationWithdrawnNoticeProps = z.strictObject({
  corporateName: z.string().trim().min(1).max(200),
  referenceNumber: z.string().regex(/^[A-Z0-9-]{1,40}$/),
  withdrawnAt: z.iso.datetime({ offset: true }),
});
export type TApplicationWithdrawnNoticeProps = z.infer<typeof ZApplicationWithdrawnNoticeProps>;

const previewProps: TApplicationWithdrawnNoticeProps = {
  corporateName: '社会福祉法人さくら会',
  referenceNumber: 'SAKURA-2026-048213',
  withdrawnAt: '2026-12-02T01:30:00.000Z',
};

type TProps = TApplicationWithdrawnNoticeProps & { branding: TEmailBranding };

/** Tells the secretariat that the applicant withdrew an application it had returned for correction. */
export default function ApplicationWithdrawnNotice({
  corporateName = previewProps.corporateName,
  referenceNumber = previewProps.referenceNumber,
  withdrawnAt = previewProps.withdrawnAt,
  branding = previewBranding,
}: Partial<TProps>) {
  return (
    <EmailLayout branding={branding} preview={`修正依頼中の入会申請が取り下げられました（受付番号 ${referenceNumber}）。`}>
      <Text style={textStyles.paragraph}>事務局ご担当者様</Text>
      <Text style={textStyles.paragraph}>修正を依頼していた入会申請が、申請者により取り下げられました。対応は不要です。</Text>
      <Text style={textStyles.paragraph}>
        {`法人名: ${corporateName}`}
        <br />
        {`受付番号: ${referenceNumber}`}
        <br />
        {`取下げ日時: ${formatJaDateTime(withdrawnAt)}`}
      </Text>
      <Text lang="en" style={textStyles.english}>
        {`The applicant withdrew the membership application that had been returned for correction: ${corporateName}, reference ${referenceNumber}, ${formatEnDateTime(withdrawnAt)}. No action is needed.`}
      </Text>
    </EmailLayout>
  );
}

ApplicationWithdrawnNotice.PreviewProps = { ...previewProps, branding: previewBranding } satisfies TProps;

export const applicationWithdrawnNoticeTemplate = defineEmailTemplate({
  schema: ZApplicationWithdrawnNoticeProps,
  subject: (props, branding) => `【${branding.tenantName.ja}】入会申請の取下げ（受付番号 ${props.referenceNumber}）`,
  links: () => [],
  component: ApplicationWithdrawnNotice,
});
