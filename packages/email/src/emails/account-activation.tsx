/** @jsxRuntime automatic */
/** @jsxImportSource react */
// ↑ See staff-account-created.tsx: needed when run from the repo root through tsx/vitest.
import { Text } from '@react-email/components';
import { z } from 'zod';
import { type TEmailBranding, ZAbsoluteHttpUrl, previewBranding } from '../branding';
import { ButtonLink } from '../components/button-link';
import { EmailLayout, textStyles } from '../components/email-layout';
import { formatEnDateTime, formatJaDateTime } from '../components/format';
import { OrganisationGreeting } from '../components/greeting';
import { defineEmailTemplate } from '../define-email-template';

export const ZAccountActivationProps = z.strictObject({
  /** 法人名 as entered on 「入会申請のための仮アカウント発行申請」. */
  corporateName: z.string().trim().min(1).max(200),
  /** 担当者氏名; shown as 「<name> 様」. */
  recipientName: z.string().trim().min(1).max(100),
  /** The issued ユーザーID (ログインID), SPEC A4. */
  loginId: z.string().trim().min(1).max(64),
  /** The single-use login URL with its token, built from the tenant's public origin. */
  activationUrl: ZAbsoluteHttpUrl,
  /** When the link stops working (ISO 8601). */
  expiresAt: z.iso.datetime({ offset: true }),
  validityHours: z.number().int().positive(),
});
export type TAccountActivationProps = z.infer<typeof ZAccountActivationProps>;

const previewProps: TAccountActivationProps = {
  corporateName: '社会福祉法人さくら会',
  recipientName: '佐藤 花子',
  loginId: 'U12345678',
  activationUrl: 'https://sakura.example.jp/activate?token=preview-token',
  expiresAt: '2026-11-29T00:00:00.000Z',
  validityHours: 72,
};

type TProps = TAccountActivationProps & { branding: TEmailBranding };

/** SPEC A4: the mail after 「上記内容で仮アカウント発行申請する」, with the login URL and the ユーザーID. */
export default function AccountActivation({
  corporateName = previewProps.corporateName,
  recipientName = previewProps.recipientName,
  loginId = previewProps.loginId,
  activationUrl = previewProps.activationUrl,
  expiresAt = previewProps.expiresAt,
  validityHours = previewProps.validityHours,
  branding = previewBranding,
}: Partial<TProps>) {
  const tenantJa = branding.tenantName.ja;
  return (
    <EmailLayout branding={branding} preview={`${tenantJa}の仮アカウントを発行しました。ユーザーIDとログイン用URLをお知らせします。`}>
      <OrganisationGreeting corporateName={corporateName} recipientName={recipientName} />
      <Text style={textStyles.paragraph}>
        {`${tenantJa}の「入会申請のための仮アカウント発行申請」を受け付け、仮アカウントを発行しました。`}
      </Text>
      <Text style={textStyles.paragraph}>{`ユーザーID（ログインID）: ${loginId}`}</Text>
      <Text style={textStyles.paragraph}>
        次のURLにアクセスし、上記のユーザーIDと、仮アカウント発行申請時に設定したパスワードでログインしてください。ログインしたことをもって、仮アカウントは本アカウントになります。
      </Text>
      <ButtonLink href={activationUrl} pasteHint>
        ログインして本アカウントにする
      </ButtonLink>
      <Text style={textStyles.paragraph}>
        {`このURLの有効期限は ${formatJaDateTime(expiresAt)} まで（発行から${validityHours}時間）です。URLは一度だけ使えます。期限が切れた場合は、URLを開いた画面から新しいURLを送信できます。`}
      </Text>
      <Text style={textStyles.small}>
        パスワードはこのメールに記載していません。本アカウントになった後は、マイページから入会申請情報（STEP1. 会員情報
        など）の入力に進んでください。
      </Text>
      <Text style={textStyles.small}>このメールに心当たりがない場合は、URLを開かずにこのメールを破棄してください。</Text>
      <Text lang="en" style={textStyles.english}>
        {`Your provisional account at ${branding.tenantName.en} has been issued. User ID: ${loginId}. Sign in at ${activationUrl} with this user ID and the password you chose to activate your account. The link works once and expires on ${formatEnDateTime(expiresAt)}.`}
      </Text>
    </EmailLayout>
  );
}

AccountActivation.PreviewProps = { ...previewProps, branding: previewBranding } satisfies TProps;

export const accountActivationTemplate = defineEmailTemplate({
  schema: ZAccountActivationProps,
  subject: (_props, branding) => `【${branding.tenantName.ja}】仮アカウント発行のお知らせ`,
  links: (props) => [props.activationUrl],
  component: AccountActivation,
});
