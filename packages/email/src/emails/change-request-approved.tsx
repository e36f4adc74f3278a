/** @jsxRuntime automatic */
/** @jsxImportSource react */
// ↑ See staff-account-created.tsx: needed when run from the repo root through tsx/vitest.
import { Text } from '@react-email/components';
import { z } from 'zod';
import { type TEmailBranding, previewBranding } from '../branding';
import { EmailLayout, textStyles } from '../components/email-layout';
import { formatEnDateTime, formatJaDateTime } from '../components/format';
import { defineEmailTemplate } from '../define-email-template';
import { changeListEn, MemberChangesIntro, MyPageButton, previewChanges, ZChangeRequestMemberMailProps } from './change-request-parts';

/** `corporateName` is the 法人名 after the change; `changes`: what changed, before → after. */
export const ZChangeRequestApprovedProps = ZChangeRequestMemberMailProps.extend({
  decidedAt: z.iso.datetime({ offset: true }),
  /** A new certificate is being issued (D1). */
  issuesCertificate: z.boolean(),
});
export type TChangeRequestApprovedProps = z.infer<typeof ZChangeRequestApprovedProps>;

const previewProps: TChangeRequestApprovedProps = {
  corporateName: '社会福祉法人さくら福祉会',
  recipientName: '佐藤 花子',
  decidedAt: '2026-12-05T02:00:00.000Z',
  changes: previewChanges.slice(0, 1),
  issuesCertificate: true,
  myPageUrl: 'https://sakura.example.jp/',
};

type TProps = TChangeRequestApprovedProps & { branding: TEmailBranding };

/** SPEC D1-D4: the change request was approved and is in effect; for certificate items a new certificate follows in its own mail once its PDF exists (ADR 018). */
export default function ChangeRequestApproved({
  corporateName = previewProps.corporateName,
  recipientName = previewProps.recipientName,
  decidedAt = previewProps.decidedAt,
  changes = previewProps.changes,
  issuesCertificate = previewProps.issuesCertificate,
  myPageUrl = previewProps.myPageUrl,
  branding = previewBranding,
}: Partial<TProps>) {
  return (
    <EmailLayout branding={branding} preview={'登録内容の変更申請の審査が完了しました。'}>
      <MemberChangesIntro
        corporateName={corporateName}
        recipientName={recipientName}
        intro={`登録内容の変更申請の審査が完了し、${formatJaDateTime(decidedAt)}に承認されました。次の内容が登録されています。`}
        changes={changes}
      />
      {issuesCertificate ? (
        <Text style={textStyles.paragraph}>
          変更後の内容で新しい入会証明書を発行します。準備ができましたら、別途メールでお知らせします。これまでの入会証明書は無効になります。
        </Text>
      ) : null}
      <MyPageButton myPageUrl={myPageUrl} />
      <Text lang="en" style={textStyles.english}>
        {`The review of your change request is complete and it was approved on ${formatEnDateTime(decidedAt)}: ${changeListEn(changes)}.${issuesCertificate ? ' A new membership certificate with the new details will follow in a separate mail.' : ''}`}
      </Text>
    </EmailLayout>
  );
}

ChangeRequestApproved.PreviewProps = { ...previewProps, branding: previewBranding } satisfies TProps;

export const changeRequestApprovedTemplate = defineEmailTemplate({
  schema: ZChangeRequestApprovedProps,
  subject: (_props, branding) => `【${branding.tenantName.ja}】登録内容の変更申請の審査が完了しました`,
  links: (props) => [props.myPageUrl],
  component: ChangeRequestApproved,
});
