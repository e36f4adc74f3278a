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

export const ZMembershipWithdrawnNoticeProps = z.strictObject({
  /** 法人名: shown as text, never as HTML. */
  corporateName: z.string().trim().min(1).max(200),
  membershipNumber: z.string().trim().min(1).max(40),
  withdrawnAt: z.iso.datetime({ offset: true }),
  /** How many pending change requests the withdrawal cancelled. */
  cancelledChangeRequests: z.number().int().min(0),
  /** Whether an open reissue request was cancelled. */
  cancelledReissueRequest: z.boolean(),
  /** Whether a current certificate was revoked. */
  revokedCertificate: z.boolean(),
  /** Where the secretariat sees the member (its application page). */
  adminUrl: ZAbsoluteHttpUrl,
});
export type TMembershipWithdrawnNoticeProps = z.infer<typeof ZMembershipWithdrawnNoticeProps>;

const previewProps: TMembershipWithdrawnNoticeProps = {
  corporateName: '社会福祉法人さくら会',
  membershipNumber: 'KAIGO-M2026-000123',
  withdrawnAt: '2026-12-03T02:00:00.000Z',
  cancelledChangeRequests: 1,
  cancelledReissueRequest: false,
  revokedCertificate: true,
  adminUrl: 'https://sakura.example.jp/admin/applications',
};

type TProps = TMembershipWithdrawnNoticeProps & { branding: TEmailBranding };

/** SPEC F1, G1: tells the secretariat that a member withdrew and what the withdrawal ended with it. */
export default function MembershipWithdrawnNotice({
  corporateName = previewProps.corporateName,
  membershipNumber = previewProps.membershipNumber,
  withdrawnAt = previewProps.withdrawnAt,
  cancelledChangeRequests = previewProps.cancelledChangeRequests,
  cancelledReissueRequest = previewProps.cancelledReissueRequest,
  revokedCertificate = previewProps.revokedCertificate,
  adminUrl = previewProps.adminUrl,
  branding = previewBranding,
}: Partial<TProps>) {
  return (
    <EmailLayout branding={branding} preview={`会員が退会しました（${corporateName}）。`}>
      <Text style={textStyles.paragraph}>事務局ご担当者様</Text>
      <Text style={textStyles.paragraph}>会員がマイページから退会手続きを行いました。</Text>
      <Text style={textStyles.paragraph}>
        {`法人名: ${corporateName}`}
        <br />
        {`会員番号: ${membershipNumber}`}
        <br />
        {`退会日時: ${formatJaDateTime(withdrawnAt)}`}
        <br />
        {`取り消した変更申請: ${cancelledChangeRequests}件`}
        <br />
        {`入会証明書の再発行申請: ${cancelledReissueRequest ? '取り消しました' : 'なし'}`}
        <br />
        {`入会証明書: ${revokedCertificate ? '失効しました' : '発行されていません'}`}
      </Text>
      <ButtonLink href={adminUrl}>管理画面で確認する</ButtonLink>
      <Text lang="en" style={textStyles.english}>
        {`A member (membership number ${membershipNumber}) withdrew on ${formatEnDateTime(withdrawnAt)}. Cancelled change requests: ${cancelledChangeRequests}. Reissue request cancelled: ${cancelledReissueRequest ? 'yes' : 'none open'}. Certificate revoked: ${revokedCertificate ? 'yes' : 'none issued'}.`}
      </Text>
    </EmailLayout>
  );
}

MembershipWithdrawnNotice.PreviewProps = { ...previewProps, branding: previewBranding } satisfies TProps;

export const membershipWithdrawnNoticeTemplate = defineEmailTemplate({
  schema: ZMembershipWithdrawnNoticeProps,
  subject: (props, branding) => `【${branding.tenantName.ja}】会員の退会（会員番号 ${props.membershipNumber}）`,
  links: (props) => [props.adminUrl],
  component: MembershipWithdrawnNotice,
});
