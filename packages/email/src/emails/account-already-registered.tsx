/** @jsxRuntime automatic */
/** @jsxImportSource react */
// ↑ See staff-account-created.tsx: needed when run from the repo root through tsx/vitest.
import { Link, Text } from '@react-email/components';
import { z } from 'zod';
import { type TEmailBranding, ZAbsoluteHttpUrl, previewBranding } from '../branding';
import { EmailLayout, textStyles } from '../components/email-layout';
import { defineEmailTemplate } from '../define-email-template';

export const ZAccountAlreadyRegisteredProps = z.strictObject({
  /**
   * The ユーザーID of the account that holds this address; null when the address belongs to a
   * staff account (which has none), in which case the mail points to the secretariat only.
   */
  loginId: z.string().trim().min(1).max(64).nullable(),
  /** The portal sign-in page. */
  signInUrl: ZAbsoluteHttpUrl,
  /** Where a password reset is requested. */
  passwordResetUrl: ZAbsoluteHttpUrl,
});
export type TAccountAlreadyRegisteredProps = z.infer<typeof ZAccountAlreadyRegisteredProps>;

const previewProps: TAccountAlreadyRegisteredProps = {
  loginId: 'U12345678',
  signInUrl: 'https://sakura.example.jp/sign-in',
  passwordResetUrl: 'https://sakura.example.jp/password-reset',
};

type TProps = TAccountAlreadyRegisteredProps & { branding: TEmailBranding };

/**
 * Someone applied for a provisional account with an address that already has one. The page said
 * the same as for a new address (no account enumeration, ADR 016); this mail, which only the
 * owner of the address reads, tells them how to get in. It reveals nothing else.
 */
export default function AccountAlreadyRegistered({
  loginId = previewProps.loginId,
  signInUrl = previewProps.signInUrl,
  passwordResetUrl = previewProps.passwordResetUrl,
  branding = previewBranding,
}: Partial<TProps>) {
  const tenantJa = branding.tenantName.ja;
  return (
    <EmailLayout branding={branding} preview={`このメールアドレスのアカウントは${tenantJa}に登録済みです。`}>
      <Text style={textStyles.paragraph}>
        {`${tenantJa}で、このメールアドレスを使った「入会申請のための仮アカウント発行申請」がありました。このメールアドレスのアカウントは既に登録されているため、新しいアカウントは発行していません。`}
      </Text>
      {loginId ? (
        <>
          <Text style={textStyles.paragraph}>ご本人による申請の場合は、次のユーザーIDでログインしてください。</Text>
          <Text style={textStyles.paragraph}>{`ユーザーID（ログインID）: ${loginId}`}</Text>
          <Text style={textStyles.small}>
            ログイン画面:{' '}
            <Link href={signInUrl} style={textStyles.url}>
              {signInUrl}
            </Link>
          </Text>
          <Text style={textStyles.small}>
            パスワードをお忘れの場合は、次の画面からパスワードを再設定できます。
            <br />
            <Link href={passwordResetUrl} style={textStyles.url}>
              {passwordResetUrl}
            </Link>
          </Text>
          <Text style={textStyles.small}>
            まだ本アカウントになっていない（仮アカウントのままの）場合は、以前お送りした「仮アカウント発行のお知らせ」メールのURLからログインしてください。URLの有効期限が切れている場合は、そのURLを開いた画面から新しいURLを送信できます。
          </Text>
        </>
      ) : (
        <Text style={textStyles.paragraph}>ご本人による申請の場合は、下記の事務局までお問い合わせください。</Text>
      )}
      <Text style={textStyles.small}>
        この申請に心当たりがない場合は、このメールを破棄してください。アカウントの内容は何も変更されていません。
      </Text>
      <Text lang="en" style={textStyles.english}>
        {loginId
          ? `Someone applied for a provisional account at ${branding.tenantName.en} with this email address, which already has an account, so no new account was created. If it was you, sign in with user ID ${loginId} at ${signInUrl}, or reset your password at ${passwordResetUrl}. If it was not you, ignore this mail: nothing has changed.`
          : `Someone applied for a provisional account at ${branding.tenantName.en} with this email address, which already has an account, so no new account was created. If it was you, please contact the secretariat below. If it was not you, ignore this mail: nothing has changed.`}
      </Text>
    </EmailLayout>
  );
}

AccountAlreadyRegistered.PreviewProps = { ...previewProps, branding: previewBranding } satisfies TProps;

export const accountAlreadyRegisteredTemplate = defineEmailTemplate({
  schema: ZAccountAlreadyRegisteredProps,
  subject: (_props, branding) => `【${branding.tenantName.ja}】アカウント登録済みのお知らせ`,
  links: (props) => [props.signInUrl, props.passwordResetUrl],
  component: AccountAlreadyRegistered,
});
