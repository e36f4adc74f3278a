/** @jsxRuntime automatic */
/** @jsxImportSource react */
// ↑ See staff-account-created.tsx: needed when run from the repo root through tsx/vitest.
import { Text } from '@react-email/components';
import { z } from 'zod';
import { type TEmailBranding, previewBranding } from '../branding';
import { EmailLayout, textStyles } from '../components/email-layout';
import { formatEnDateTime, formatJaDateTime } from '../components/format';
import { TextLines } from '../components/text-lines';
import { defineEmailTemplate } from '../define-email-template';
import { changeListEn, MemberChangesIntro, MyPageButton, previewChanges, ZChangeRequestMemberMailProps } from './change-request-parts';

/** `changes`: what was asked, before → after. */
export const ZChangeRequestRejectedProps = ZChangeRequestMemberMailProps.extend({
  decidedAt: z.iso.datetime({ offset: true }),
  /** Why, as the deciding staff member typed it; line breaks kept. */
  decisionReason: z.string().trim().min(1).max(4000),
});
export type TChangeRequestRejectedProps = z.infer<typeof ZChangeRequestRejectedProps>;

const previewProps: TChangeRequestRejectedProps = {
  corporateName: '社会福祉法人さくら会',
  recipientName: '佐藤 花子',
  decidedAt: '2026-12-05T02:00:00.000Z',
  changes: previewChanges.slice(0, 1),
  decisionReason: '登記事項証明書の法人名と一致しません。',
  myPageUrl: 'https://sakura.example.jp/',
};

type TProps = TChangeRequestRejectedProps & { branding: TEmailBranding };

/** SPEC D1-D4, G3: the change request was not approved; the registered values stay as they were. States the reason. */
export default function ChangeRequestRejected({
  corporateName = previewProps.corporateName,
  recipientName = previewProps.recipientName,
  decidedAt = previewProps.decidedAt,
  changes = previewProps.changes,
  decisionReason = previewProps.decisionReason,
  myPageUrl = previewProps.myPageUrl,
  branding = previewBranding,
}: Partial<TProps>) {
  return (
    <EmailLayout branding={branding} preview={'登録内容の変更申請について、事務局からのお知らせです。'}>
      <MemberChangesIntro
        corporateName={corporateName}
        recipientName={recipientName}
        intro={`${formatJaDateTime(decidedAt)}、登録内容の変更申請は承認されませんでした。登録内容は変更前のままです。`}
        changes={changes}
      />
      <Text style={{ ...textStyles.paragraph, whiteSpace: 'pre-wrap' }}>
        理由: <TextLines text={decisionReason} />
      </Text>
      <Text style={textStyles.paragraph}>内容をご確認のうえ、必要な場合は改めて変更申請を行ってください。</Text>
      <MyPageButton myPageUrl={myPageUrl} />
      <Text lang="en" style={textStyles.english}>
        {`Your change request (${changeListEn(changes)}) was not approved (${formatEnDateTime(decidedAt)}); your registration stays as it was. Reason given: ${decisionReason}`}
      </Text>
    </EmailLayout>
  );
}

ChangeRequestRejected.PreviewProps = { ...previewProps, branding: previewBranding } satisfies TProps;

export const changeRequestRejectedTemplate = defineEmailTemplate({
  schema: ZChangeRequestRejectedProps,
  subject: (_props, branding) => `【${branding.tenantName.ja}】登録内容の変更申請の審査結果のお知らせ`,
  links: (props) => [props.myPageUrl],
  component: ChangeRequestRejected,
});
