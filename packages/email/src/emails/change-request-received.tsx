/** @jsxRuntime automatic */
/** @jsxImportSource react */
// ↑ See staff-account-created.tsx: needed when run from the repo root through tsx/vitest.
import { Button, Link, Text } from '@react-email/components';
import { z } from 'zod';
import { type TEmailBranding, ZAbsoluteHttpUrl, previewBranding } from '../branding';
import { EmailLayout, textStyles } from '../components/email-layout';
import { formatEnDateTime, formatJaDateTime } from '../components/format';
import { defineEmailTemplate } from '../define-email-template';
import { ChangeList, changeListEn, previewChanges, ZChangeLines } from './change-request-parts';

export const ZChangeRequestReceivedProps = z.strictObject({
  /** 法人名: shown as text, never as HTML. */
  corporateName: z.string().trim().min(1).max(200),
  /** The organisation's contact person; shown as 「<name> 様」. */
  recipientName: z.string().trim().min(1).max(200),
  submittedAt: z.iso.datetime({ offset: true }),
  /** The fields waiting for review, before → after. */
  changes: ZChangeLines,
  /** 理由 as the member typed it. */
  reason: z.string().trim().min(1).max(4000),
  myPageUrl: ZAbsoluteHttpUrl,
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
      <Text style={textStyles.paragraph}>
        {corporateName}
        <br />
        {`${recipientName} 様`}
      </Text>
      <Text style={textStyles.paragraph}>
        {`${formatJaDateTime(submittedAt)}に登録内容の変更申請を受け付けました。事務局で審査のうえ、結果をメールでお知らせします。審査が終わるまで、マイページには変更前と変更後の内容が並べて表示されます。`}
      </Text>
      <ChangeList changes={changes} />
      <Text style={textStyles.paragraph}>{`変更理由: ${reason}`}</Text>
      <Button href={myPageUrl} style={textStyles.button}>
        マイページを開く
      </Button>
      <Text style={{ ...textStyles.small, marginTop: '16px' }}>
        <Link href={myPageUrl} style={textStyles.url}>
          {myPageUrl}
        </Link>
      </Text>
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
