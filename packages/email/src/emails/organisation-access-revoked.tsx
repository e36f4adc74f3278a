/** @jsxRuntime automatic */
/** @jsxImportSource react */
// ↑ See staff-account-created.tsx: needed when run from the repo root through tsx/vitest.
import { Text } from '@react-email/components';
import { z } from 'zod';
import { type TEmailBranding, previewBranding } from '../branding';
import { EmailLayout, textStyles } from '../components/email-layout';
import { formatEnDateTime, formatJaDateTime } from '../components/format';
import { defineEmailTemplate } from '../define-email-template';

export const ZOrganisationAccessRevokedProps = z.strictObject({
  /** 法人名 of the member whose procedures the user may no longer carry out. */
  corporateName: z.string().trim().min(1).max(200),
  /** The user whose access ended, as the organisation knows them. */
  recipientName: z.string().trim().min(1).max(100),
  /** When the access ended (ISO 8601). */
  revokedAt: z.iso.datetime({ offset: true }),
});
export type TOrganisationAccessRevokedProps = z.infer<typeof ZOrganisationAccessRevokedProps>;

const previewProps: TOrganisationAccessRevokedProps = {
  corporateName: '社会福祉法人さくら会',
  recipientName: '山田 太郎',
  revokedAt: '2026-11-27T01:00:00.000Z',
};

type TProps = TOrganisationAccessRevokedProps & { branding: TEmailBranding };

/**
 * SPEC G7: a member took back a user's access. The user learns it from us rather than from a
 * refused request; their account and their access to other organisations stay as they were.
 */
export default function OrganisationAccessRevoked({
  corporateName = previewProps.corporateName,
  recipientName = previewProps.recipientName,
  revokedAt = previewProps.revokedAt,
  branding = previewBranding,
}: Partial<TProps>) {
  const tenantJa = branding.tenantName.ja;
  return (
    <EmailLayout branding={branding} preview={`${corporateName}の手続きを行う権限が取り消されました。`}>
      <Text style={textStyles.paragraph}>{`${recipientName} 様`}</Text>
      <Text style={textStyles.paragraph}>
        {`${formatJaDateTime(revokedAt)}、${corporateName}により、${tenantJa}において同法人の会員手続きを行う権限が取り消されました。同法人の情報は表示・操作できなくなり、同法人を操作していたログインは終了しました。`}
      </Text>
      <Text style={textStyles.paragraph}>
        あなたのアカウント自体と、他の法人のために行っている手続きはそのままです。心当たりがない場合や、引き続き手続きが必要な場合は、同法人の管理者にお問い合わせください。
      </Text>
      <Text lang="en" style={textStyles.english}>
        {`On ${formatEnDateTime(revokedAt)}, ${corporateName} ended your access to its membership procedures at ${branding.tenantName.en}. Your account and any access to other organisations are unchanged. Ask the organisation's administrator if you still need access.`}
      </Text>
    </EmailLayout>
  );
}

OrganisationAccessRevoked.PreviewProps = { ...previewProps, branding: previewBranding } satisfies TProps;

export const organisationAccessRevokedTemplate = defineEmailTemplate({
  schema: ZOrganisationAccessRevokedProps,
  subject: (props, branding) => `【${branding.tenantName.ja}】${props.corporateName}の手続き権限が取り消されました`,
  links: () => [],
  component: OrganisationAccessRevoked,
});
