/** @jsxRuntime automatic */
/** @jsxImportSource react */
// ↑ See staff-account-created.tsx: needed when run from the repo root through tsx/vitest.
import { Text } from '@react-email/components';
import { z } from 'zod';
import { type TEmailBranding, previewBranding } from '../branding';
import { EmailLayout, textStyles } from '../components/email-layout';
import { formatEnDateTime, formatJaDateTime } from '../components/format';
import { defineEmailTemplate } from '../define-email-template';
import { AdminRequestButton, ChangeList, changeListEn, previewChanges, ZChangeRequestStaffMailProps } from './change-request-parts';

/** `changes`: the certificate items to approve, before → after. */
export const ZChangeRequestForwardedNoticeProps = ZChangeRequestStaffMailProps.extend({
  /** The ministry user's name. */
  recipientName: z.string().trim().min(1).max(200),
  forwardedAt: z.iso.datetime({ offset: true }),
});
export type TChangeRequestForwardedNoticeProps = z.infer<typeof ZChangeRequestForwardedNoticeProps>;

const previewProps: TChangeRequestForwardedNoticeProps = {
  recipientName: '厚労 太郎',
  corporateName: '社会福祉法人さくら会',
  membershipNumber: 'KAIGO-M2026-000123',
  forwardedAt: '2026-12-04T02:00:00.000Z',
  changes: previewChanges.slice(0, 1),
  adminUrl: 'https://sakura.example.jp/admin/change-requests/00000000-0000-4000-8000-000000000001',
};

type TProps = TChangeRequestForwardedNoticeProps & { branding: TEmailBranding };

/** SPEC D1: to each ministry user — the secretariat reviewed a change of certificate items and asks for approval. */
export default function ChangeRequestForwardedNotice({
  recipientName = previewProps.recipientName,
  corporateName = previewProps.corporateName,
  membershipNumber = previewProps.membershipNumber,
  forwardedAt = previewProps.forwardedAt,
  changes = previewProps.changes,
  adminUrl = previewProps.adminUrl,
  branding = previewBranding,
}: Partial<TProps>) {
  return (
    <EmailLayout branding={branding} preview={`${corporateName} の入会証明書記載事項の変更について承認をお願いします。`}>
      <Text style={textStyles.paragraph}>{`${recipientName} 様`}</Text>
      <Text style={textStyles.paragraph}>
        {`事務局が${corporateName}（会員番号 ${membershipNumber}）の入会証明書記載事項の変更を審査し、${formatJaDateTime(forwardedAt)}に承認の依頼がありました。`}
      </Text>
      <ChangeList changes={changes} />
      <AdminRequestButton adminUrl={adminUrl} />
      <Text lang="en" style={textStyles.english}>
        {`The secretariat reviewed a change of certificate items of ${corporateName} (membership number ${membershipNumber}) and asks for your approval (${formatEnDateTime(forwardedAt)}): ${changeListEn(changes)}.`}
      </Text>
    </EmailLayout>
  );
}

ChangeRequestForwardedNotice.PreviewProps = { ...previewProps, branding: previewBranding } satisfies TProps;

export const changeRequestForwardedNoticeTemplate = defineEmailTemplate({
  schema: ZChangeRequestForwardedNoticeProps,
  subject: (props, branding) => `【${branding.tenantName.ja}】変更申請の承認依頼（${props.corporateName}）`,
  links: (props) => [props.adminUrl],
  component: ChangeRequestForwardedNotice,
});
