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
  ChangeReason,
  changeListEn,
  MemberChangesIntro,
  MyPageButton,
  previewChanges,
  ZChangeReason,
  ZChangeRequestMemberMailProps,
} from './change-request-parts';

/** `changes`: what changed, before → after. */
export const ZChangeRequestAppliedProps = ZChangeRequestMemberMailProps.extend({
  appliedAt: z.iso.datetime({ offset: true }),
  reason: ZChangeReason,
});
export type TChangeRequestAppliedProps = z.infer<typeof ZChangeRequestAppliedProps>;

const previewProps: TChangeRequestAppliedProps = {
  corporateName: '社会福祉法人さくら会',
  recipientName: '佐藤 花子',
  appliedAt: '2026-12-03T02:00:00.000Z',
  changes: previewChanges.slice(1),
  reason: '担当者の異動のため',
  myPageUrl: 'https://sakura.example.jp/',
};

type TProps = TChangeRequestAppliedProps & { branding: TEmailBranding };

/** SPEC D5: a change that needs no review was applied at once; sent to the contact address before and after the change, so a changed address never goes unnoticed. */
export default function ChangeRequestApplied({
  corporateName = previewProps.corporateName,
  recipientName = previewProps.recipientName,
  appliedAt = previewProps.appliedAt,
  changes = previewProps.changes,
  reason = previewProps.reason,
  myPageUrl = previewProps.myPageUrl,
  branding = previewBranding,
}: Partial<TProps>) {
  return (
    <EmailLayout branding={branding} preview={'登録内容を変更しました。'}>
      <MemberChangesIntro
        corporateName={corporateName}
        recipientName={recipientName}
        intro={`${formatJaDateTime(appliedAt)}に、次の登録内容を変更しました。この変更は審査の必要がないため、すでに反映されています。変更履歴はマイページで確認できます。`}
        changes={changes}
      />
      <ChangeReason reason={reason} />
      <Text style={textStyles.paragraph}>お心当たりのない場合は、事務局までお問い合わせください。</Text>
      <MyPageButton myPageUrl={myPageUrl} />
      <Text lang="en" style={textStyles.english}>
        {`Your registration was changed on ${formatEnDateTime(appliedAt)}: ${changeListEn(changes)}. The change needs no review and is already in effect. If you did not expect this, please contact the secretariat.`}
      </Text>
    </EmailLayout>
  );
}

ChangeRequestApplied.PreviewProps = { ...previewProps, branding: previewBranding } satisfies TProps;

export const changeRequestAppliedTemplate = defineEmailTemplate({
  schema: ZChangeRequestAppliedProps,
  subject: (_props, branding) => `【${branding.tenantName.ja}】登録内容を変更しました`,
  links: (props) => [props.myPageUrl],
  component: ChangeRequestApplied,
});
