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

/** The roles of @kyogikai/domain (organisation-roles.ts); this package does not depend on the domain. */
const ORGANISATION_ROLES = ['org_admin', 'applicant_editor', 'support_organisation', 'viewer'] as const;
type TOrganisationRole = (typeof ORGANISATION_ROLES)[number];

export const ZOrganisationInvitationProps = z.strictObject({
  /** 法人名 of the member that invites (the employer). */
  corporateName: z.string().trim().min(1).max(200),
  /** Who invited, as the organisation knows them. */
  inviterName: z.string().trim().min(1).max(100),
  role: z.enum(ORGANISATION_ROLES),
  /** The single-use acceptance URL with its token, built from the tenant's public origin. */
  acceptUrl: ZAbsoluteHttpUrl,
  /** When the link stops working (ISO 8601). */
  expiresAt: z.iso.datetime({ offset: true }),
  validityHours: z.number().int().positive(),
});
export type TOrganisationInvitationProps = z.infer<typeof ZOrganisationInvitationProps>;

/** The role names as the portal shows them (the portal's catalogue holds the same words). */
const ROLE_JA: Record<TOrganisationRole, string> = {
  org_admin: '管理者',
  applicant_editor: '申請担当者',
  support_organisation: '登録支援機関',
  viewer: '閲覧のみ',
};
const ROLE_EN: Record<TOrganisationRole, string> = {
  org_admin: 'administrator',
  applicant_editor: 'application staff',
  support_organisation: 'registered support organisation',
  viewer: 'read only',
};

const previewProps: TOrganisationInvitationProps = {
  corporateName: '社会福祉法人さくら会',
  inviterName: '佐藤 花子',
  role: 'support_organisation',
  acceptUrl: 'https://sakura.example.jp/accept-invitation?token=preview-token',
  expiresAt: '2026-11-29T00:00:00.000Z',
  validityHours: 72,
};

type TProps = TOrganisationInvitationProps & { branding: TEmailBranding };

/** SPEC G7: a member invites someone to act for it; the link creates or links an account. */
export default function OrganisationInvitation({
  corporateName = previewProps.corporateName,
  inviterName = previewProps.inviterName,
  role = previewProps.role,
  acceptUrl = previewProps.acceptUrl,
  expiresAt = previewProps.expiresAt,
  validityHours = previewProps.validityHours,
  branding = previewBranding,
}: Partial<TProps>) {
  const tenantJa = branding.tenantName.ja;
  return (
    <EmailLayout branding={branding} preview={`${corporateName}から${tenantJa}の手続きを代わりに行う利用者として招待されました。`}>
      <Text style={textStyles.paragraph}>
        {`${corporateName}の${inviterName} 様から、${tenantJa}の会員手続きを同法人に代わって行う利用者として招待されました。`}
      </Text>
      <Text style={textStyles.paragraph}>{`権限: ${ROLE_JA[role]}`}</Text>
      <Text style={textStyles.paragraph}>
        次のURLを開き、招待を承認してください。アカウントをお持ちでない方はその画面でアカウントを作成できます。すでにアカウントをお持ちの方は、ログインしてから承認すると、そのアカウントで同法人の手続きを行えるようになります。
      </Text>
      <ButtonLink href={acceptUrl} pasteHint>
        招待を確認する
      </ButtonLink>
      <Text style={textStyles.paragraph}>
        {`このURLの有効期限は ${formatJaDateTime(expiresAt)} まで（発行から${validityHours}時間）です。URLは一度だけ使えます。期限が切れた場合は、${corporateName}に再度の招待を依頼してください。`}
      </Text>
      <Text style={textStyles.small}>
        このメールに心当たりがない場合は、URLを開かずにこのメールを破棄してください。招待を承認しない限り、何も変わりません。
      </Text>
      <Text lang="en" style={textStyles.english}>
        {`${inviterName} of ${corporateName} has invited you to act for it at ${branding.tenantName.en} (role: ${ROLE_EN[role]}). Open ${acceptUrl} to accept, creating an account or signing in to the one you have. The link works once and expires on ${formatEnDateTime(expiresAt)}.`}
      </Text>
    </EmailLayout>
  );
}

OrganisationInvitation.PreviewProps = { ...previewProps, branding: previewBranding } satisfies TProps;

export const organisationInvitationTemplate = defineEmailTemplate({
  schema: ZOrganisationInvitationProps,
  subject: (props, branding) => `【${branding.tenantName.ja}】${props.corporateName}からの利用者招待`,
  links: (props) => [props.acceptUrl],
  component: OrganisationInvitation,
});
