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

export const ZReissueRequestedNoticeProps = z.strictObject({
  /** 法人名: shown as text, never as HTML. */
  corporateName: z.string().trim().min(1).max(200),
  membershipNumber: z.string().trim().min(1).max(40),
  reason: z.string().trim().min(1).max(4000),
  requestedAt: z.iso.datetime({ offset: true }),
  /** The admin page listing open reissue requests. */
  adminUrl: ZAbsoluteHttpUrl,
});
export type TReissueRequestedNoticeProps = z.infer<typeof ZReissueRequestedNoticeProps>;

const previewProps: TReissueRequestedNoticeProps = {
  corporateName: '社会福祉法人さくら会',
  membershipNumber: 'KAIGO-000123',
  reason: '社内で保管していた入会証明書を紛失したため。',
  requestedAt: '2026-12-03T02:00:00.000Z',
  adminUrl: 'https://sakura.example.jp/admin/reissue-requests',
};

type TProps = TReissueRequestedNoticeProps & { branding: TEmailBranding };

/** SPEC E1, G1: tells the secretariat that a member asks for a new certificate, and where to decide. */
export default function ReissueRequestedNotice({
  corporateName = previewProps.corporateName,
  membershipNumber = previewProps.membershipNumber,
  reason = previewProps.reason,
  requestedAt = previewProps.requestedAt,
  adminUrl = previewProps.adminUrl,
  branding = previewBranding,
}: Partial<TProps>) {
  return (
    <EmailLayout branding={branding} preview={`入会証明書の再発行申請がありました（${corporateName}）。`}>
      <Text style={textStyles.paragraph}>事務局ご担当者様</Text>
      <Text style={textStyles.paragraph}>入会証明書の再発行申請がありました。管理画面で申請理由を確認し、承認または却下してください。</Text>
      <Text style={textStyles.paragraph}>
        {`法人名: ${corporateName}`}
        <br />
        {`会員番号: ${membershipNumber}`}
        <br />
        {`申請日時: ${formatJaDateTime(requestedAt)}`}
        <br />
        {`申請理由: ${reason}`}
      </Text>
      <ButtonLink href={adminUrl}>再発行申請を確認する</ButtonLink>
      <Text lang="en" style={textStyles.english}>
        {`A member (membership number ${membershipNumber}) asked for its certificate to be reissued on ${formatEnDateTime(requestedAt)}. Review the reason and approve or decline it in the admin console.`}
      </Text>
    </EmailLayout>
  );
}

ReissueRequestedNotice.PreviewProps = { ...previewProps, branding: previewBranding } satisfies TProps;

export const reissueRequestedNoticeTemplate = defineEmailTemplate({
  schema: ZReissueRequestedNoticeProps,
  subject: (props, branding) => `【${branding.tenantName.ja}】入会証明書再発行申請（会員番号 ${props.membershipNumber}）`,
  links: (props) => [props.adminUrl],
  component: ReissueRequestedNotice,
});
