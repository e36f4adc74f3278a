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

export const ZPasswordResetProps = z.strictObject({
  /** Shown as 「<name> 様」. */
  recipientName: z.string().trim().min(1).max(100),
  /** The account's ユーザーID, so the person knows which account the link is for. */
  loginId: z.string().trim().min(1).max(64),
  /** The single-use reset URL with its token, built from the tenant's public origin. */
  resetUrl: ZAbsoluteHttpUrl,
  /** When the link stops working (ISO 8601). */
  expiresAt: z.iso.datetime({ offset: true }),
  validityHours: z.number().int().positive(),
});
export type TPasswordResetProps = z.infer<typeof ZPasswordResetProps>;

const previewProps: TPasswordResetProps = {
  recipientName: '佐藤 花子',
  loginId: 'U12345678',
  resetUrl: 'https://sakura.example.jp/password-reset?token=preview-token',
  expiresAt: '2026-11-29T00:00:00.000Z',
  validityHours: 72,
};

type TProps = TPasswordResetProps & { branding: TEmailBranding };

/** SPEC G4: the link to set a new password. */
export default function PasswordReset({
  recipientName = previewProps.recipientName,
  loginId = previewProps.loginId,
  resetUrl = previewProps.resetUrl,
  expiresAt = previewProps.expiresAt,
  validityHours = previewProps.validityHours,
  branding = previewBranding,
}: Partial<TProps>) {
  const tenantJa = branding.tenantName.ja;
  return (
    <EmailLayout branding={branding} preview={`${tenantJa}のパスワード再設定のご案内です。`}>
      <Text style={textStyles.paragraph}>{`${recipientName} 様`}</Text>
      <Text style={textStyles.paragraph}>
        {`${tenantJa}のパスワード再設定のお申し込みを受け付けました。次のボタンから新しいパスワードを設定してください。`}
      </Text>
      <Text style={textStyles.paragraph}>{`ユーザーID（ログインID）: ${loginId}`}</Text>
      <ButtonLink href={resetUrl} pasteHint>
        新しいパスワードを設定する
      </ButtonLink>
      <Text style={textStyles.paragraph}>
        {`このURLの有効期限は ${formatJaDateTime(expiresAt)} まで（${validityHours}時間）です。URLは一度だけ使えます。パスワードを再設定すると、ログイン中のすべての画面からログアウトします。`}
      </Text>
      <Text style={textStyles.small}>このお申し込みに心当たりがない場合は、このメールを破棄してください。パスワードは変更されません。</Text>
      <Text lang="en" style={textStyles.english}>
        {`To set a new password for user ID ${loginId} at ${branding.tenantName.en}, open ${resetUrl}. The link works once and expires on ${formatEnDateTime(expiresAt)}. If you did not ask for this, ignore this mail: your password stays the same.`}
      </Text>
    </EmailLayout>
  );
}

PasswordReset.PreviewProps = { ...previewProps, branding: previewBranding } satisfies TProps;

export const passwordResetTemplate = defineEmailTemplate({
  schema: ZPasswordResetProps,
  subject: (_props, branding) => `【${branding.tenantName.ja}】パスワード再設定のご案内`,
  links: (props) => [props.resetUrl],
  component: PasswordReset,
});
