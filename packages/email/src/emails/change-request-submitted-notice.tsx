/** @jsxRuntime automatic */
/** @jsxImportSource react */
// ↑ See staff-account-created.tsx: needed when run from the repo root through tsx/vitest.
import { Text } from '@react-email/components';
import { z } from 'zod';
import { type TEmailBranding, previewBranding } from '../branding';
import { EmailLayout, textStyles } from '../components/email-layout';
import { formatEnDateTime, formatJaDateTime } from '../components/format';
import { defineEmailTemplate } from '../define-email-template';
import {
  AdminRequestButton,
  ChangeList,
  ChangeReason,
  changeListEn,
  previewChanges,
  ZChangeReason,
  ZChangeRequestStaffMailProps,
} from './change-request-parts';

/** `changes`: the fields waiting for review, before → after. */
export const ZChangeRequestSubmittedNoticeProps = ZChangeRequestStaffMailProps.extend({
  submittedAt: z.iso.datetime({ offset: true }),
  reason: ZChangeReason,
});
export type TChangeRequestSubmittedNoticeProps = z.infer<typeof ZChangeRequestSubmittedNoticeProps>;

const previewProps: TChangeRequestSubmittedNoticeProps = {
  corporateName: '社会福祉法人さくら会',
  membershipNumber: 'KAIGO-M2026-000123',
  submittedAt: '2026-12-03T02:00:00.000Z',
  changes: previewChanges,
  reason: '法人名を変更したため',
  adminUrl: 'https://sakura.example.jp/admin/change-requests/00000000-0000-4000-8000-000000000001',
};

type TProps = TChangeRequestSubmittedNoticeProps & { branding: TEmailBranding };

/** SPEC D1, G3: to the secretariat — a member asked to change registered information that needs review. */
export default function ChangeRequestSubmittedNotice({
  corporateName = previewProps.corporateName,
  membershipNumber = previewProps.membershipNumber,
  submittedAt = previewProps.submittedAt,
  changes = previewProps.changes,
  reason = previewProps.reason,
  adminUrl = previewProps.adminUrl,
  branding = previewBranding,
}: Partial<TProps>) {
  return (
    <EmailLayout branding={branding} preview={`${corporateName} から登録内容の変更申請がありました。`}>
      <Text style={textStyles.paragraph}>
        {`${corporateName}（会員番号 ${membershipNumber}）から、${formatJaDateTime(submittedAt)}に登録内容の変更申請がありました。審査をお願いします。`}
      </Text>
      <ChangeList changes={changes} />
      <ChangeReason reason={reason} />
      <AdminRequestButton adminUrl={adminUrl} />
      <Text lang="en" style={textStyles.english}>
        {`${corporateName} (membership number ${membershipNumber}) asked on ${formatEnDateTime(submittedAt)} to change its registration: ${changeListEn(changes)}. Please review it in the staff console.`}
      </Text>
    </EmailLayout>
  );
}

ChangeRequestSubmittedNotice.PreviewProps = { ...previewProps, branding: previewBranding } satisfies TProps;

export const changeRequestSubmittedNoticeTemplate = defineEmailTemplate({
  schema: ZChangeRequestSubmittedNoticeProps,
  subject: (props, branding) => `【${branding.tenantName.ja}】変更申請がありました（${props.corporateName}）`,
  links: (props) => [props.adminUrl],
  component: ChangeRequestSubmittedNotice,
});
