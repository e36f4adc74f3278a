/** @jsxRuntime automatic */
/** @jsxImportSource react */
// ↑ Code runs from the repo root through tsx/vitest, where no tsconfig sets `jsx`: without these
// pragmas esbuild uses the classic runtime and fails with "React is not defined". Every .tsx here.
import { Text } from '@react-email/components';
import { z } from 'zod';
import { type TEmailBranding, ZAbsoluteHttpUrl, previewBranding } from '../branding';
import { ButtonLink } from '../components/button-link';
import { EmailLayout, textStyles } from '../components/email-layout';
import { defineEmailTemplate } from '../define-email-template';

export const ZStaffAccountCreatedProps = z.strictObject({
  /** Shown as 「<name> 様」. */
  recipientName: z.string().trim().min(1).max(100),
  /** The address the staff member signs in with (usually also the recipient). */
  loginEmail: z.email(),
  /** Absolute sign-in URL, built by the caller from the tenant's configured public origin. */
  signInUrl: ZAbsoluteHttpUrl,
});
export type TStaffAccountCreatedProps = z.infer<typeof ZStaffAccountCreatedProps>;

const previewProps: TStaffAccountCreatedProps = {
  recipientName: '山田 花子',
  loginEmail: 'hanako.yamada@sakura.example.jp',
  signInUrl: 'https://sakura.example.jp/admin/sign-in',
};

type TProps = TStaffAccountCreatedProps & { branding: TEmailBranding };

/** Default props are preview data (react-email's preview server renders it with none). */
export default function StaffAccountCreated({
  recipientName = previewProps.recipientName,
  loginEmail = previewProps.loginEmail,
  signInUrl = previewProps.signInUrl,
  branding = previewBranding,
}: Partial<TProps>) {
  const tenantJa = branding.tenantName.ja;
  return (
    <EmailLayout branding={branding} preview={`${tenantJa}の管理画面アカウントが作成されました`}>
      <Text style={textStyles.paragraph}>{`${recipientName} 様`}</Text>
      <Text style={textStyles.paragraph}>
        {`${tenantJa}の管理画面に、あなたのアカウントが作成されました。次のボタンからサインインしてください。`}
      </Text>
      <Text style={textStyles.paragraph}>{`ログインID（メールアドレス）: ${loginEmail}`}</Text>
      <ButtonLink href={signInUrl} pasteHint>
        管理画面にサインイン
      </ButtonLink>
      <Text style={textStyles.small}>このメールに心当たりがない場合は、サインインせずに下記の事務局までご連絡ください。</Text>
      <Text lang="en" style={textStyles.english}>
        {`An administrator account has been created for you at ${branding.tenantName.en}. Sign in with ${loginEmail} at ${signInUrl}`}
      </Text>
    </EmailLayout>
  );
}

StaffAccountCreated.PreviewProps = { ...previewProps, branding: previewBranding } satisfies TProps;

export const staffAccountCreatedTemplate = defineEmailTemplate({
  schema: ZStaffAccountCreatedProps,
  subject: (_props, branding) => `【${branding.tenantName.ja}】管理画面のアカウントが作成されました`,
  links: (props) => [props.signInUrl],
  component: StaffAccountCreated,
});
