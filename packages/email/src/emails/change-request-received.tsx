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

/** `changes`: the fields waiting for review, before → after. */
export const ZChangeRequestReceivedProps = ZChangeRequestMemberMailProps.extend({
  submittedAt: z.iso.datetime({ offset: true }),
  reason: ZChangeReason,
});
export type TChangeRequestReceivedProps = z.infer<typeof ZChangeRequestReceivedProps>;

const previewProps: TChangeRequestReceivedProps = {
  corporateName: '社会福祉法人さくら会',
  recipientName: '佐藤 花子',
  submittedAt: '2026-12-03T02:00:00.000Z',
  changes: previewChanges,
  reason: '法人名を変更したため',
  myPageUrl: 'https://sakura.example.jp/',
};

type TProps = TChangeRequestReceivedProps & { branding: TEmailBranding };

/** SPEC D1, D6: the member's change request was received and waits for the secretariat's review; what was asked, and the reason. */
export default function ChangeRequestReceived({
  corporateName = previewProps.corporateName,
  recipientName = previewProps.recipientName,
  submittedAt = previewProps.submittedAt,
  changes = previewProps.changes,
  reason = previewProps.reason,
  myPageUrl = previewProps.myPageUrl,
  branding = previewBranding,
}: Partial<TProps>) {
  return (
    <EmailLayout branding={branding} preview={'登録内容の変更申請を受け付けました。'}>
      <MemberChangesIntro
        corporateName={corporateName}
        recipientName={recipientName}
        intro={`${formatJaDateTime(submittedAt)}に登録内容の変更申請を受け付けました。事務局で審査のうえ、結果をメールでお知らせします。審査が終わるまで、マイページには変更前と変更後の内容が並べて表示されます。`}
        changes={changes}
      />
      <ChangeReason reason={reason} />
      <MyPageButton myPageUrl={myPageUrl} />
      <Text lang="en" style={textStyles.english}>
        {`We received your request of ${formatEnDateTime(submittedAt)} to change your registration (${changeListEn(changes)}). The secretariat will review it and tell you the result by mail.`}
      </Text>
    </EmailLayout>
  );
}

ChangeRequestReceived.PreviewProps = { ...previewProps, branding: previewBranding } satisfies TProps;

export const changeRequestReceivedTemplate = defineEmailTemplate({
  schema: ZChangeRequestReceivedProps,
  subject: (_props, branding) => `【${branding.tenantName.ja}】登録内容の変更申請を受け付けました`,
  links: (props) => [props.myPageUrl],
  component: ChangeRequestReceived,
});
